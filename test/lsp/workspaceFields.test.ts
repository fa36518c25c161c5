/** The sample-data field index: limits, paths, and values by frequency. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readSettings, WorkspaceSettings } from '../../server/src/lsp/settings';
import { maxSampleEvents, WorkspaceFields } from '../../server/src/lsp/workspaceFields';
import { repoRoot } from './lspSession';

const folder = mkdtempSync(join(tmpdir(), 'spl-fields-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function fieldsFor(folders: string[], section: unknown): WorkspaceFields {
  const settings = new WorkspaceSettings();
  settings.setFolders(folders);
  settings.update(readSettings(section).settings);
  return new WorkspaceFields(settings);
}

test('reading stops at the event limit and says so', async () => {
  const lines = Array.from({ length: maxSampleEvents + 100 }, (_, i) => `line ${i}`);
  writeFileSync(join(folder, 'big.log'), `${lines.join('\n')}\n`);
  const fields = fieldsFor([folder], { sampleDataPaths: ['big.log'] });
  await fields.rebuild();
  assert.equal(fields.status?.events, maxSampleEvents);
  assert.equal(fields.status?.stoppedBy, 'events');
  assert.equal(fields.fields.get('sourcetype')?.events, maxSampleEvents);
});

test('by default a workspace folder reads its sample-data/events; values come by frequency', async () => {
  const fields = fieldsFor([repoRoot], {});
  assert.deepEqual(fields.samplePaths(), [join(repoRoot, 'sample-data', 'events')]);
  await fields.rebuild();
  assert.equal(fields.status?.events, 20);
  assert.equal(fields.status?.stoppedBy, undefined);
  const eventCode = fields.fields.get('EventCode');
  assert.deepEqual(eventCode?.topValues.slice(0, 2), [
    { value: '15', count: 7 },
    { value: '1', count: 4 },
  ]);
  assert.equal(fields.fields.get('_raw'), undefined);
});

test('sample paths outside the workspace are not read', () => {
  const fields = fieldsFor([folder], { sampleDataPaths: ['../elsewhere', '/etc'] });
  assert.deepEqual(fields.samplePaths(), []);
});
