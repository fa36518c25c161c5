/**
 * Wildcard fields in eventstats and streamstats aggregations (`values(*) as * by g`, `latest(*)`).
 * Rule: Splunk Search Reference, "eventstats" and "streamstats": their aggregation terms take a
 * wildcarded field and a wildcarded AS name as stats does (a `*` matches any run of characters,
 * each matching field is aggregated on its own). The exclusions (by-fields, `_` fields, names a
 * plain aggregation takes) and the per-event columns are unverified choices, listed in
 * server/src/core/engine/operators/statsColumns.ts and the operators' comments.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { codes, runStages } from './harness';

const events: Record<string, FieldValue>[] = [
  { _raw: 'a', g: 'x', host: 'h1', port: '22' },
  { _raw: 'b', g: 'y', host: 'h2' },
  { _raw: 'c', g: 'x', host: 'h3', user: 'bob' },
  { _raw: 'd', host: 'h4' },
];

describe('eventstats with wildcard fields', () => {
  it('values(*) as * by g: every event of a group gets its group values of every field', async () => {
    const run = await runStages('| eventstats values(*) as * by g', events);
    assert.deepEqual(
      run.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.deepEqual(run.rows, [
      { _raw: 'a', g: 'x', host: ['h1', 'h3'], port: '22', user: 'bob' },
      { _raw: 'b', g: 'y', host: 'h2' },
      { _raw: 'c', g: 'x', host: ['h1', 'h3'], port: '22', user: 'bob' },
      // Search Reference, eventstats: an event without the by-field is in no group and passes.
      { _raw: 'd', host: 'h4' },
    ]);
  });

  it('names each field fn(field) without AS, and its own new fields do not expand again', async () => {
    const run = await runStages('| eventstats dc(*) | eventstats count(dc*)', [
      { a: '1' },
      { a: '2', b: '3' },
    ]);
    assert.deepEqual(run.rows, [
      { a: '1', 'dc(a)': '2', 'dc(b)': '1', 'count(dc(a))': '2', 'count(dc(b))': '2' },
      { a: '2', b: '3', 'dc(a)': '2', 'dc(b)': '1', 'count(dc(a))': '2', 'count(dc(b))': '2' },
    ]);
  });

  it('a group that never saw a field gets the empty aggregate of that column (unverified choice)', async () => {
    const run = await runStages('| eventstats count(*) by g', [
      { g: 'x', a: '1' },
      { g: 'y', b: '2' },
    ]);
    assert.deepEqual(run.rows, [
      { g: 'x', a: '1', 'count(a)': '1', 'count(b)': '0' },
      { g: 'y', b: '2', 'count(a)': '0', 'count(b)': '1' },
    ]);
  });

  it('caps the expanded fields and says so once', async () => {
    const run = await runStages('| eventstats max(a*)', [{ a1: '1', a2: '2', a3: '3' }], {
      limits: { maxWildcardFields: 2 },
    });
    assert.deepEqual(run.rows, [{ a1: '1', a2: '2', a3: '3', 'max(a1)': '1', 'max(a2)': '2' }]);
    assert.deepEqual(codes(run), ['spl.engine.limit.wildcard-fields']);
  });
});

/** How a run shows an event's numeric _time. */
const at = (seconds: number) => `1970-01-01T00:00:0${seconds}.000+00:00`;

describe('streamstats with wildcard fields', () => {
  it('latest(*): a field first seen mid-stream starts its aggregate at that event', async () => {
    const run = await runStages('| streamstats latest(*)', [
      { _time: 1, host: 'h1' },
      { _time: 2, host: 'h2', user: 'bob' },
      { _time: 3, host: 'h3' },
    ]);
    assert.deepEqual(codes(run), []);
    assert.deepEqual(run.rows, [
      { _time: at(1), host: 'h1', 'latest(host)': 'h1' },
      { _time: at(2), host: 'h2', user: 'bob', 'latest(host)': 'h2', 'latest(user)': 'bob' },
      { _time: at(3), host: 'h3', 'latest(host)': 'h3', 'latest(user)': 'bob' },
    ]);
  });

  it('values(*) as * by g runs per group, and an event gets only what its group has seen', async () => {
    const run = await runStages('| streamstats values(*) as * by g', events);
    assert.deepEqual(run.rows, [
      { _raw: 'a', g: 'x', host: 'h1', port: '22' },
      { _raw: 'b', g: 'y', host: 'h2' },
      { _raw: 'c', g: 'x', host: ['h1', 'h3'], port: '22', user: 'bob' },
      { _raw: 'd', host: 'h4' },
    ]);
  });

  it('current=false gives each event the fields of the events before it', async () => {
    const run = await runStages('| streamstats current=false max(*) as prev_*', [
      { a: '1' },
      { a: '3', b: '5' },
      { a: '2' },
    ]);
    assert.deepEqual(run.rows, [
      { a: '1' },
      { a: '3', b: '5', prev_a: '1' },
      { a: '2', prev_a: '3', prev_b: '5' },
    ]);
  });

  it('window=2: a field leaves the aggregate once no event of the window has it', async () => {
    // Search Reference, streamstats: window=N computes over the N most recent events.
    const run = await runStages('| streamstats window=2 sum(*) as s_*', [
      { a: '1', b: '10' },
      { a: '2' },
      { a: '3' },
    ]);
    assert.deepEqual(run.rows, [
      { a: '1', b: '10', s_a: '1', s_b: '10' },
      { a: '2', s_a: '3', s_b: '10' },
      { a: '3', s_a: '5' },
    ]);
  });

  it('caps the expanded fields over the whole run and says so once', async () => {
    const run = await runStages('| streamstats count(a*)', [{ a1: '1' }, { a2: '2', a3: '3' }], {
      limits: { maxWildcardFields: 2 },
    });
    assert.deepEqual(run.rows, [
      { a1: '1', 'count(a1)': '1' },
      { a2: '2', a3: '3', 'count(a1)': '1', 'count(a2)': '1' },
    ]);
    assert.deepEqual(codes(run), ['spl.engine.limit.wildcard-fields']);
  });

  it('refuses an AS name with another number of * at plan time', async () => {
    const run = await runStages('| streamstats values(*) as everything', events);
    assert.deepEqual(codes(run), ['spl.engine.wildcard-alias']);
  });
});

describe('timechart with wildcard fields', () => {
  it('count(*) gives every bucket, empty ones included, a column per field (unverified choice)', async () => {
    // Search Reference, timechart: its aggregation terms take wildcarded fields as stats does.
    // `max(_*) as _*` would name a column _time: the bucket's time keeps that name.
    const run = await runStages('| timechart span=1m count(*) max(_*) as _*', [
      { _time: 10, a: '1' },
      { _time: 130, a: '5', b: '7' },
    ]);
    assert.deepEqual(codes(run), []);
    assert.deepEqual(run.rows, [
      { _time: at(0), 'count(a)': '1', 'count(b)': '0' },
      { _time: '1970-01-01T00:01:00.000+00:00', 'count(a)': '0', 'count(b)': '0' },
      { _time: '1970-01-01T00:02:00.000+00:00', 'count(a)': '1', 'count(b)': '1' },
    ]);
  });
});
