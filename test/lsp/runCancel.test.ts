import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  CancellationTokenSource,
  LSPErrorCodes,
  ResponseError,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol';
import { generateEvents } from '../../bench/generate-events';
import { runSearchRequest } from '../../server/src/protocol/runSearch';
import { LspSession } from './lspSession';

/** 10,000 generated events, linked 20 times: a run far longer than the test waits. */
const eventsPerFile = 10_000;
const copies = 20;
let workspace: string;
let session: LspSession;
let connection: ProtocolConnection;
const searchUri = () => pathToFileURL(join(workspace, 'slow.spl')).href;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'spl-run-cancel-'));
  const events = join(workspace, 'events');
  mkdirSync(events);
  await generateEvents(eventsPerFile, join(events, 'sysmon-0.log'));
  for (let i = 1; i < copies; i++) {
    linkSync(join(events, 'sysmon-0.log'), join(events, `sysmon-${i}.log`));
  }
  session = await LspSession.start(workspace);
  // lspSession's `request` takes no cancellation token; the run's cancellation needs one.
  connection = (session as unknown as { connection: ProtocolConnection }).connection;
  await session.open(searchUri(), 'spl', 'sourcetype=XmlWinEventLog | stats count by process_guid');
});

after(async () => {
  await session.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('a long run keeps the server answering, and cancelling it stops it', async () => {
  const cancel = new CancellationTokenSource();
  let settled = false;
  const running = connection
    .sendRequest(runSearchRequest, { uri: searchUri(), sampleDataPaths: ['events'] }, cancel.token)
    .finally(() => (settled = true));
  running.catch(() => undefined);
  await new Promise((wake) => setTimeout(wake, 500));
  // The engine gives the event loop turns, so other requests are answered during the run.
  const hover = await session.hover(searchUri(), 0, 30);
  assert.ok(hover, 'a hover on stats during the run');
  assert.equal(settled, false, 'the run was still going when the hover came back');
  cancel.cancel();
  await assert.rejects(running, (error: unknown) => {
    assert.ok(error instanceof ResponseError);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    return true;
  });
});
