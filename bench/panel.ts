/**
 * The results panel's cost for 10,000 result rows, against JSON.parse of the same payload (what
 * any webview must do to receive it) measured in the same run:
 *   - the table model: filter nothing, sort by a text column, first visible window;
 *   - a filter keystroke and a numeric sort on the built model;
 *   - the whole page: the built webview script (dist/webview/results.js, `npm run build`) in
 *     happy-dom, from the 'show' message to the first rows in the DOM (happy-dom is not a
 *     browser: a relative figure for regressions).
 * Run: node bench/bundled.mjs panel [rows]   (or node --import tsx bench/panel.ts [rows])
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TableModel, visibleWindow } from '../client/webview/model/tableModel';
import type { RunRow, RunSearchResult } from '../server/src/protocol/runSearch';
import { repoRoot, runResult } from '../test/client/fixtures';
import { openWebviewPage } from '../test/client/webviewPage';

const rowCount = Number(process.argv[2] ?? 10_000);
const ROUNDS = 9;

const fields = [
  'dest',
  'user',
  'parent_process_name',
  'process_name',
  'process_path',
  'process_id',
  'file_name',
  'file_path',
  'count',
  'firstTime',
  'lastTime',
  'signature',
];

/** Rows shaped like a detection's stats output over Sysmon events (synthetic values). */
function makeRows(count: number): RunRow[] {
  return Array.from({ length: count }, (_, i) => ({
    dest: `WKS-${(i * 7919) % 5000}`,
    user: `CORP\\user${i % 313}`,
    parent_process_name: i % 3 === 0 ? 'svchost.exe' : 'explorer.exe',
    process_name: `proc${i % 97}.exe`,
    process_path: `C:\\Windows\\System32\\proc${i % 97}.exe`,
    process_id: String(1000 + ((i * 31) % 60000)),
    file_name: `file${i}.tmp:Zone.Identifier`,
    file_path: [`C:\\Users\\u${i % 50}\\AppData\\Local\\Temp\\file${i}.tmp`, 'C:\\Temp'],
    count: String((i * 13) % 1000),
    firstTime: `2024-03-01T12:${String(i % 60).padStart(2, '0')}:00`,
    lastTime: `2024-03-02T08:${String(i % 60).padStart(2, '0')}:00`,
    signature: 'File stream created',
  }));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const result: RunSearchResult = runResult(fields, makeRows(rowCount), {
  rowEvents: Array.from({ length: rowCount }, (_, i) => [i % 100]),
});
const payload = JSON.stringify({ type: 'show', run: { documentLabel: 'bench.spl', result } });

async function main(): Promise<void> {
  const script = readFileSync(resolve(repoRoot, 'dist/webview/results.js'), 'utf8');
  const baseline: number[] = [];
  const model: number[] = [];
  const filter: number[] = [];
  const nextKey: number[] = [];
  const numericSort: number[] = [];
  const page: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let parsed: { run: { result: RunSearchResult } } | undefined;
    baseline.push(time(() => (parsed = JSON.parse(payload))));
    const rows = parsed!.run.result.rows;
    let built: TableModel | undefined;
    model.push(
      time(() => {
        built = new TableModel(fields, rows);
        const order = built.view({ filter: '', sort: { field: 'dest', direction: 'asc' } });
        visibleWindow(0, 600, 22, order.length);
      }),
    );
    filter.push(time(() => built!.view({ filter: 'wks-1' })));
    nextKey.push(time(() => built!.view({ filter: 'wks-12' })));
    numericSort.push(
      time(() => built!.view({ filter: '', sort: { field: 'count', direction: 'desc' } })),
    );

    const webview = await openWebviewPage(script);
    const message = JSON.parse(payload);
    const start = performance.now();
    webview.send(message);
    const shown = webview.document.querySelectorAll('tr[data-row-index]').length;
    page.push(performance.now() - start);
    await webview.close();
    if (shown === 0 || shown > 100) throw new Error(`the page shows ${shown} rows`);
  }

  const base = median(baseline);
  const line = (label: string, values: number[]): string =>
    `${label.padEnd(44)} ${median(values).toFixed(2).padStart(8)} ms  ${(median(values) / base).toFixed(2)}x JSON.parse`;
  console.log(
    `${rowCount} rows, ${fields.length} fields, payload ${(payload.length / 1e6).toFixed(1)} MB; medians of ${ROUNDS} rounds`,
  );
  console.log(line('baseline: JSON.parse of the payload', baseline));
  console.log(line('table model + text sort + first window', model));
  console.log(line('filter keystroke (first: builds search text)', filter));
  console.log(line('next filter keystroke', nextKey));
  console.log(line('numeric sort', numericSort));
  console.log(line('page: show message to first rows (happy-dom)', page));
}

void main();
