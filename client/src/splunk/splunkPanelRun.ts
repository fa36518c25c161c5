/**
 * Splunk runs in the results panel's terms (no vscode import: unit-tested as is). A Splunk run has
 * rows and messages but no stages, events or timeline; a comparison shows the rows only one side
 * has as one table with a `side` column, so the panel's table, filter, sort and export work on it.
 */
import type {
  RunRow,
  RunRowsResult,
  RunSearchMessage,
  RunSearchResult,
} from '../../../server/src/protocol/runSearch';
import type {
  RunOnSplunkResult,
  SplunkMacroDifference,
  SplunkSearchMode,
} from '../../../server/src/protocol/splunk';
import { plural } from '../../webview/model/format';

export const sideField = 'side';
export const onlyLocalSide = 'only local';
export const onlyServerSide = 'only on Splunk';

export interface SplunkRunLabel {
  readonly host: string;
  readonly earliest: string;
  readonly latest: string;
  readonly mode: SplunkSearchMode;
}

/** `Splunk splunk.example.com:8089 · -24h to now · server's macros`: where the rows came from. */
export function splunkLabel(run: SplunkRunLabel): string {
  const macros = run.mode === 'server-macros' ? "server's macros" : 'our macro expansion';
  return `Splunk ${run.host} \u00b7 ${run.earliest} to ${run.latest} \u00b7 ${macros}`;
}

export function compareLabel(run: SplunkRunLabel, result: RunOnSplunkResult): string {
  const c = result.comparison;
  const counts = c
    ? ` \u00b7 ${c.inBoth} in both, ${c.onlyLocal.length} ${onlyLocalSide}, ${c.onlyServer.length} ${onlyServerSide}`
    : '';
  return `Sample data vs ${splunkLabel(run)}${counts}`;
}

/** The rows that arrived so far, shown while the search still runs. */
export function streamingResult(
  uri: string,
  version: number,
  rows: readonly RunRow[],
  totalRows: number,
  elapsedMs: number,
): RunSearchResult {
  return panelResult({
    uri,
    version,
    fields: fieldsOf(rows),
    rows,
    totalRows,
    elapsedMs,
    stopped: false,
    messages: [],
  });
}

/** A finished Splunk run: its rows, and its messages with the macro differences after them. */
export function splunkResult(result: RunOnSplunkResult): RunSearchResult {
  return panelResult({
    ...result,
    messages: [...result.messages, ...(result.macroDifferences ?? []).map(differenceMessage)],
  });
}

/**
 * A comparison: the rows only one side has, `side` first, over the compared fields; the messages
 * of both runs (the local ones marked as such).
 */
export function comparisonResult(result: RunOnSplunkResult): RunSearchResult {
  const comparison = result.comparison;
  const local = result.local;
  if (!comparison || !local) return splunkResult(result);
  // The tag wins over a field of the same name: the table must say which side a row is from.
  const tagged = (rows: readonly RunRow[], side: string) =>
    rows.map((row): RunRow => ({ ...row, [sideField]: side }));
  const rows = [
    ...tagged(comparison.onlyLocal, onlyLocalSide),
    ...tagged(comparison.onlyServer, onlyServerSide),
  ];
  const fieldNotes = [
    ...comparison.localOnlyFields.map((f) => `\`${f}\` only in the local rows`),
    ...comparison.serverOnlyFields.map((f) => `\`${f}\` only in the server rows`),
  ];
  return panelResult({
    uri: result.uri,
    version: result.version,
    fields: [sideField, ...comparison.fields.filter((f) => f !== sideField)],
    rows,
    totalRows: rows.length,
    elapsedMs: Math.max(result.elapsedMs, local.elapsedMs),
    stopped: result.stopped || local.stopped,
    messages: [
      comparisonSummary(comparison, local.totalRows, result.totalRows),
      ...splunkResult(result).messages,
      ...local.messages.map((m) => ({ ...m, message: `Local run: ${m.message}` })),
      ...(fieldNotes.length > 0
        ? [
            {
              severity: 'info' as const,
              code: 'splunk.compare.fields',
              message: `Not compared: ${fieldNotes.join(', ')}.`,
            },
          ]
        : []),
    ],
  });
}

/** What was compared and how it came out, since the table shows only the rows that differ. */
function comparisonSummary(
  comparison: NonNullable<RunOnSplunkResult['comparison']>,
  localRows: number,
  serverRows: number,
): RunSearchMessage {
  const on = comparison.fields.length > 0 ? comparison.fields.join(', ') : 'no common field';
  const same = comparison.onlyLocal.length === 0 && comparison.onlyServer.length === 0;
  const outcome = same ? 'The rows are the same.' : 'The table lists the rows only one side has.';
  return {
    severity: 'info',
    code: 'splunk.compare.summary',
    message: `Compared on ${on}: local ${plural(localRows, 'row')}, Splunk ${plural(serverRows, 'row')}, ${comparison.inBoth} in both. ${outcome}`,
  };
}

function differenceMessage(difference: SplunkMacroDifference): RunSearchMessage {
  const name = `\`${difference.name}\``;
  const message =
    difference.kind === 'differs'
      ? `Macro ${name} differs from the server's. Ours: ${difference.local ?? ''} | Server's: ${difference.server ?? ''}`
      : difference.kind === 'missing-on-server'
        ? `Macro ${name} is not defined on the server. Ours: ${difference.local ?? ''}`
        : `Macro ${name} is defined only on the server: ${difference.server ?? ''}`;
  return { severity: 'warning', code: `splunk.macro.${difference.kind}`, message };
}

/** A run's rows and messages; whether they were cut short follows from the counts. */
type PanelResultInput = Omit<RunRowsResult, 'truncated'>;

function panelResult(input: PanelResultInput): RunSearchResult {
  return {
    uri: input.uri,
    version: input.version,
    fields: input.fields,
    rows: input.rows,
    totalRows: input.totalRows,
    truncated: input.rows.length < input.totalRows,
    elapsedMs: input.elapsedMs,
    stopped: input.stopped,
    stages: [],
    messages: input.messages,
    rowEvents: input.rows.map(() => []),
    events: [],
    datasets: [],
    limits: {
      maxRows: input.rows.length,
      sampleRowsPerStage: 0,
      eventsPerRow: 0,
      maxEvents: 0,
      eventRawChars: 0,
    },
  };
}

function fieldsOf(rows: readonly RunRow[]): string[] {
  const fields = new Set<string>();
  for (const row of rows) for (const field of Object.keys(row)) fields.add(field);
  return [...fields];
}
