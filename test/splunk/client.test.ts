import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportSearchText, runOnSplunk } from '../../server/src/splunk/client';
import type { SplunkRunOptions, SplunkRunResult } from '../../server/src/splunk/client';
import { MOCK_TOKEN, startMockSplunk } from './mockSplunk';
import type { MockSplunk } from './mockSplunk';

let mock: MockSplunk;
before(async () => {
  mock = await startMockSplunk();
});
after(async () => {
  await mock.stop();
});

async function run(
  search: string,
  extra: Partial<SplunkRunOptions> = {},
): Promise<{ result: SplunkRunResult; rows: Record<string, unknown>[] }> {
  const rows: Record<string, unknown>[] = [];
  const result = await runOnSplunk({
    baseUrl: mock.baseUrl,
    token: MOCK_TOKEN,
    search,
    onResult: (row) => rows.push(row),
    ...extra,
  });
  return { result, rows };
}

function assertNoToken(result: SplunkRunResult, token: string): void {
  assert.ok(!JSON.stringify(result).includes(token), 'the token leaked into the result');
}

describe('runOnSplunk against the mock export endpoint', () => {
  it('streams final rows, skips preview rows, and sends the documented form fields', async () => {
    const { result, rows } = await run('index=main count=4', { earliest: '-24h', latest: 'now' });
    assert.equal(result.ok, true);
    assert.equal(result.resultCount, 4);
    assert.deepEqual(
      rows.map((r) => r.index),
      ['0', '1', '2', '3'],
    );
    const sent = mock.requests.at(-1)!;
    assert.equal(sent.path, '/services/search/v2/jobs/export');
    assert.equal(sent.authorization, `Bearer ${MOCK_TOKEN}`);
    assert.equal(sent.form.get('output_mode'), 'json');
    assert.equal(sent.form.get('search'), 'search index=main count=4');
    assert.equal(sent.form.get('earliest_time'), '-24h');
    assert.equal(sent.form.get('latest_time'), 'now');
  });

  it('prefixes `search ` unless the search starts with a pipe or already with search', () => {
    // Splunk's export endpoint needs a generating command first; a bare term list is `search`.
    assert.equal(exportSearchText('index=main | stats count'), 'search index=main | stats count');
    assert.equal(exportSearchText('  | makeresults count=2'), '| makeresults count=2');
    assert.equal(exportSearchText('search index=main'), 'search index=main');
    assert.equal(exportSearchText('searchable=1'), 'search searchable=1');
  });

  it('reports a bad token as auth with the server text, never echoing the token', async () => {
    const token = 'secret-token-xyz-123';
    const { result } = await run('index=main', { token });
    assert.equal(result.ok, false);
    assert.equal(result.error?.kind, 'auth');
    assert.equal(result.error?.httpStatus, 401);
    assert.equal(result.error?.serverMessages[0]?.text, 'call not properly authenticated');
    assertNoToken(result, token);
  });

  it('redacts the token when the server quotes it back', async () => {
    const { result } = await run('echoauth');
    assert.equal(result.error?.serverMessages[0]?.text, 'bad request with header Bearer <token>');
    assertNoToken(result, MOCK_TOKEN);
  });

  it('reports a 400 syntax error with the FATAL message verbatim', async () => {
    const { result } = await run('index=main syntaxerror');
    assert.equal(result.error?.kind, 'syntax');
    assert.deepEqual(result.error?.serverMessages, [
      {
        type: 'FATAL',
        text: "Error in 'search' command: Unable to parse the search: unknown term syntaxerror.",
      },
    ]);
  });

  it('reports a FATAL message inside the stream as an error after the rows before it', async () => {
    const { result, rows } = await run('streamfatal');
    assert.equal(result.error?.kind, 'syntax');
    assert.equal(result.error?.serverMessages[0]?.text, 'Search process died.');
    assert.equal(rows.length, 1);
  });

  it('reports a 503 quota refusal as a server error with advice', async () => {
    const { result } = await run('quota');
    assert.equal(result.error?.kind, 'server');
    assert.equal(result.error?.httpStatus, 503);
    assert.match(result.error?.serverMessages[0]?.text ?? '', /concurrent searches/);
    assert.match(result.error?.advice ?? '', /quota|limit/);
  });

  it('times out a slow response at the given limit', async () => {
    const { result } = await run('slow', { timeoutMs: 100 });
    assert.equal(result.error?.kind, 'timeout');
    assert.match(result.error?.message ?? '', /100 ms/);
  });

  it('reports a connection dropped mid-stream with how many rows arrived', async () => {
    const { result, rows } = await run('drop count=5');
    assert.equal(result.error?.kind, 'dropped');
    assert.equal(result.resultCount, 2);
    assert.equal(rows.length, 2);
    assert.match(result.error?.message ?? '', /after 2 results/);
  });

  it('stops the stream when the signal aborts', async () => {
    const controller = new AbortController();
    const rows: Record<string, unknown>[] = [];
    const result = await runOnSplunk({
      baseUrl: mock.baseUrl,
      token: MOCK_TOKEN,
      search: 'endless',
      signal: controller.signal,
      onResult: (row) => {
        rows.push(row);
        if (rows.length === 3) controller.abort();
      },
    });
    assert.equal(result.error?.kind, 'cancelled');
    assert.equal(result.resultCount, 3);
    const writtenAtCancel = mock.endlessRowsWritten();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The server sees the closed socket and stops writing within a tick or two.
    assert.ok(mock.endlessRowsWritten() - writtenAtCancel <= 2);
    assert.equal(rows.length, 3);
  });

  it('reports a refused connection and an unknown host as unreachable', async () => {
    const closed = await runOnSplunk({
      baseUrl: 'http://127.0.0.1:1',
      token: MOCK_TOKEN,
      search: 'x',
      onResult: () => undefined,
    });
    assert.equal(closed.error?.kind, 'unreachable');
    assert.match(closed.error?.message ?? '', /ECONNREFUSED/);
    const bad = await runOnSplunk({
      baseUrl: 'not a url',
      token: MOCK_TOKEN,
      search: 'x',
      onResult: () => undefined,
    });
    assert.equal(bad.error?.kind, 'input');
  });
});

describe('runOnSplunk over TLS', () => {
  it('rejects a self-signed certificate by default, says how to allow it, and allows it on request', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spl-splunk-tls-'));
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          keyFile,
          '-out',
          certFile,
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      t.skip('openssl is not available to make a self-signed certificate');
      return;
    }
    const server = https.createServer(
      { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) },
      (_request, response) => {
        response.writeHead(200);
        response.end(
          JSON.stringify({ preview: false, offset: 0, lastrow: true, result: { a: '1' } }) + '\n',
        );
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const strict = await runOnSplunk({
        baseUrl,
        token: MOCK_TOKEN,
        search: 'x',
        onResult: () => undefined,
      });
      assert.equal(strict.error?.kind, 'tls');
      assert.match(strict.error?.advice ?? '', /rejectUnauthorized=false/);
      const allowed = await runOnSplunk({
        baseUrl,
        token: MOCK_TOKEN,
        search: 'x',
        rejectUnauthorized: false,
        onResult: () => undefined,
      });
      assert.equal(allowed.ok, true);
      assert.equal(allowed.resultCount, 1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runOnSplunk against a real Splunk', () => {
  const url = process.env.SPL_SPLUNK_URL;
  const token = process.env.SPL_SPLUNK_TOKEN;
  it(
    'runs | makeresults when SPL_SPLUNK_URL and SPL_SPLUNK_TOKEN are set',
    { skip: !url || !token ? 'set SPL_SPLUNK_URL and SPL_SPLUNK_TOKEN to run' : false },
    async () => {
      const rows: Record<string, unknown>[] = [];
      const result = await runOnSplunk({
        baseUrl: url!,
        token: token!,
        search: '| makeresults count=2',
        rejectUnauthorized: process.env.SPL_SPLUNK_INSECURE !== '1',
        timeoutMs: 60_000,
        onResult: (row) => rows.push(row),
      });
      assertNoToken(result, token!);
      assert.equal(result.ok, true, JSON.stringify(result.error));
      assert.equal(rows.length, 2);
    },
  );
});
