import type { Diagnostic, Severity } from '../../core/text/diagnostic';
import { formatDiagnostic } from '../report';
import type { Palette } from '../terminal';
import { displayPath } from './files';
import type { FileReport } from './lintFiles';

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of reports) for (const d of report.diagnostics) counts[d.severity] += 1;
  return counts;
}

export interface TextReportOptions {
  readonly base: string;
  readonly colours: Palette;
  /** Only errors, and no summary. */
  readonly quiet: boolean;
}

/** `file:line:col severity code message` per problem, related places indented, then a summary. */
export function textReport(reports: readonly FileReport[], options: TextReportOptions): string {
  const { base, colours, quiet } = options;
  const lines: string[] = [];
  for (const report of reports) {
    const path = displayPath(report.file, base);
    for (const fix of report.fixes)
      if (!quiet) lines.push(colours.dim(`${path}: fixed: ${fix.description}`));
    for (const d of report.diagnostics) {
      if (quiet && d.severity !== 'error') continue;
      const line = formatDiagnostic(path, d);
      const head = `${path}:${d.range.start.line + 1}:${d.range.start.column + 1}`;
      lines.push(
        `${head} ${colours.severity(d.severity, d.severity)}${line.slice(head.length + 1 + d.severity.length)}`,
      );
      for (const related of d.related ?? []) {
        const where = related.uri === undefined ? path : displayPath(related.uri, base);
        lines.push(
          colours.dim(
            `  ${where}:${related.range.start.line + 1}:${related.range.start.column + 1} ${related.message}`,
          ),
        );
      }
    }
  }
  if (!quiet) lines.push(summaryLine(reports, colours));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function summaryLine(reports: readonly FileReport[], colours: Palette): string {
  const counts = countSeverities(reports);
  const withProblems = reports.filter((r) => r.diagnostics.length > 0).length;
  const fixed = reports.filter((r) => r.fixes.length > 0).length;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) =>
      colours.severity(s, `${counts[s]} ${s}${counts[s] === 1 ? '' : s === 'info' ? '' : 's'}`),
    );
  const { checked, skipped } = fileCounts(reports);
  const checkedText = `${checked} file${checked === 1 ? '' : 's'} checked${skipped > 0 ? `, ${skipped} without SPL skipped` : ''}`;
  const fixedText = fixed > 0 ? `, ${fixed} fixed` : '';
  if (parts.length === 0) return colours.bold(`No problems (${checkedText}${fixedText}).`);
  return colours.bold(
    `${parts.join(', ')} in ${withProblems} file${withProblems === 1 ? '' : 's'} (${checkedText}${fixedText}).`,
  );
}

/** Files with SPL or macros, and the others (YAML such as data sources) read and skipped. */
function fileCounts(reports: readonly FileReport[]): { checked: number; skipped: number } {
  const skipped = reports.filter((r) => r.kind === 'other').length;
  return { checked: reports.length - skipped, skipped };
}

/** One position as reports give it: 1-based line and column (UTF-16 code units). */
function position(p: { line: number; column: number }) {
  return { line: p.line + 1, column: p.column + 1 };
}

function diagnosticJson(d: Diagnostic, path: string, base: string) {
  return {
    file: path,
    severity: d.severity,
    code: d.code,
    message: d.message,
    start: position(d.range.start),
    end: position(d.range.end),
    related: (d.related ?? []).map((r) => ({
      file: r.uri === undefined ? path : displayPath(r.uri, base),
      message: r.message,
      start: position(r.range.start),
      end: position(r.range.end),
    })),
  };
}

/** `--format json`: every file checked, its problems and its fixes, and the totals. */
export function jsonReport(reports: readonly FileReport[], base: string): string {
  return `${JSON.stringify({
    summary: { ...fileCounts(reports), ...countSeverities(reports) },
    files: reports
      .filter((r) => r.diagnostics.length > 0 || r.fixes.length > 0)
      .map((r) => {
        const path = displayPath(r.file, base);
        return {
          file: path,
          kind: r.kind,
          fixes: r.fixes.map((f) => f.description),
          diagnostics: r.diagnostics.map((d) => diagnosticJson(d, path, base)),
        };
      }),
  })}\n`;
}
