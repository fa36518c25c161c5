import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type ProtocolConnection } from 'vscode-languageserver-protocol';
import {
  runOnSplunkRequest,
  splunkRowsNotification,
  type RunOnSplunkParams,
  type RunOnSplunkResult,
  type SplunkRowsParams,
} from '../../server/src/protocol/splunk';
import { MOCK_TOKEN, startMockSplunk, type MockSplunk } from '../splunk/mockSplunk';
import { LspSession } from './lspSession';

/** Our macros: `sysmon` differs from the mock server's, `local_only` is not on it. */
const macrosConf = `[sysmon]
definition = index=main sourcetype=sysmon

[security_content_ctime(1)]
args = field
definition = convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)

[local_only]
definition = host=*
`;
/** A detection whose rex has a broken regex: the mock answers as Splunk does for it. */
const detectionYaml = `name: Broken Rex
search: '| makeresults count=1 | rex field=user "(?<user>\\w+" | eval note="badrex"'
`;

let workspace: string;
let mock: MockSplunk;
let session: LspSession;
let connection: ProtocolConnection;
const notifications: { at: number; params: SplunkRowsParams }[] = [];
let runs = 0;

const uriOf = (name: string) => pathToFileURL(join(workspace, name)).href;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'spl-splunk-'));
  writeFileSync(join(workspace, 'macros.conf'), macrosConf);
  writeFileSync(join(workspace, 'broken_rex.yml'), detectionYaml);
  mock = await startMockSplunk();
  session = await LspSession.start(workspace);
  // lspSession has no helper for server notifications or cancellation tokens.
  connection = (session as unknown as { connection: ProtocolConnection }).connection;
  connection.onNotification(splunkRowsNotification, (params) =>
    notifications.push({ at: Date.now(), params }),
  );
});

after(async () => {
  await session.stop();
  await mock.stop();
  rmSync(workspace, { recursive: true, force: true });
});

/** Opens `text` as a new .spl document and waits until the server has read the macros. */
async function openSpl(text: string): Promise<string> {
  const uri = uriOf(`search-${++runs}.spl`);
  await session.open(uri, 'spl', text);
  await session.diagnostics(uri);
  return uri;
}

function params(uri: string, extra: Partial<RunOnSplunkParams> = {}): RunOnSplunkParams {
  return {
    uri,
    runId: `run-${runs}`,
    connection: { baseUrl: mock.baseUrl, token: MOCK_TOKEN, verifyTls: true },
    earliest: '-24h',
    latest: 'now',
    mode: 'server-macros',
    ...extra,
  };
}

const runOnSplunk = (p: RunOnSplunkParams, token?: CancellationTokenSource) =>
  connection.sendRequest(runOnSplunkRequest, p, token?.token);

describe('spl/runOnSplunk against the mock Splunk', () => {
  it('streams rows in batches before the answer, which holds them all', async () => {
    const uri = await openSpl('index=main count=60');
    const request = params(uri);
    const result = await runOnSplunk(request);
    const answeredAt = Date.now();
    const streamed = notifications.filter((n) => n.params.runId === request.runId);
    assert.ok(streamed.length >= 2, `rows came in ${streamed.length} notification(s)`);
    assert.ok(streamed.every((n) => n.at <= answeredAt));
    assert.deepEqual(
      streamed.flatMap((n) => n.params.rows),
      result.rows,
    );
    assert.equal(streamed.at(-1)?.params.totalRows, 60);
    assert.equal(result.totalRows, 60);
    assert.deepEqual(result.fields, ['index', 'host']);
    assert.deepEqual(result.rows[59], { index: '59', host: 'host59' });
    assert.equal(result.sentSearch, 'search index=main count=60');
    assert.equal(result.host, new URL(mock.baseUrl).host);
    assert.equal(result.error, undefined);
    assert.equal(result.stopped, false);
    const sent = mock.requests.at(-1)!;
    assert.equal(sent.form.get('earliest_time'), '-24h');
    assert.equal(sent.form.get('latest_time'), 'now');
  });

  it('refuses malformed parameters with a reason', async () => {
    const uri = await openSpl('index=main');
    await assert.rejects(runOnSplunk(params(uri, { maxRows: Number.NaN })), /maxRows/);
    await assert.rejects(
      runOnSplunk(params(uri, { mode: 'remote' as RunOnSplunkParams['mode'] })),
      /mode/,
    );
  });

  it('keeps maxRows rows and counts the rest', async () => {
    const uri = await openSpl('index=main count=8');
    const result = await runOnSplunk(params(uri, { maxRows: 5 }));
    assert.equal(result.rows.length, 5);
    assert.equal(result.totalRows, 8);
    assert.equal(result.truncated, true);
  });

  it('cancelling stops the HTTP stream and answers with the rows that arrived', async () => {
    const uri = await openSpl('endless');
    const request = params(uri);
    const cancel = new CancellationTokenSource();
    const running = runOnSplunk(request, cancel);
    while (!notifications.some((n) => n.params.runId === request.runId)) {
      await new Promise((wake) => setTimeout(wake, 20));
    }
    cancel.cancel();
    const result = await running;
    assert.equal(result.stopped, true);
    assert.equal(result.error?.kind, 'cancelled');
    assert.ok(result.rows.length > 0);
    const written = mock.endlessRowsWritten();
    await new Promise((wake) => setTimeout(wake, 100));
    assert.ok(mock.endlessRowsWritten() - written <= 1, 'the mock kept writing after the cancel');
  });

  it('reports a refused token with the server text verbatim and never the token', async () => {
    const uri = await openSpl('index=main');
    const token = 'wrong-token-7d1e0b';
    const result = await runOnSplunk(
      params(uri, { connection: { baseUrl: mock.baseUrl, token, verifyTls: true } }),
    );
    assert.equal(result.error?.kind, 'auth');
    assert.equal(result.error?.httpStatus, 401);
    const server = result.messages.find((m) => m.code === 'splunk.server.WARN');
    assert.equal(server?.message, 'call not properly authenticated');
    assert.ok(result.messages.some((m) => m.code === 'splunk.auth' && m.severity === 'error'));
    assert.ok(!JSON.stringify(result).includes(token));
  });

  it('places an unknown command at its name in the document', async () => {
    const text = 'index=main\n| statz count';
    const uri = await openSpl(text);
    const result = await runOnSplunk(params(uri));
    assert.equal(result.error?.kind, 'syntax');
    const message = result.messages.find((m) => m.code === 'splunk.server.FATAL');
    assert.equal(message?.message, "Unknown search command 'statz'.");
    assert.deepEqual(message?.range, {
      start: { line: 1, character: 2 },
      end: { line: 1, character: 7 },
    });
  });

  it("places a rex error at the regex it quotes, through the detection's YAML quoting", async () => {
    const uri = uriOf('broken_rex.yml');
    await session.open(uri, 'yaml', detectionYaml);
    const result = await runOnSplunk(params(uri));
    const message = result.messages.find((m) => m.code === 'splunk.server.FATAL');
    assert.match(message?.message ?? '', /^Error in 'rex' command: /);
    const line = detectionYaml.split('\n')[1]!;
    const start = line.indexOf('(?<user>');
    assert.deepEqual(message?.range, {
      start: { line: 1, character: start },
      end: { line: 1, character: start + '(?<user>\\w+'.length },
    });
  });

  it('local-expansion sends our expansion and names the macros that differ', async () => {
    const uri = await openSpl('`sysmon` `local_only` | `security_content_ctime(firstTime)`');
    const result = await runOnSplunk(params(uri, { mode: 'local-expansion' }));
    assert.equal(result.error, undefined);
    assert.equal(
      result.sentSearch,
      'search index=main sourcetype=sysmon host=* | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)',
    );
    assert.equal(mock.requests.at(-1)?.form.get('search'), result.sentSearch);
    assert.deepEqual(
      [...(result.macroDifferences ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
      [
        { name: 'local_only', kind: 'missing-on-server', local: 'host=*' },
        {
          name: 'sysmon',
          kind: 'differs',
          local: 'index=main sourcetype=sysmon',
          server: 'index=sysmon sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
        },
      ],
    );
  });

  it('local-expansion does not send a search whose macros it cannot expand', async () => {
    const uri = await openSpl('index=main `no_such_macro`');
    const before = mock.requests.length;
    const result = await runOnSplunk(params(uri, { mode: 'local-expansion' }));
    assert.equal(result.error?.kind, 'input');
    assert.equal(mock.requests.length, before, 'a request reached the server');
    const undefinedMacro = result.messages.find((m) => m.code === 'spl.macro.undefined');
    assert.deepEqual(undefinedMacro?.range, {
      start: { line: 0, character: 11 },
      end: { line: 0, character: 26 },
    });
  });

  it('compare runs locally too and lists the rows only one side has', async () => {
    // The mock returns {index: 0..2, host: host0..2}; locally the third row's host differs.
    const uri = await openSpl(
      '| makeresults count=3 | streamstats count as i | eval index=tostring(i-1), host=if(i==3, "other", "host".tostring(i-1)) | table index host',
    );
    const result: RunOnSplunkResult = await runOnSplunk(params(uri, { compare: true }));
    assert.equal(result.local?.totalRows, 3);
    assert.deepEqual(result.comparison?.fields, ['index', 'host']);
    assert.equal(result.comparison?.inBoth, 2);
    assert.deepEqual(result.comparison?.onlyLocal, [{ index: '2', host: 'other' }]);
    assert.deepEqual(result.comparison?.onlyServer, [{ index: '2', host: 'host2' }]);
  });
});
