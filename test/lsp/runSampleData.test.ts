import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chooseSampleData, sampleDataOf } from '../../server/src/lsp/sampleData';
import { defaultSettings, WorkspaceSettings } from '../../server/src/lsp/settings';

let outside: string;
let workspace: string;
let detectionUri: string;
const attackDataUrl =
  'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1/sysmon.log';
const detection = `name: X
search: '\`sysmon\` EventCode=1 | stats count by dest'
tests:
  - name: True Positive Test
    attack_data:
      - data: ${attackDataUrl}
        source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational
        sourcetype: XmlWinEventLog
      - data: ../../outside.log
`;

before(() => {
  outside = mkdtempSync(join(tmpdir(), 'spl-sample-data-'));
  workspace = join(outside, 'workspace');
  mkdirSync(join(workspace, 'detections'), { recursive: true });
  mkdirSync(join(workspace, 'attack_data/datasets/attack_techniques/T1'), { recursive: true });
  mkdirSync(join(workspace, 'events'));
  writeFileSync(join(workspace, 'attack_data/datasets/attack_techniques/T1/sysmon.log'), '');
  writeFileSync(join(workspace, 'events/a.log'), '');
  writeFileSync(join(outside, 'outside.log'), '');
  detectionUri = pathToFileURL(join(workspace, 'detections/x.yml')).href;
});
after(() => rmSync(outside, { recursive: true, force: true }));

function sources(sampleDataPaths: string[] = []) {
  const settings = new WorkspaceSettings();
  settings.setFolders([workspace]);
  settings.update({ ...defaultSettings, sampleDataPaths });
  return { settings, defaultPaths: () => [join(workspace, 'events')] };
}

describe('sample data of a run', () => {
  it("uses the detection's tests: datasets through the local attack_data clone, in the workspace only", () => {
    const choice = chooseSampleData(detectionUri, detection, sources());
    const local = join(workspace, 'attack_data/datasets/attack_techniques/T1/sysmon.log');
    assert.deepEqual(choice.datasets, [
      {
        path: local,
        source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
        sourcetype: 'XmlWinEventLog',
      },
    ]);
    assert.deepEqual(
      sampleDataOf(detectionUri, detection, sources()).detectionDatasets.map((d) => d.usable),
      [true, false],
    );
  });

  it('the setting comes before the detection, the request before both; outside paths are dropped', () => {
    assert.deepEqual(chooseSampleData(detectionUri, detection, sources(['events'])).described, [
      { path: join(workspace, 'events'), origin: 'setting' },
    ]);
    const requested = chooseSampleData(detectionUri, detection, sources(['events']), [
      'events/a.log',
      join(outside, 'outside.log'),
    ]);
    assert.deepEqual(requested.described, [
      { path: join(workspace, 'events/a.log'), origin: 'request' },
    ]);
  });

  it('a .spl file without a setting runs on the workspace default', () => {
    const uri = pathToFileURL(join(workspace, 'x.spl')).href;
    assert.deepEqual(chooseSampleData(uri, 'EventCode=1', sources()).described, [
      { path: join(workspace, 'events'), origin: 'workspace-default' },
    ]);
  });
});
