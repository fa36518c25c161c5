import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { RunRow } from '../../server/src/protocol/runSearch';
import type { HTMLButtonElement, HTMLElement, HTMLInputElement } from 'happy-dom';
import { runResult } from './fixtures';
import { openWebviewPage, type WebviewPage } from './webviewPage';

let page: WebviewPage | undefined;
afterEach(() => page?.close());

function rowsOf(p: WebviewPage): string[][] {
  return [...p.document.querySelectorAll('[data-testid="results-table"] tr[data-row-index]')].map(
    (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
  );
}

const hosts: RunRow[] = [
  { dest: 'FIN-WKS-07', count: '10' },
  { dest: 'ENG-WKS-12', count: '9' },
  { dest: 'HR-WKS-01', count: '100' },
];

test('the page asks the host for results as soon as it loads', async () => {
  page = await openWebviewPage();
  assert.deepEqual(page.posted, [{ type: 'ready' }]);
  assert.equal(page.document.getElementById('app')!.getAttribute('data-state'), 'empty');
});

test('rows, columns in the result order, summary, stages and messages', async () => {
  page = await openWebviewPage();
  page.send({
    type: 'show',
    run: {
      documentLabel: 'wermgr.spl',
      result: runResult(['dest', 'count'], hosts, {
        elapsedMs: 412,
        messages: [{ severity: 'warning', code: 'spl.engine.by-field-missing', message: 'x' }],
      }),
    },
  });
  const doc = page.document;
  assert.equal(doc.getElementById('app')!.getAttribute('data-state'), 'ready');
  assert.deepEqual(
    [...doc.querySelectorAll('th')].map((th) => th.getAttribute('data-field')),
    ['dest', 'count'],
  );
  assert.deepEqual(rowsOf(page), [
    ['FIN-WKS-07', '10'],
    ['ENG-WKS-12', '9'],
    ['HR-WKS-01', '100'],
  ]);
  assert.equal(doc.querySelector('[data-testid="summary"]')!.textContent, '3 rows in 412 ms');
  assert.equal(doc.querySelector('[data-testid="datasets"]')!.textContent, 'no sample data');
  const stage = doc.querySelector('[data-testid="stages"] li')!;
  assert.deepEqual([stage.getAttribute('data-in'), stage.getAttribute('data-out')], ['20', '3']);
  assert.equal(
    doc.querySelector('[data-testid="messages"] li')!.getAttribute('data-code'),
    'spl.engine.by-field-missing',
  );
});

test('a header click sorts numbers as numbers, a second click reverses, a third restores', async () => {
  page = await openWebviewPage();
  page.send({
    type: 'show',
    run: { documentLabel: 'a.spl', result: runResult(['dest', 'count'], hosts) },
  });
  const header = () => page!.document.querySelector<HTMLElement>('th[data-field="count"]')!;
  const counts = () => rowsOf(page!).map((r) => r[1]);
  header().click();
  assert.deepEqual(counts(), ['9', '10', '100']);
  assert.equal(header().getAttribute('aria-sort'), 'ascending');
  header().click();
  assert.deepEqual(counts(), ['100', '10', '9']);
  header().click();
  assert.deepEqual(counts(), ['10', '9', '100']);
});

test('the filter keeps matching rows and export sends the shown rows in the shown order', async () => {
  page = await openWebviewPage();
  page.send({
    type: 'show',
    run: { documentLabel: 'a.spl', result: runResult(['dest', 'count'], hosts) },
  });
  const filter = page.document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
  filter.value = 'wks-1';
  filter.dispatchEvent(new page.window.Event('input'));
  assert.deepEqual(
    rowsOf(page).map((r) => r[0]),
    ['ENG-WKS-12'],
  );
  assert.equal(
    page.document.querySelector('[data-testid="shown-count"]')!.textContent,
    '1 of 3 rows',
  );
  page.document.querySelector<HTMLElement>('[data-testid="export-csv"]')!.click();
  assert.deepEqual(page.posted.at(-1), { type: 'export', format: 'csv', rowIndices: [1] });
});

test('10,000 rows put only a window of rows in the DOM, and scrolling moves it', async () => {
  page = await openWebviewPage();
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ n: String(i) }));
  page.send({ type: 'show', run: { documentLabel: 'big.spl', result: runResult(['n'], rows) } });
  const inDom = () => page!.document.querySelectorAll('tr[data-row-index]');
  assert.ok(inDom().length > 10 && inDom().length < 100, `${inDom().length} rows in the DOM`);
  assert.equal(inDom()[0]!.getAttribute('data-row-index'), '0');
  const scroller = page.document.getElementById('table-scroller')!;
  scroller.scrollTop = 22 * 5000;
  scroller.dispatchEvent(new page.window.Event('scroll'));
  await page.settle();
  const first = Number(inDom()[0]!.getAttribute('data-row-index'));
  assert.ok(first > 4900 && first <= 5000, `first row in the DOM: ${first}`);
  assert.ok(inDom().length < 100);
});

test('a re-run with the same columns keeps sort and filter; new columns reset them', async () => {
  page = await openWebviewPage();
  const show = (fields: string[], rows: RunRow[]) =>
    page!.send({ type: 'show', run: { documentLabel: 'a.spl', result: runResult(fields, rows) } });
  show(['dest', 'count'], hosts);
  page.document.querySelector<HTMLElement>('th[data-field="count"]')!.click();
  page.send({ type: 'stale' });
  assert.equal(page.document.querySelector('[data-testid="stale"]')!.hasAttribute('hidden'), false);
  show(['dest', 'count'], [...hosts, { dest: 'NEW', count: '1' }]);
  assert.deepEqual(
    rowsOf(page).map((r) => r[1]),
    ['1', '9', '10', '100'],
  );
  assert.equal(page.document.querySelector('[data-testid="stale"]')!.hasAttribute('hidden'), true);
  show(
    ['dest', 'total'],
    [
      { dest: 'B', total: '2' },
      { dest: 'A', total: '1' },
    ],
  );
  assert.deepEqual(
    rowsOf(page).map((r) => r[0]),
    ['B', 'A'],
  );
});

test('stats results offer a bar chart; a click on a stage asks the host to reveal it', async () => {
  page = await openWebviewPage();
  const result = runResult(['dest', 'count'], hosts, {
    stages: [
      {
        command: 'search',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        in: 20,
        out: 3,
        ms: 1,
        sampleFields: [],
        sampleRows: [],
      },
      {
        command: 'stats',
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } },
        in: 3,
        out: 3,
        ms: 1,
        sampleFields: [],
        sampleRows: [],
      },
    ],
  });
  page.send({ type: 'show', run: { documentLabel: 'a.spl', result } });
  const chartButton = page.document.querySelector<HTMLButtonElement>('[data-testid="view-chart"]')!;
  assert.equal(chartButton.disabled, false);
  chartButton.click();
  const chart = page.document.querySelector('[data-testid="chart"]')!;
  assert.equal(chart.hasAttribute('hidden'), false);
  assert.equal(chart.querySelectorAll('rect.bar').length, 3);
  page.document.querySelector<HTMLElement>('[data-stage-index="1"] .command')!.click();
  assert.deepEqual(page.posted.at(-1), { type: 'revealStage', index: 1 });
});

test('the events view says when a row has no events or the run kept only some', async () => {
  page = await openWebviewPage();
  const event = {
    raw: 'plain text event',
    rawTruncated: true,
    source: 's',
    sourcetype: 't',
    host: 'h',
  };
  const result = runResult(['dest'], [{ dest: 'a' }, { dest: 'b' }], {
    rowEvents: [[], [0]],
    events: [event],
    eventsTruncated: true,
  });
  page.send({ type: 'show', run: { documentLabel: 'a.spl', result } });
  const events = page.document.querySelector('[data-testid="events"]')!;
  const click = (row: number) =>
    page!.document.querySelector<HTMLElement>(`tr[data-row-index="${row}"] td`)!.click();
  click(0);
  assert.equal(
    events.querySelector('.note')!.textContent,
    'The run kept no events for this row: it hit its event limits.',
  );
  click(1);
  assert.deepEqual(
    [...events.querySelectorAll('.note')].map((n) => n.textContent),
    [
      'The event is longer; only its start is shown.',
      'The run hit its event limits, so more events may be behind this row.',
    ],
  );
  assert.equal(events.querySelector('pre.raw')!.textContent, 'plain text event');
  assert.equal(page.document.querySelector('tr.selected')!.getAttribute('data-row-index'), '1');
  page.document.querySelector<HTMLElement>('#close-events')!.click();
  assert.equal(events.hasAttribute('hidden'), true);
});
