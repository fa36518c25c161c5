import type { RunResult } from '../core/engine/run';
import { compareRows, type ComparableRow, type RowComparison } from '../splunk';
import { formatCsv } from './csv';
import { finishRemote, runRemote, type RemoteRunInput } from './splunkSession';
import { formatTable } from './table';

/**
 * `spl run --compare`: the local result against the server's for the same search, on `fields`
 * or on every field both sides have. Exit 0 when both sides have the same rows, 1 when they
 * differ or the server run failed.
 */
export async function splunkCompareCommand(
  input: RemoteRunInput,
  local: RunResult,
  format: string,
  fields?: readonly string[],
): Promise<number> {
  const serverRows: ComparableRow[] = [];
  const outcome = await runRemote(input, (row) => serverRows.push(row));
  if (outcome.kind === 'stopped') return outcome.exitCode;
  const exitCode = finishRemote(outcome.result, outcome.remote, input.source);
  if (exitCode !== 0) return exitCode;
  const comparison = compareRows(local.results, serverRows, fields);
  const counts = { local: local.results.length, server: serverRows.length };
  const width = process.stdout.columns ?? 100;
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify({ ...comparison, localCount: counts.local, serverCount: counts.server })}\n`
      : format === 'csv'
        ? comparisonCsv(comparison)
        : comparisonText(comparison, counts, width),
  );
  return comparison.onlyLocal.length === 0 && comparison.onlyServer.length === 0 ? 0 : 1;
}

function comparisonText(
  comparison: RowComparison,
  counts: { local: number; server: number },
  width: number,
): string {
  const { fields, onlyLocal, onlyServer } = comparison;
  const parts = [
    `Compared on ${fields.length > 0 ? fields.join(', ') : '(no field both sides have)'}: local ${counts.local} rows, Splunk ${counts.server} rows, ${comparison.inBoth} in both.\n`,
  ];
  if (comparison.localOnlyFields.length > 0) {
    parts.push(`Fields only local: ${comparison.localOnlyFields.join(', ')}\n`);
  }
  if (comparison.serverOnlyFields.length > 0) {
    parts.push(`Fields only on Splunk: ${comparison.serverOnlyFields.join(', ')}\n`);
  }
  if (onlyLocal.length === 0 && onlyServer.length === 0) parts.push('The rows are the same.\n');
  if (onlyLocal.length > 0) {
    const shown = shownFields(fields, onlyLocal);
    parts.push(`\nOnly local (${onlyLocal.length}):\n${formatTable(shown, onlyLocal, width)}`);
  }
  if (onlyServer.length > 0) {
    const shown = shownFields(fields, onlyServer);
    parts.push(
      `\nOnly on Splunk (${onlyServer.length}):\n${formatTable(shown, onlyServer, width)}`,
    );
  }
  return parts.join('');
}

/** The compared fields first, then the rows' other fields: a row is read whole. */
function shownFields(compared: readonly string[], rows: readonly ComparableRow[]): string[] {
  const shown = new Set(compared);
  for (const row of rows) for (const field of Object.keys(row)) shown.add(field);
  return [...shown];
}

/** One CSV with a `side` column (local or splunk) and the compared fields. */
function comparisonCsv(comparison: RowComparison): string {
  const rows = [
    ...comparison.onlyLocal.map((row) => ({ ...row, side: 'local' })),
    ...comparison.onlyServer.map((row) => ({ ...row, side: 'splunk' })),
  ];
  return formatCsv(['side', ...comparison.fields.filter((f) => f !== 'side')], rows);
}
