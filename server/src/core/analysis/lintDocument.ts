import { performance } from 'node:perf_hooks';
import type { FileDiagnostic, MacroIndex } from '../macros';
import { parseSpl } from '../syntax';
import { detectionFilterMacroName, readDetectionYaml } from '../syntax/documents';
import { decodeFlowScalar } from '../syntax/documents/flowScalar';
import type { Diagnostic } from '../text/diagnostic';
import { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import { lintMacroDefinitions } from './definitionRules';
import { lintSpl, type LintContext } from './lintSpl';
import { applySeverities, type SeverityOverrides } from './rules';

/**
 * What a file holds, for linting: SPL as it is, a detection (YAML with `search:`), a macro
 * definition file, or something else (data sources, lookup descriptions) that has no SPL.
 */
export type LintDocumentKind = 'spl' | 'detection' | 'macroYaml' | 'macrosConf' | 'other';

const searchKey = /^search[ \t]*:/m;
/** `search: '...'` on one line: quotes inside doubled, nothing but a comment after it. */
const singleQuotedLine = /^search[ \t]*:[ \t]+('(?:[^'\r\n]|'')*')[ \t]*(?:#[^\r\n]*)?\r?\n?$/;
const definitionKey = /^definition[ \t]*:/m;

export function lintDocumentKind(path: string, text: string): LintDocumentKind {
  if (/\.(spl|splunk)$/i.test(path)) return 'spl';
  if (/(^|[\\/])macros\.conf$/i.test(path)) return 'macrosConf';
  if (!/\.ya?ml$/i.test(path)) return 'other';
  if (searchKey.test(text)) return 'detection';
  return definitionKey.test(text) ? 'macroYaml' : 'other';
}

/** Where the time of a lint goes; callers that time it pass one object and read it afterwards. */
export interface LintTimings {
  parseMs: number;
  rulesMs: number;
}

/**
 * The diagnostics the editor and `spl lint` show for one search: syntax, then the lint rules, in
 * order of position, with the configured severities applied to all of them.
 */
export function checkSearch(
  spl: string,
  context: LintContext,
  timings?: LintTimings,
): Diagnostic[] {
  const parseStart = performance.now();
  const parsed = parseSpl(spl);
  const rulesStart = performance.now();
  const lint = lintSpl(spl, { ...context, pipeline: parsed.pipeline });
  if (timings) {
    timings.parseMs += rulesStart - parseStart;
    timings.rulesMs += performance.now() - rulesStart;
  }
  return applySeverities([...parsed.diagnostics, ...lint], context.severities).sort(
    (a, b) => a.range.start.offset - b.range.start.offset,
  );
}

/** A search file checked: its SPL, and every diagnostic in the file's own lines and columns. */
export interface SearchDocumentLint {
  readonly kind: 'spl' | 'detection';
  readonly spl: string;
  /** The detection's file name, which names its `_filter` macro. */
  readonly detectionFileName?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** SPL offset -> file offset; undefined for a detection without a readable `search:`. */
  readonly toFileOffset?: (splOffset: number) => number;
}

interface DetectionSearch {
  readonly search?: { readonly text: string; toFileOffset(offset: number): number };
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The `search:` of a detection. Composing a whole detection with the yaml package costs about
 * ten times as much as the search entry alone (descriptions, tests and tags are most of a file),
 * so the top-level `search:` entry is read on its own first, up to the next top-level line. The
 * whole file is read as the editor reads it whenever that entry alone does not read cleanly, so
 * every problem in the search is reported the same way; YAML problems elsewhere in a file whose
 * search reads cleanly are left to YAML tools.
 */
export function readDetectionSearch(text: string): DetectionSearch {
  const key = searchKey.exec(text);
  if (key) {
    const rest = text.slice(key.index);
    const nextTopLevel = /\n(?=[^\s#])/.exec(rest);
    const entry = nextTopLevel ? rest.slice(0, nextTopLevel.index + 1) : rest;
    // Most detections hold the search on one single-quoted line: decode it without the yaml
    // package, with the same decoder that maps the characters back.
    const quoted = singleQuotedLine.exec(entry);
    if (quoted?.[1] !== undefined) {
      const start = key.index + entry.indexOf(quoted[1], key[0].length);
      const decoded = decodeFlowScalar(quoted[1], start, 'single');
      return {
        search: {
          text: decoded.text,
          toFileOffset: (o) =>
            decoded.offsets[Math.max(0, Math.min(Math.trunc(o), decoded.offsets.length - 1))] ??
            start,
        },
        diagnostics: [],
      };
    }
    const alone = readDetectionYaml(entry);
    const search = alone.search;
    if (search && alone.diagnostics.length === 0) {
      return {
        search: { text: search.text, toFileOffset: (o) => key.index + search.toFileOffset(o) },
        diagnostics: [],
      };
    }
  }
  return readDetectionYaml(text);
}

/** Lints a .spl file or a detection YAML (the `search:` value, mapped back to the file). */
export function lintSearchDocument(
  path: string,
  text: string,
  context: Omit<LintContext, 'detectionFileName'>,
  timings?: LintTimings,
): SearchDocumentLint {
  if (lintDocumentKind(path, text) !== 'detection') {
    return {
      kind: 'spl',
      spl: text,
      diagnostics: checkSearch(text, context, timings),
      toFileOffset: (offset) => offset,
    };
  }
  const detectionFileName = path.replace(/^.*[\\/]/, '');
  const detection = readDetectionSearch(text);
  const reading = applySeverities(detection.diagnostics, context.severities);
  const search = detection.search;
  if (!search) return { kind: 'detection', spl: '', detectionFileName, diagnostics: reading };
  const fileLines = new LineIndex(text);
  const toFileRange = (range: SourceRange): SourceRange => {
    const start = search.toFileOffset(range.start.offset);
    // The end is exclusive: map the last character and step past it.
    const end =
      range.end.offset > range.start.offset ? search.toFileOffset(range.end.offset - 1) + 1 : start;
    return fileLines.range(start, end);
  };
  const inSearch = checkSearch(search.text, { ...context, detectionFileName }, timings).map(
    (d) => ({
      ...d,
      range: toFileRange(d.range),
      ...(d.related
        ? {
            related: d.related.map((r) =>
              r.uri === undefined ? { ...r, range: toFileRange(r.range) } : r,
            ),
          }
        : {}),
    }),
  );
  return {
    kind: 'detection',
    spl: search.text,
    detectionFileName,
    diagnostics: [...reading, ...inSearch],
    toFileOffset: (offset) => search.toFileOffset(offset),
  };
}

/**
 * Problems in macro files, by file: what reading them reported plus the definition rules over
 * the whole index (a definition can only be checked against every other one).
 */
export function lintMacroFiles(
  index: MacroIndex,
  readingProblems: readonly FileDiagnostic[],
  severities?: SeverityOverrides,
): Map<string, FileDiagnostic[]> {
  const byFile = new Map<string, FileDiagnostic[]>();
  const problems = [
    ...applySeverities(readingProblems, severities),
    ...lintMacroDefinitions(index, severities),
  ];
  for (const problem of problems) {
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  }
  for (const list of byFile.values())
    list.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return byFile;
}

/** The safe fix for a missing `_filter` call: the text to append to the detection's search. */
export function filterMacroAppendix(detectionFileName: string): string {
  return ` | \`${detectionFilterMacroName(detectionFileName)}\``;
}
