import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runSearch } from '../../../server/src/core/engine/run';
import { buildMacroIndex } from '../../../server/src/core/macros';

const NOW = 1_767_225_600;

function codes(result: { messages: { code: string }[] }): string[] {
  return result.messages.map((m) => m.code);
}

const createdDirs: string[] = [];
after(() => {
  for (const dir of createdDirs) rmSync(dir, { recursive: true, force: true });
});

function textDataset(lines: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'spl-run-'));
  createdDirs.push(dir);
  const path = join(dir, 'events.log');
  writeFileSync(
    path,
    Array.from({ length: lines }, (_, i) => `line ${i} status=ok`).join('\n') + '\n',
  );
  return path;
}

describe('runSearch', () => {
  it('reports every unsupported command at its range before running anything', async () => {
    const text = '| makeresults | contingency host | eval x=1 | xyseries a b c';
    const result = await runSearch({ text, datasets: [], now: NOW });
    const unsupported = result.messages.filter((m) => m.code === 'spl.engine.unsupported-command');
    assert.deepEqual(
      unsupported.map((m) => [m.message, m.range?.start.offset]),
      [
        [
          "'contingency' is not supported by the local evaluator; remove it or run the search in Splunk.",
          16,
        ],
        [
          "'xyseries' is not supported by the local evaluator; remove it or run the search in Splunk.",
          46,
        ],
      ],
    );
    assert.deepEqual(result.stages, []);
    assert.deepEqual(result.results, []);
  });

  it('reports an option the evaluator does not implement as an error at the option', async () => {
    const text = '| makeresults | streamstats reset_on_change=true count';
    const result = await runSearch({ text, datasets: [], now: NOW });
    assert.deepEqual(
      result.messages.map((m) => [m.code, m.severity, m.range?.start.offset]),
      [['spl.engine.unsupported-option', 'error', 28]],
    );
    assert.deepEqual(result.stages, []);
  });

  it('maps message ranges through the macro expansion to the call in the user text', async () => {
    const { index } = buildMacroIndex([
      { path: 'macros.conf', text: '[odd]\ndefinition = contingency host\n' },
    ]);
    const text = '| makeresults | `odd`';
    const result = await runSearch({ text, macroIndex: index, datasets: [], now: NOW });
    const [message] = result.messages;
    assert.equal(message?.code, 'spl.engine.unsupported-command');
    assert.deepEqual([message?.range?.start.offset, message?.range?.end.offset], [16, 21]);
  });

  it('prints numbers as Splunk does and lists fields in row order', async () => {
    const result = await runSearch({
      text: '| makeresults | eval a=0.1+0.2, b=10/4, c=3*2, d=split("x,y", ",") | fields - _time',
      datasets: [],
      now: NOW,
    });
    assert.deepEqual(result.fields, ['a', 'b', 'c', 'd']);
    assert.deepEqual(result.results, [{ a: '0.3', b: '2.5', c: '6', d: ['x', 'y'] }]);
  });

  it('stops at the result-rows limit and says how many rows there were', async () => {
    const result = await runSearch({
      text: '| makeresults count=5',
      datasets: [],
      now: NOW,
      limits: { maxResultRows: 2 },
    });
    assert.equal(result.results.length, 2);
    assert.deepEqual(codes(result), ['spl.engine.limit.result-rows']);
    assert.match(result.messages[0]?.message ?? '', /gave 5 results; only the first 2/);
  });

  it('stops a blocking operator at the buffered-rows limit, at its range', async () => {
    const text = '| makeresults count=5 | sort - _time';
    const result = await runSearch({
      text,
      datasets: [],
      now: NOW,
      limits: { maxBufferedRows: 3 },
    });
    assert.equal(result.results.length, 3);
    assert.deepEqual(codes(result), ['spl.engine.limit.buffered-rows']);
    assert.equal(result.messages[0]?.range?.start.offset, 24);
  });

  it('stops at the events-read limit', async () => {
    const path = textDataset(5);
    const result = await runSearch({
      text: 'status ok',
      datasets: [{ path }],
      now: NOW,
      limits: { maxEventsRead: 3 },
    });
    assert.equal(result.results.length, 3);
    assert.deepEqual(
      result.stages.map((s) => [s.command, s.in, s.out]),
      [['search', 3, 3]],
    );
    assert.deepEqual(codes(result), ['spl.engine.limit.events-read']);
  });

  it('stops at the time limit with partial results and a message', async () => {
    const result = await runSearch({
      text: '| makeresults count=1000000 | stats count',
      datasets: [],
      now: NOW,
      limits: { timeLimitMs: 0 },
    });
    assert.deepEqual(codes(result), ['spl.engine.limit.time']);
    assert.ok(Number(result.results[0]?.count) < 1_000_000);
  });

  it('honours cancellation through the signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const path = textDataset(3);
    const result = await runSearch({
      text: '*',
      datasets: [{ path }],
      now: NOW,
      signal: controller.signal,
    });
    assert.deepEqual(result.results, []);
    assert.ok(codes(result).includes('spl.engine.cancelled'));
  });

  it('names the search term that no event matched', async () => {
    const path = textDataset(3);
    const result = await runSearch({ text: 'line nomatch', datasets: [{ path }], now: NOW });
    assert.deepEqual(result.results, []);
    const message = result.messages.find((m) => m.code === 'spl.engine.term-never-matched');
    assert.equal(
      message?.message,
      "No event matched 'nomatch': no event of the 3 read contains 'nomatch'.",
    );
    assert.equal(message?.range?.start.offset, 5);
  });

  it('names the term that lost the events that reached it', async () => {
    const path = textDataset(3);
    const result = await runSearch({
      text: 'line sourcetype=nomatch',
      datasets: [{ path }],
      now: NOW,
    });
    const message = result.messages.find((m) => m.code === 'spl.engine.term-never-matched');
    assert.equal(
      message?.message,
      "No event matched 'sourcetype=nomatch' (3 events reached this term).",
    );
    assert.deepEqual([message?.range?.start.offset, message?.range?.end.offset], [5, 23]);
    assert.deepEqual(
      result.stages.map((s) => [s.command, s.in, s.out]),
      [['search', 3, 0]],
    );
  });

  it('says when a searched field is in no event, with a near name', async () => {
    const path = textDataset(2);
    const result = await runSearch({ text: 'sourcetyp=text', datasets: [{ path }], now: NOW });
    const message = result.messages.find((m) => m.code === 'spl.engine.field-not-found');
    assert.match(
      message?.message ?? '',
      /No event has a field 'sourcetyp'.*Did you mean 'sourcetype'\?/,
    );
  });

  it('reports an unsupported eval function and an invalid regular expression before running', async () => {
    const result = await runSearch({
      text: '| makeresults | eval x=nosuchfn(1) | rex "(?<a>["',
      datasets: [],
      now: NOW,
    });
    assert.deepEqual(result.stages, []);
    const errors = result.messages.filter((m) => m.severity === 'error');
    assert.equal(errors.length, 2);
    assert.deepEqual(
      errors.map((m) => m.range?.start.offset),
      ['| makeresults | eval x='.length, '| makeresults | eval x=nosuchfn(1) | rex '.length],
    );
  });

  it("formats times in the requested time zone (spl-semantics.md: ctime uses the searcher's zone)", async () => {
    const text = '| makeresults | eval t=1767225600 | convert ctime(t) | fields t';
    const paris = await runSearch({ text, datasets: [], now: NOW, timezone: 'Europe/Paris' });
    assert.deepEqual(paris.results, [
      { _time: '2026-01-01T01:00:00.000+01:00', t: '01/01/2026 01:00:00' },
    ]);
    const utc = await runSearch({ text, datasets: [], now: NOW });
    assert.deepEqual(utc.results, [
      { _time: '2026-01-01T00:00:00.000+00:00', t: '01/01/2026 00:00:00' },
    ]);
  });

  it('rejects an unknown time zone', async () => {
    const result = await runSearch({ text: '| makeresults', datasets: [], timezone: 'Mars/Base' });
    assert.deepEqual(codes(result), ['spl.engine.timezone']);
  });
});
