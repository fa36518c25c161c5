import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { codes, NOW, runStages } from './harness';

const logins: Record<string, FieldValue>[] = [
  { user: 'a', x: '1' },
  { user: 'b', x: '2' },
  { user: 'a', x: '4' },
];

describe('appendpipe', () => {
  it('passes the rows through, then appends the subpipeline run over them', async () => {
    // Search Reference, appendpipe: the subpipeline runs over the current results, and its
    // output is appended to them.
    const run = await runStages('| appendpipe [stats sum(x) as total by user]', logins);
    assert.deepEqual(codes(run), []);
    assert.deepEqual(run.rows, [...logins, { user: 'a', total: '5' }, { user: 'b', total: '2' }]);
  });

  it('over no rows appends what the subpipeline makes of nothing', async () => {
    // Search Reference, appendpipe and stats: stats without by gives one row even over no
    // results, the usual way to add a row when a search finds nothing.
    const run = await runStages('| appendpipe [stats count]', []);
    assert.deepEqual(run.rows, [{ count: '0' }]);
  });

  it('runs a leading search of the subpipeline as a filter on the rows, not on the events', async () => {
    // Search Reference, appendpipe: the subpipeline's input is the results, not the index.
    const run = await runStages('| appendpipe [search user=a | eval copy="yes"]', logins);
    assert.deepEqual(run.rows, [
      ...logins,
      { user: 'a', x: '1', copy: 'yes' },
      { user: 'a', x: '4', copy: 'yes' },
    ]);
  });

  it('sees the rows as they came in, whatever later stages do to the passed rows', async () => {
    // Search Reference, appendpipe: the subpipeline works on the results at its place in the search.
    const run = await runStages('| appendpipe [stats sum(x) as total] | eval x=0', logins);
    assert.deepEqual(
      run.rows.map((row) => [row.x, row.total]),
      [
        ['0', undefined],
        ['0', undefined],
        ['0', undefined],
        ['0', '7'],
      ],
    );
  });

  it('accepts run_in_preview and reports other options', async () => {
    // Search Reference, appendpipe: run_in_preview only concerns previews in Splunk Web.
    const preview = await runStages('| appendpipe run_in_preview=false [stats count]', logins);
    assert.deepEqual(codes(preview), []);
    assert.equal(preview.rows.length, 4);
    const other = await runStages('| appendpipe maxout=3 [stats count]', logins);
    assert.deepEqual(codes(other), ['spl.engine.unsupported-option']);
  });

  it('passes every row but runs the subpipeline over the held ones only, past the buffer limit', async () => {
    // Our own limit (RunLimits.maxBufferedRows), reported when it cuts the subpipeline's input.
    const run = await runStages('| appendpipe [stats count]', logins, {
      limits: { maxBufferedRows: 2 },
    });
    assert.deepEqual(run.rows, [...logins, { count: '2' }]);
    assert.deepEqual(codes(run), ['spl.engine.limit.buffered-rows']);
  });
});

describe('timechart', () => {
  const events: Record<string, FieldValue>[] = [
    { _time: NOW + 10, x: '2' },
    { _time: NOW + 70, x: '4' },
    { _time: NOW + 960, x: '6' },
    { x: '100' },
  ];

  it('gives one row per span from the first to the last event, empty spans included', async () => {
    // Search Reference, timechart: _time buckets of span= with cont=true (the default) filling
    // the empty ones; an empty bucket counts 0. Events without _time are in no bucket.
    const run = await runStages('| timechart span=5m count', events);
    assert.deepEqual(codes(run), []);
    assert.deepEqual(run.rows, [
      { _time: '2026-01-01T00:00:00.000+00:00', count: '2' },
      { _time: '2026-01-01T00:05:00.000+00:00', count: '0' },
      { _time: '2026-01-01T00:10:00.000+00:00', count: '0' },
      { _time: '2026-01-01T00:15:00.000+00:00', count: '1' },
    ]);
  });

  it('leaves an aggregation of no values unset in an empty bucket', async () => {
    // Search Reference, stats functions: avg of no values is null.
    const run = await runStages('| timechart span=10m limit=0 avg(x) as mean', events);
    assert.deepEqual(run.rows, [
      { _time: '2026-01-01T00:00:00.000+00:00', mean: '3' },
      { _time: '2026-01-01T00:10:00.000+00:00', mean: '6' },
    ]);
  });

  it('stops at the buffer limit and says so', async () => {
    // Our own limit (RunLimits.maxBufferedRows) bounds the buckets a long span of time makes.
    const run = await runStages('| timechart span=5m count', events, {
      limits: { maxBufferedRows: 3 },
    });
    assert.equal(run.rows.length, 3);
    assert.deepEqual(codes(run), ['spl.engine.limit.buffered-rows']);
  });

  it('gives no rows over no events', async () => {
    assert.deepEqual((await runStages('| timechart span=1h count', [])).rows, []);
  });

  it('runs inside appendpipe as the corpus password-spray detections use it', async () => {
    // security_content detect_password_spray_attempts: `appendpipe [| timechart limit=0 span=5m
    // count | table _time]` adds one row per 5-minute bucket.
    const run = await runStages(
      '| appendpipe [| timechart limit=0 span=5m count | table _time]',
      events.slice(0, 2),
    );
    assert.deepEqual(run.rows.slice(2), [{ _time: '2026-01-01T00:00:00.000+00:00' }]);
  });

  it('reports what it cannot run exactly', async () => {
    // Search Reference, timechart: without span= Splunk derives it from the time range.
    const cases: [string, string][] = [
      ['| timechart count', 'spl.engine.timechart-span'],
      ['| timechart span=300 count', 'spl.engine.timechart-span'],
      ['| timechart span=5m count by user', 'spl.engine.timechart-split-by'],
      ['| timechart span=5m cont=false count', 'spl.engine.unsupported-option'],
    ];
    for (const [spl, code] of cases)
      assert.deepEqual(codes(await runStages(spl, events)), [code], spl);
  });
});
