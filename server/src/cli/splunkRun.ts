import { fieldsOf, type ComparableRow } from '../splunk';
import { formatCsv } from './csv';
import { finishRemote, runRemote, type RemoteRunInput } from './splunkSession';
import { formatTable } from './table';

/**
 * `spl run --splunk`: the same formats as a local run. JSON streams each row as it arrives and
 * stays one valid document whatever happens (fields, messages and any error come after the
 * rows); CSV and the table need every field first, so they print at the end.
 */
export async function splunkRunCommand(input: RemoteRunInput, format: string): Promise<number> {
  const rows: ComparableRow[] = [];
  const stdout = (text: string): void => void process.stdout.write(text);
  let streamed = 0;
  const outcome = await runRemote(input, (row) => {
    if (format !== 'json') {
      rows.push(row);
      return;
    }
    if (streamed === 0) stdout('{"results":[\n');
    stdout(`${streamed === 0 ? '' : ',\n'}${JSON.stringify(row)}`);
    streamed++;
    rows.push(row);
  });
  if (outcome.kind === 'stopped') return outcome.exitCode;
  const { result, remote } = outcome;
  const fields = fieldsOf(rows);
  if (format === 'json') {
    const tail = {
      fields,
      messages: result.messages,
      ...(result.error ? { error: result.error } : {}),
    };
    const head = streamed === 0 ? '{"results":[' : '\n';
    stdout(`${head}],${JSON.stringify(tail).slice(1)}\n`);
  } else if (format === 'csv') {
    if (result.ok || rows.length > 0) stdout(formatCsv(fields, rows));
  } else if (result.ok || rows.length > 0) {
    stdout(formatTable(fields, rows, process.stdout.columns ?? 100));
  }
  return finishRemote(result, remote, input.source);
}
