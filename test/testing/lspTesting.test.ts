import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type {
  ListDetectionTestsResult,
  RunDetectionTestResult,
} from '../../server/src/protocol/detectionTests';
import { CancellationTokenSource } from 'vscode-languageserver';
import { loadMacroFiles } from '../../server/src/core/macros';
import { runDetectionTest } from '../../server/src/lsp/testingRequests';
import { fileUri, LspSession, repoRoot } from '../lsp/lspSession';
import { sampleMacros, wermgrStem, wermgrYaml } from './fixtures';

const wermgrUri = fileUri(`sample-data/detections/${wermgrStem}.yml`);
/** An unsaved document: the server must take its text from the editor, not the disk. */
const scratchUri = fileUri('sample-data/detections/unsaved_scratch.yml');
const scratchText = [
  'name: Unsaved Scratch',
  'search: |-',
  '  `sysmon` EventCode=15',
  '  | contingency host',
  'tests:',
  '  - name: Only Test',
  '    attack_data:',
  '      - data: ../events/wermgr_ads_sysmon.log',
  '        sourcetype: XmlWinEventLog',
  '',
].join('\n');

let session: LspSession;
before(async () => {
  session = await LspSession.start('sample-data');
  await session.open(scratchUri, 'yaml', scratchText);
});
after(() => session.stop());

describe('spl/listDetectionTests', () => {
  it("lists the workspace's detections with tests, each test with its range", async () => {
    const listed = await session.request<ListDetectionTestsResult>('spl/listDetectionTests', {});
    assert.equal(listed.truncated, false);
    assert.deepEqual(
      listed.detections.map((d) => d.uri),
      [wermgrUri],
      'the expected-results file and macro YAML are not detections; an unsaved file is not on disk',
    );
    const [wermgr] = listed.detections;
    assert.equal(wermgr!.name, 'Windows Wermgr Alternate Data Stream in Temp Dir');
    const lines = readFileSync(wermgrYaml, 'utf8').split('\n');
    const testLine = lines.findIndex((line) => line.includes('- name: True Positive Test'));
    assert.deepEqual(wermgr!.tests, [
      {
        name: 'True Positive Test',
        range: {
          start: { line: testLine, character: 4 },
          end: { line: lines.length - 1, character: 0 },
        },
      },
    ]);
  });

  it('lists only the files asked for, taking open documents as the editor holds them', async () => {
    const listed = await session.request<ListDetectionTestsResult>('spl/listDetectionTests', {
      uris: [scratchUri, 'file:///etc/outside.yml'],
    });
    assert.deepEqual(
      listed.detections.map((d) => [d.name, d.tests.map((t) => t.name)]),
      [['Unsaved Scratch', ['Only Test']]],
    );
  });
});

describe('spl/runDetectionTest', () => {
  it('passes the wermgr sample with its two results', async () => {
    const run = await session.request<RunDetectionTestResult>('spl/runDetectionTest', {
      uri: wermgrUri,
      test: 'True Positive Test',
    });
    assert.deepEqual(
      run.outcomes.map((o) => [o.name, o.status, o.resultCount, o.reasons]),
      [['True Positive Test', 'pass', 2, []]],
    );
  });

  it('fails an unsupported command with the reason at its place in the document', async () => {
    const run = await session.request<RunDetectionTestResult>('spl/runDetectionTest', {
      uri: scratchUri,
    });
    const [outcome] = run.outcomes;
    assert.equal(outcome?.status, 'fail');
    const reason = outcome.reasons.find((r) => r.code === 'spl.engine.unsupported-command');
    assert.equal(reason?.uri, scratchUri);
    assert.deepEqual(reason?.range, {
      start: { line: 3, character: 4 },
      end: { line: 3, character: 15 },
    });
  });

  it('refuses a file outside the workspace', async () => {
    await assert.rejects(
      session.request('spl/runDetectionTest', { uri: 'file:///etc/passwd' }),
      /not a readable detection file inside the workspace/,
    );
  });

  it('stops when the editor cancels the request', async () => {
    const cancellation = new CancellationTokenSource();
    cancellation.cancel();
    const macroIndex = loadMacroFiles([sampleMacros]).index;
    const result = await runDetectionTest(
      { uri: wermgrUri },
      { folders: () => [repoRoot], openText: () => undefined, macroIndex: () => macroIndex },
      cancellation.token,
    );
    assert.ok(!(result instanceof Error));
    assert.deepEqual(
      result.outcomes.map((o) => [o.status, o.reasons[0]?.code]),
      [['skip', 'spl.test.cancelled']],
    );
  });
});
