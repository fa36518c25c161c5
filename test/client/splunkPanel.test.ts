import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunOnSplunkResult } from '../../server/src/protocol/splunk';
import {
  baseUrlProblem,
  normalBaseUrl,
  splunkTimeoutMs,
  splunkTimeoutSeconds,
  timeRangeOverride,
  tokenSecretKey,
} from '../../client/src/splunk/splunkInputs';
import {
  compareLabel,
  comparisonResult,
  splunkLabel,
  splunkResult,
  streamingResult,
} from '../../client/src/splunk/splunkPanelRun';
import { runResult } from './fixtures';
import { openWebviewPage, type WebviewPage } from './webviewPage';

const label = { host: 'splunk.example.com:8089', earliest: '-24h', latest: 'now' };

function splunkRun(extra: Partial<RunOnSplunkResult> = {}): RunOnSplunkResult {
  return {
    uri: 'file:///w/a.spl',
    version: 3,
    runId: 'r1',
    host: label.host,
    earliest: '-24h',
    latest: 'now',
    mode: 'server-macros',
    sentSearch: 'search index=main',
    fields: ['host'],
    rows: [{ host: 'a' }, { host: 'b' }],
    totalRows: 5,
    truncated: true,
    elapsedMs: 120,
    stopped: false,
    messages: [{ severity: 'warning', code: 'splunk.server.WARN', message: 'server said so' }],
    ...extra,
  };
}

describe('labels say where the rows came from', () => {
  it('names the host, the time range and who expanded the macros', () => {
    assert.equal(
      splunkLabel({ ...label, mode: 'server-macros' }),
      "Splunk splunk.example.com:8089 \u00b7 -24h to now \u00b7 server's macros",
    );
    assert.equal(
      splunkLabel({ ...label, mode: 'local-expansion' }),
      'Splunk splunk.example.com:8089 \u00b7 -24h to now \u00b7 our macro expansion',
    );
  });

  it('a comparison adds the counts of each side', () => {
    const result = splunkRun({
      comparison: {
        fields: ['host'],
        onlyLocal: [{ host: 'x' }],
        onlyServer: [{ host: 'y' }, { host: 'z' }],
        inBoth: 4,
        localOnlyFields: [],
        serverOnlyFields: [],
      },
    });
    assert.equal(
      compareLabel({ ...label, mode: 'server-macros' }, result),
      "Sample data vs Splunk splunk.example.com:8089 \u00b7 -24h to now \u00b7 server's macros \u00b7 4 in both, 1 only local, 2 only on Splunk",
    );
  });
});

describe('Splunk runs as panel results', () => {
  it('keeps rows, counts and server messages, and lists macro differences after them', () => {
    const shown = splunkResult(
      splunkRun({
        macroDifferences: [
          { name: 'sysmon', kind: 'differs', local: 'index=a', server: 'index=b' },
          { name: 'only_ours', kind: 'missing-on-server', local: 'x=1' },
        ],
      }),
    );
    assert.deepEqual(shown.rows, [{ host: 'a' }, { host: 'b' }]);
    assert.equal(shown.totalRows, 5);
    assert.equal(shown.truncated, true);
    assert.deepEqual(shown.stages, []);
    assert.deepEqual(shown.rowEvents, [[], []]);
    assert.deepEqual(
      shown.messages.map((m) => m.message),
      [
        'server said so',
        "Macro `sysmon` differs from the server's. Ours: index=a | Server's: index=b",
        'Macro `only_ours` is not defined on the server. Ours: x=1',
      ],
    );
  });

  it('a comparison is one table of the rows only one side has, `side` first', () => {
    const local = runResult(['host', 'user'], [{ host: 'x', user: 'u' }], {
      messages: [{ severity: 'info', code: 'spl.engine.note', message: 'read 3 events' }],
    });
    const shown = comparisonResult(
      splunkRun({
        local,
        comparison: {
          fields: ['host'],
          onlyLocal: [{ host: 'x' }],
          onlyServer: [{ host: 'y', side: 'a field named side' }],
          inBoth: 1,
          localOnlyFields: ['user'],
          serverOnlyFields: [],
        },
      }),
    );
    assert.deepEqual(shown.fields, ['side', 'host']);
    assert.deepEqual(shown.rows, [
      { host: 'x', side: 'only local' },
      { host: 'y', side: 'only on Splunk' },
    ]);
    assert.equal(shown.totalRows, 2);
    const texts = shown.messages.map((m) => m.message);
    assert.ok(texts.includes('Local run: read 3 events'));
    assert.ok(texts.includes('Not compared: `user` only in the local rows.'));
    assert.equal(
      texts[0],
      'Compared on host: local 1 row, Splunk 5 rows, 1 in both. The table lists the rows only one side has.',
    );
  });

  it('rows still streaming take their fields from the rows so far', () => {
    const shown = streamingResult('u', 1, [{ a: '1' }, { b: '2' }], 10, 50);
    assert.deepEqual(shown.fields, ['a', 'b']);
    assert.equal(shown.totalRows, 10);
    assert.equal(shown.stopped, false);
  });
});

describe('what the user types', () => {
  it('takes a management URL and refuses credentials, other schemes and queries', () => {
    assert.equal(baseUrlProblem('https://splunk.example.com:8089'), undefined);
    assert.equal(baseUrlProblem(' http://127.0.0.1:8089/ '), undefined);
    assert.equal(normalBaseUrl(' https://splunk:8089/ '), 'https://splunk:8089');
    for (const bad of [
      '',
      'splunk:8089x',
      'ftp://splunk:21',
      'https://admin:changeme@splunk:8089',
      'https://splunk:8089?token=abc',
    ]) {
      assert.ok(baseUrlProblem(bad), `accepted ${bad}`);
    }
  });

  it('keeps one token per server, so changing spl.splunk.url never sends a token elsewhere', () => {
    const key = tokenSecretKey('https://splunk.example.com:8089');
    assert.equal(tokenSecretKey('https://splunk.example.com:8089/'), key);
    assert.equal(tokenSecretKey('https://SPLUNK.example.com:8089/services'), key);
    for (const other of [
      'https://splunk.example.com:8090',
      'http://splunk.example.com:8089',
      'https://splunk.example.org:8089',
    ]) {
      assert.notEqual(tokenSecretKey(other), key, other);
    }
  });

  it('takes a time range from a command argument and ignores anything else', () => {
    assert.deepEqual(timeRangeOverride({ earliest: ' -7d@d ', latest: 'now' }), {
      earliest: '-7d@d',
      latest: 'now',
    });
    assert.deepEqual(timeRangeOverride({ earliest: 3, latest: '' }), {});
    assert.deepEqual(timeRangeOverride('file:///a.spl'), {});
    assert.deepEqual(timeRangeOverride(undefined), {});
  });

  it('takes the time limit of a run from its setting, within its bounds', () => {
    assert.equal(splunkTimeoutMs(60), 60_000);
    assert.equal(splunkTimeoutMs(2.5), 10_000);
    assert.equal(splunkTimeoutMs(86_400), 3_600_000);
    assert.equal(splunkTimeoutMs('60'), 300_000);
    assert.equal(splunkTimeoutMs(undefined), 300_000);
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
    };
    const declared = manifest.contributes.configuration.properties['spl.splunk.timeoutSeconds'];
    assert.deepEqual(
      { default: declared?.default, min: declared?.minimum, max: declared?.maximum },
      splunkTimeoutSeconds,
    );
  });
});

describe('the panel shows the origin label as text', () => {
  let page: WebviewPage;
  before(async () => {
    page = await openWebviewPage();
  });
  after(() => page.close());

  it('shows the label, hides "no sample data", and keeps the scroll while rows stream in', async () => {
    const hostile = 'Splunk <img src=x onerror=alert(1)>:8089';
    const rows = Array.from({ length: 300 }, (_, i) => ({ n: String(i) }));
    page.send({
      type: 'show',
      run: {
        documentLabel: 'a.spl',
        origin: hostile,
        streaming: true,
        result: streamingResult('u', 1, rows.slice(0, 200), 200, 10),
      },
    });
    await page.settle();
    const origin = page.document.querySelector('[data-testid="origin"]')!;
    assert.equal(origin.textContent, hostile);
    assert.equal(origin.hasAttribute('hidden'), false);
    assert.equal(page.document.querySelector('img'), null);
    assert.equal(page.document.getElementById('pipeline')!.hasAttribute('hidden'), true);
    assert.equal(
      page.document.querySelector('[data-testid="datasets"]')!.hasAttribute('hidden'),
      true,
    );
    assert.match(page.document.querySelector('[data-testid="summary"]')!.textContent, /receiving/);
    const scroller = page.document.getElementById('table-scroller')!;
    scroller.scrollTop = 1000;
    page.send({
      type: 'show',
      run: {
        documentLabel: 'a.spl',
        origin: hostile,
        result: streamingResult('u', 1, rows, 300, 20),
      },
    });
    await page.settle();
    assert.equal(scroller.scrollTop, 1000);
    assert.doesNotMatch(
      page.document.querySelector('[data-testid="summary"]')!.textContent,
      /receiving/,
    );
  });

  it('a run on sample data hides the label again', async () => {
    page.send({ type: 'show', run: { documentLabel: 'a.spl', result: runResult(['n'], []) } });
    await page.settle();
    const origin = page.document.querySelector('[data-testid="origin"]')!;
    assert.equal(origin.hasAttribute('hidden'), true);
    assert.equal(page.document.getElementById('pipeline')!.hasAttribute('hidden'), false);
    assert.equal(
      page.document.querySelector('[data-testid="datasets"]')!.hasAttribute('hidden'),
      false,
    );
  });
});
