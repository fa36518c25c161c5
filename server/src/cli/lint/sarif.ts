import { pathToFileURL } from 'node:url';
import { macroRuleCatalog, type RuleInfo } from '../../core/analysis';
import type { Diagnostic, Severity } from '../../core/text/diagnostic';
import type { SourceRange } from '../../core/text/range';
import { displayPath } from './files';
import type { FileReport } from './lintFiles';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** Codes outside the rule catalog come from the parser or the file readers; say which. */
function uncataloguedRule(code: string, severity: Severity): RuleInfo {
  const summary = code.startsWith('spl.syntax.')
    ? 'A syntax problem found by the SPL parser.'
    : code.startsWith('spl.macro.')
      ? 'A problem reading or expanding a macro definition file.'
      : 'A problem reading the file that holds the search (YAML structure or quoting).';
  return { code, defaultSeverity: severity, summary };
}

function ruleJson(rule: RuleInfo) {
  const help = `${rule.summary} Default severity: ${rule.defaultSeverity}. Change it or turn it off under \`rules:\` in .spl-toolkit.yml, e.g. \`${rule.code}: off\`.`;
  return {
    id: rule.code,
    name: rule.code.replace(/^spl\./, '').replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.summary },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: ['spl', 'splunk'] },
  };
}

/** SARIF regions are 1-based, and endColumn is the column just past the last character. */
function region(range: SourceRange) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.column + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.column + 1,
  };
}

/** Inside the repository: relative to %SRCROOT%; outside (a macro folder elsewhere): a file URI. */
function artifactLocation(file: string, root: string) {
  const path = displayPath(file, root);
  return path.startsWith('/') || /^[A-Za-z]:/.test(path)
    ? { uri: pathToFileURL(path).href }
    : { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function location(artifact: ReturnType<typeof artifactLocation>, range: SourceRange) {
  return { physicalLocation: { artifactLocation: artifact, region: region(range) } };
}

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Every rule of the catalog is
 * listed with help text (plus any other code that occurs), and artifact URIs are relative to the
 * repository root so that alerts land on the files in the repository.
 */
export function sarifReport(
  reports: readonly FileReport[],
  root: string,
  toolVersion: string,
): string {
  const rules: RuleInfo[] = [...macroRuleCatalog];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.code, i]));
  const indexOf = (d: Diagnostic): number => {
    let index = ruleIndex.get(d.code);
    if (index === undefined) {
      index = rules.push(uncataloguedRule(d.code, d.severity)) - 1;
      ruleIndex.set(d.code, index);
    }
    return index;
  };
  const results = reports.flatMap((report) => {
    const artifact = artifactLocation(report.file, root);
    return report.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: indexOf(d),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [location(artifact, d.range)],
      ...(d.related && d.related.length > 0
        ? {
            relatedLocations: d.related.map((r, id) => ({
              id,
              message: { text: r.message },
              ...location(r.uri === undefined ? artifact : artifactLocation(r.uri, root), r.range),
            })),
          }
        : {}),
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'spl-toolkit',
            semanticVersion: toolVersion,
            version: toolVersion,
            rules: rules.map(ruleJson),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri(root) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A folder's file URI, ending in `/` as SARIF wants for a base. */
function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}
