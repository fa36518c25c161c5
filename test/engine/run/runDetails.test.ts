import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  runSearch,
  type RunDetailsRequest,
  type RunResult,
} from '../../../server/src/core/engine/run';

const repoRoot = resolve(import.meta.dirname, '../../..');
/** 20 Sysmon events, 7 of them EventCode 15 (sample-data/README.md). */
const sampleEvents = resolve(repoRoot, 'sample-data/events');

async function run(text: string, details: RunDetailsRequest = {}): Promise<RunResult> {
  const result = await runSearch({ text, datasets: [{ path: sampleEvents }], details });
  assert.deepEqual(
    result.messages.filter((m) => m.severity === 'error'),
    [],
  );
  return result;
}

/** The input events behind result row `index`. */
function eventsOf(result: RunResult, index: number) {
  const details = result.details!;
  return details.rowEvents[index]!.map((event) => details.events[event]!);
}

describe('run details: lineage of result rows', () => {
  it('a streaming stage that builds new rows (table) keeps each row on its own event', async () => {
    const result = await run('EventCode=15 | table host TargetFilename');
    assert.equal(result.results.length, 7);
    result.results.forEach((row, i) => {
      const events = eventsOf(result, i);
      assert.equal(events.length, 1);
      assert.equal(events[0]!.host, row.host);
      assert.ok(events[0]!.raw.includes('<EventID>15<'));
    });
  });

  it('stats by a field gives each row the events of its group', async () => {
    const result = await run('EventCode=15 | stats count by host');
    let total = 0;
    result.results.forEach((row, i) => {
      const events = eventsOf(result, i);
      assert.equal(events.length, Number(row.count));
      assert.ok(events.every((event) => event.host === row.host));
      total += events.length;
    });
    assert.equal(total, 7);
  });

  it('stats without by gives its one row every event, up to the per-row limit', async () => {
    assert.equal(eventsOf(await run('EventCode=15 | stats count'), 0).length, 7);
    assert.equal(
      eventsOf(await run('EventCode=15 | stats count', { eventsPerRow: 3 }), 0).length,
      3,
    );
  });

  it('a multivalue by-field puts the event in the group of each value', async () => {
    // A multivalue by-field splits an event into one group per value (spl-semantics.md).
    const result = await run('EventCode=15 | eval g=split("a,b", ",") | stats count by g');
    assert.deepEqual(
      result.results.map((row) => row.g),
      ['a', 'b'],
    );
    assert.equal(eventsOf(result, 0).length, 7);
    assert.equal(eventsOf(result, 1).length, 7);
  });

  it('top groups by its fields; dedup and mvexpand keep the event of each row', async () => {
    const top = await run('EventCode=15 | top host');
    top.results.forEach((row, i) => {
      assert.equal(eventsOf(top, i).length, Number(row.count));
      assert.ok(eventsOf(top, i).every((event) => event.host === row.host));
    });
    const dedup = await run('EventCode=15 | dedup host');
    dedup.results.forEach((row, i) => assert.equal(eventsOf(dedup, i)[0]!.host, row.host));
    const expanded = await run('EventCode=15 | head 1 | eval m=split("x,y", ",") | mvexpand m');
    assert.equal(expanded.results.length, 2);
    assert.deepEqual(eventsOf(expanded, 0), eventsOf(expanded, 1));
    assert.equal(eventsOf(expanded, 0).length, 1);
  });

  it('keeps events within its limits and says when one cut them', async () => {
    const complete = await run('EventCode=15 | stats count by host');
    assert.equal(complete.details!.lineageTruncated, false);
    const budget = await run('EventCode=15 | stats count by host', { groupedRawChars: 1 });
    assert.equal(budget.details!.lineageTruncated, true);
    assert.ok(budget.details!.rowEvents.every((events) => events.length === 0));
    const firstRows = await run('EventCode=15 | table host', { rowsWithEvents: 2 });
    assert.deepEqual(
      firstRows.details!.rowEvents.map((events) => events.length),
      [1, 1],
    );
  });

  it("append's subsearch rows have no events; the main search's keep theirs", async () => {
    const result = await run('EventCode=15 | head 1 | append [| makeresults count=2]');
    assert.deepEqual(
      result.details!.rowEvents.map((events) => events.length),
      [1, 0, 0],
    );
  });

  it("appendpipe's rows have no events; the rows it passes through keep theirs", async () => {
    const result = await run('EventCode=15 | head 2 | appendpipe [stats count]');
    assert.deepEqual(
      result.details!.rowEvents.map((events) => events.length),
      [1, 1, 0],
    );
  });

  it('rows the trace cannot follow to their events (timechart buckets) get none, not wrong ones', async () => {
    const result = await run('EventCode=15 | timechart span=1d count');
    assert.ok(result.results.length > 0);
    assert.ok(result.details!.rowEvents.every((events) => events.length === 0));
  });

  it('rows of a generating command have no events', async () => {
    const result = await run('| makeresults count=2');
    assert.deepEqual(result.details!.rowEvents, [[], []]);
    assert.equal(result.details!.timeline, undefined);
  });
});

describe('run details: stage samples and the timeline', () => {
  it('samples are taken as rows leave a stage, before later stages change them', async () => {
    const result = await run('EventCode=15 | eval host="changed"');
    const [search, evaluated] = result.details!.stageSamples;
    assert.equal(search!.length, 5);
    assert.ok(search!.every((row) => row.host !== 'changed'));
    assert.ok(evaluated!.every((row) => row.host === 'changed'));
  });

  it('the timeline counts the events before the first transforming command', async () => {
    const stats = await run('EventCode=15 | eval x=1 | stats count by host');
    assert.equal(stats.details!.timeline!.stageIndex, 1);
    assert.equal(stats.details!.timeline!.events, 7);
    const seconds = stats.details!.timeline!.seconds;
    assert.equal(
      seconds.reduce((sum, [, count]) => sum + count, 0),
      7,
    );
    assert.ok(seconds.every(([second], i) => i === 0 || second > seconds[i - 1]![0]));
    const streaming = await run('EventCode=15 | head 2');
    assert.equal(streaming.details!.timeline!.stageIndex, 1);
    assert.equal(streaming.details!.timeline!.events, 2);
  });

  it('a run without details keeps none', async () => {
    const result = await runSearch({ text: 'EventCode=15', datasets: [{ path: sampleEvents }] });
    assert.equal(result.details, undefined);
  });
});
