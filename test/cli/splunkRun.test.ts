import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { scratch } from './helpers';
import { splAsync, writeFiles } from './splunkHelpers';
import { MOCK_TOKEN, startMockSplunk, type MockSplunk } from '../splunk/mockSplunk';

// Build first (`npm run build`): these run the bundled `spl` against the mock on loopback.
let mock: MockSplunk;
let env: NodeJS.ProcessEnv;
const work = scratch();
before(async () => {
  mock = await startMockSplunk();
  env = { SPL_SPLUNK_URL: mock.baseUrl, SPL_SPLUNK_TOKEN: MOCK_TOKEN };
  writeFiles(work.dir, {
    'rows.spl': 'index=main count=3 | table index host\n',
    'statz.yml': "name: Statz\nsearch: '| makeresults\n  | statz count'\n",
    'rex.spl': 'index=main badrex\n| rex field=_raw "(?<user>\\w+"\n',
    'macro.spl': '`sysmon` | `nope` | stats count\n',
    'drop.spl': 'index=main drop count=5\n',
    'slow.spl': 'index=main slow\n',
    'endless.spl': 'index=main endless\n',
    'expanded.spl': '`sysmon` count=2\n',
    'nosearch.yml': 'name: No search\n',
    'macros/macros.conf': '[sysmon]\ndefinition = index=main sourcetype=sysmon\n',
  });
});
after(async () => {
  await mock.stop();
  work.remove();
});

const file = (name: string): string => join(work.dir, name);

describe('spl run --splunk', () => {
  it('prints the server rows as a table, and sends earliest and latest', async () => {
    const run = await splAsync(
      ['run', file('rows.spl'), '--splunk', '--earliest', '-24h', '--latest', 'now'],
      env,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^index +host\n-+ +-+\n0 +host0\n1 +host1\n2 +host2\n$/);
    const sent = mock.requests.at(-1)!;
    assert.deepEqual(
      [sent.form.get('search'), sent.form.get('earliest_time'), sent.form.get('latest_time')],
      ['search index=main count=3 | table index host', '-24h', 'now'],
    );
  });

  it('prints json as one document and csv with a header', async () => {
    const json = await splAsync(['run', file('rows.spl'), '--splunk', '--format', 'json'], env);
    assert.equal(json.status, 0, json.stderr);
    const document = JSON.parse(json.stdout) as { fields: string[]; results: unknown[] };
    assert.deepEqual(document.fields, ['index', 'host']);
    assert.deepEqual(document.results[2], { index: '2', host: 'host2' });
    const csv = await splAsync(['run', file('rows.spl'), '--splunk', '--format', 'csv'], env);
    assert.equal(csv.stdout, 'index,host\r\n0,host0\r\n1,host1\r\n2,host2\r\n');
  });

  it('reports a refused token with the server text, exit 1, never printing the token', async () => {
    const token = 'not-the-token-8812';
    const run = await splAsync(['run', file('rows.spl'), '--splunk'], {
      ...env,
      SPL_SPLUNK_TOKEN: token,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Splunk refused the credentials \(HTTP 401\)/);
    assert.match(run.stderr, /warning splunk\.auth call not properly authenticated/);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(token));
  });

  it("places a server syntax error at the file's line and column, through YAML", async () => {
    const run = await splAsync(['run', file('statz.yml'), '--splunk'], env);
    assert.equal(run.status, 1);
    // `statz` is on the YAML's third line, after "  | ".
    assert.match(
      run.stderr,
      /statz\.yml:3:5 error splunk\.syntax Unknown search command 'statz'\./,
    );
  });

  it("narrows an 'Error in rex command' to the regex it quotes, and finds an unknown macro's call", async () => {
    const rex = await splAsync(['run', file('rex.spl'), '--splunk'], env);
    assert.match(rex.stderr, /rex\.spl:2:19 error splunk\.syntax Error in 'rex' command: /);
    const macro = await splAsync(['run', file('macro.spl'), '--splunk'], env);
    assert.match(macro.stderr, /macro\.spl:1:12 error splunk\.syntax Error in 'SearchParser'/);
  });

  it('keeps the rows before a dropped connection and says the results are incomplete', async () => {
    const run = await splAsync(['run', file('drop.spl'), '--splunk', '--format', 'json'], env);
    assert.equal(run.status, 1);
    const document = JSON.parse(run.stdout) as { results: unknown[]; error: { kind: string } };
    assert.equal(document.results.length, 2);
    assert.equal(document.error.kind, 'dropped');
    assert.match(run.stderr, /closed mid-stream after 2 results/);
  });

  it('cancels on Ctrl-C with exit 130; json rows streamed before it stay one valid document', async () => {
    const waitFor = async (ready: () => boolean): Promise<void> => {
      while (!ready()) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const requestsBefore = mock.requests.length;
    const slow = await splAsync(['run', file('slow.spl'), '--splunk'], env, (child) => {
      void waitFor(() => mock.requests.length > requestsBefore).then(() => child.kill('SIGINT'));
    });
    assert.equal(slow.status, 130);
    assert.match(slow.stderr, /The search was cancelled after 0 results/);
    const rowsBefore = mock.endlessRowsWritten();
    const endless = await splAsync(
      ['run', file('endless.spl'), '--splunk', '--format', 'json'],
      env,
      (child) => {
        void waitFor(() => mock.endlessRowsWritten() >= rowsBefore + 20).then(() =>
          child.kill('SIGINT'),
        );
      },
    );
    assert.equal(endless.status, 130);
    const document = JSON.parse(endless.stdout) as { results: unknown[]; error: { kind: string } };
    assert.ok(document.results.length > 0);
    assert.equal(document.error.kind, 'cancelled');
  });

  it("--send-expanded sends our expansion and names the used macro that differs from the server's", async () => {
    const run = await splAsync(
      ['run', file('expanded.spl'), '--splunk', '--send-expanded', '--macros', file('macros')],
      env,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      mock.requests.at(-1)!.form.get('search'),
      'search index=main sourcetype=sysmon count=2',
    );
    assert.ok(mock.requests.some((r) => r.path === '/servicesNS/-/-/configs/conf-macros'));
    assert.match(
      run.stderr,
      /`sysmon` differs:\n +here: +index=main sourcetype=sysmon\n +server: +index=sysmon sourcetype=XmlWinEventLog/,
    );
  });

  it('sends nothing without a URL, a token or a search (exit 2, or 1 for a file error), nor for a Splunk flag without --splunk', async () => {
    const noToken = await splAsync(['run', file('rows.spl'), '--splunk'], {
      SPL_SPLUNK_URL: mock.baseUrl,
      SPL_SPLUNK_TOKEN: '',
    });
    assert.equal(noToken.status, 2);
    assert.match(noToken.stderr, /set SPL_SPLUNK_TOKEN/);
    const noUrl = await splAsync(['run', file('rows.spl'), '--splunk'], {
      SPL_SPLUNK_URL: '',
      SPL_SPLUNK_TOKEN: MOCK_TOKEN,
    });
    assert.equal(noUrl.status, 2);
    const requestsBefore = mock.requests.length;
    const noSearch = await splAsync(['run', file('nosearch.yml'), '--splunk'], env);
    assert.equal(noSearch.status, 1);
    assert.match(noSearch.stderr, /spl\.input\.no-search/);
    assert.equal(mock.requests.length, requestsBefore, 'a YAML without search: sent something');
    const stray = await splAsync(['run', file('rows.spl'), '--earliest', '-1h'], env);
    assert.equal(stray.status, 2);
    assert.match(stray.stderr, /--earliest needs --splunk or --compare/);
  });
});
