import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { HTMLElement } from 'happy-dom';
import { toCsv } from '../../client/src/results/exportResults';
import type { RunSearchResult } from '../../server/src/protocol/runSearch';
import { fileUri, LspSession, repoRoot } from '../lsp/lspSession';
import { openWebviewPage, type WebviewPage } from './webviewPage';

// The panel fed by the real language server: the wermgr detection on sample-data/events, whose
// expected rows and stage counts sample-data/README.md gives.
const wermgr = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl';
let result: RunSearchResult;
let page: WebviewPage;

before(async () => {
  const session = await LspSession.start('sample-data');
  try {
    const uri = fileUri(wermgr);
    await session.open(uri, 'spl', readFileSync(resolve(repoRoot, wermgr), 'utf8'));
    result = await session.request<RunSearchResult>('spl/runSearch', { uri });
  } finally {
    await session.stop();
  }
  page = await openWebviewPage();
  page.send({ type: 'show', run: { documentLabel: 'wermgr.spl', result } });
});
after(() => page.close());

test('the table shows the two true positives with a column per field', () => {
  const doc = page.document;
  const headers = [...doc.querySelectorAll('[data-testid="results-table"] th')].map((th) =>
    th.getAttribute('data-field'),
  );
  assert.deepEqual(headers, result.fields);
  const dests = [...doc.querySelectorAll('tr[data-row-index] td[data-field="dest"]')].map(
    (td) => td.textContent,
  );
  assert.deepEqual(dests, ['ENG-WKS-12.corp.example.com', 'FIN-WKS-07.corp.example.com']);
  assert.match(doc.querySelector('[data-testid="summary"]')!.textContent!, /^2 rows in /);
  assert.match(doc.querySelector('[data-testid="datasets"]')!.textContent!, /^over /);
});

// sample-data/README.md: 20 -> 3 -> 2 -> 2 -> 2 -> 2 (events read, then out of each of 5 stages).
test('the pipeline shows events in and out of every stage', () => {
  const stages = [...page.document.querySelectorAll('[data-testid="stages"] li')];
  assert.deepEqual(
    stages.map((li) => Number(li.getAttribute('data-out'))),
    [3, 2, 2, 2, 2],
  );
  assert.equal(stages[0]!.getAttribute('data-in'), '20');
});

test('a row click shows the Sysmon events behind it, indented', async () => {
  page.document.querySelector<HTMLElement>('tr[data-row-index="1"] td')!.click();
  await page.settle();
  const events = page.document.querySelector('[data-testid="events"]')!;
  assert.equal(events.getAttribute('data-row-index'), '1');
  const lines = [...events.querySelectorAll('pre.raw .line')].map((l) => l.textContent ?? '');
  assert.ok(lines.length > 10, `${lines.length} lines`);
  assert.ok(lines.some((l) => /^ {4}<Data Name='TargetFilename'>.*FIN|^ {4}<Computer>FIN/.test(l)));
});

test('the timeline counts the matched events and CSV export holds both rows', () => {
  const timeline = page.document.querySelector('[data-testid="timeline"]')!;
  const counted = [...timeline.querySelectorAll('rect.bar')].reduce(
    (sum, rect) => sum + Number(rect.getAttribute('data-count')),
    0,
  );
  assert.ok(result.timeline);
  assert.equal(counted, result.timeline.eventCount);
  assert.equal(timeline.hasAttribute('hidden'), false);
  const csv = toCsv(result.fields, result.rows);
  assert.equal(csv.split('\r\n').length, 4);
  assert.ok(csv.includes('FIN-WKS-07.corp.example.com'));
});
