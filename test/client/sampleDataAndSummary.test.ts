import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { sampleChoices, settingPath } from '../../client/src/results/sampleDataChoices';
import { formatDuration, plural, runSummary } from '../../client/webview/model/format';

const root = resolve('/ws');

test('the picker offers every folder holding sample files once, and the files', () => {
  const files = ['/ws/data/b.log', '/ws/data/a.xml', '/ws/other/c.log'].map((f) => resolve(f));
  assert.deepEqual(sampleChoices(files), {
    folders: [resolve('/ws/data'), resolve('/ws/other')],
    files: [resolve('/ws/data/a.xml'), resolve('/ws/data/b.log'), resolve('/ws/other/c.log')],
  });
});

test('chosen paths go into the setting relative to the workspace folder when inside it', () => {
  assert.equal(settingPath(resolve('/ws/data/a.log'), root), 'data/a.log');
  assert.equal(settingPath(root, root), '.');
  assert.equal(settingPath(resolve('/elsewhere/x.log'), root), resolve('/elsewhere/x.log'));
  assert.equal(settingPath(resolve('/ws-other/x.log'), root), resolve('/ws-other/x.log'));
  assert.equal(settingPath(resolve('/x.log'), undefined), resolve('/x.log'));
});

test('run summaries read as people say them', () => {
  assert.equal(formatDuration(412.4), '412 ms');
  assert.equal(formatDuration(1234), '1.23 s');
  assert.equal(formatDuration(125_000), '2 min 5 s');
  assert.equal(plural(1, 'row'), '1 row');
  assert.equal(plural(2314, 'row'), '2,314 rows');
  assert.equal(
    runSummary({ totalRows: 50_000, shownRows: 1000, elapsedMs: 3100, stopped: true }),
    '50,000 rows (first 1,000 shown) in 3.10 s, stopped',
  );
});
