import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { codes, runStages } from './harness';

// The rules come from Splunk's Search Reference, streamstats (the `window`, `current` and
// `global` arguments); ../shared/reference/spl-semantics.md does not cover them.

const numbers: Record<string, FieldValue>[] = [{ x: '1' }, { x: '2' }, { x: '3' }, { x: '4' }];
const byUser: Record<string, FieldValue>[] = [
  { user: 'a', x: '1' },
  { user: 'b', x: '2' },
  { user: 'a', x: '3' },
  { user: 'a', x: '4' },
];

async function column(spl: string, input: Record<string, FieldValue>[], field: string) {
  const run = await runStages(spl, input);
  assert.deepEqual(codes(run), []);
  return run.rows.map((row) => row[field]);
}

describe('streamstats window=N', () => {
  it('aggregates the last N events, the current one included', async () => {
    // Search Reference, streamstats: window=N computes over the N most recent events.
    assert.deepEqual(await column('| streamstats window=2 sum(x) as s', numbers, 's'), [
      '1',
      '3',
      '5',
      '7',
    ]);
  });

  it('is a plain running aggregate when N is larger than the input', async () => {
    // Search Reference, streamstats: before N events have passed, the window holds them all.
    assert.deepEqual(await column('| streamstats window=10 sum(x) as s', numbers, 's'), [
      '1',
      '3',
      '6',
      '10',
    ]);
  });

  it('window=0 means no window', async () => {
    // Search Reference, streamstats: window defaults to 0, every event so far.
    assert.deepEqual(await column('| streamstats window=0 count as n', numbers, 'n'), [
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('with by and global=true (the default) keeps one window over all events', async () => {
    // Search Reference, streamstats: global=true uses a single window; each event aggregates
    // the events of its own group inside it.
    assert.deepEqual(await column('| streamstats window=2 sum(x) as s by user', byUser, 's'), [
      '1',
      '2',
      '3',
      '7',
    ]);
  });

  it('with by and global=false keeps one window per group', async () => {
    // Search Reference, streamstats: global=false gives each by-group its own window.
    assert.deepEqual(
      await column('| streamstats window=2 global=false sum(x) as s by user', byUser, 's'),
      ['1', '2', '4', '7'],
    );
  });

  it('reads the inputs as they entered, even when the output overwrites the field', async () => {
    // Search Reference, streamstats: the statistics are over the events' values; an output
    // named like its input field must not feed later events.
    assert.deepEqual(await column('| streamstats window=2 sum(x) as x', numbers, 'x'), [
      '1',
      '3',
      '5',
      '7',
    ]);
  });

  it('passes an event with a missing by-field unchanged', async () => {
    // spl-semantics.md "Transforming and other commands": a null by-field puts the event in no group.
    const run = await runStages('| streamstats window=2 count as n by user', [
      { user: 'a' },
      { x: '9' },
      { user: 'a' },
    ]);
    // Unverified choice: with global=true the event without a group still takes a window slot.
    assert.deepEqual(run.rows, [{ user: 'a', n: '1' }, { x: '9' }, { user: 'a', n: '1' }]);
  });

  it('gives nothing on empty input', async () => {
    assert.deepEqual((await runStages('| streamstats window=3 count', [])).rows, []);
  });

  it('rejects a window Splunk would not run', async () => {
    // limits.conf [stats] max_stream_window = 10000.
    for (const spl of ['| streamstats window=-1 count', '| streamstats window=10001 count']) {
      assert.deepEqual(codes(await runStages(spl, numbers)), ['spl.engine.invalid-option'], spl);
    }
    assert.deepEqual(codes(await runStages('| streamstats reset_on_change=true count', numbers)), [
      'spl.engine.unsupported-option',
    ]);
  });
});

describe('streamstats current=false', () => {
  it('leaves the current event out, so the first event gets no value', async () => {
    // Search Reference, streamstats: current=false aggregates only the events before this one.
    // Unverified choice: with no event to aggregate, the output fields stay unset.
    assert.deepEqual(await column('| streamstats current=false count as n', numbers, 'n'), [
      undefined,
      '1',
      '2',
      '3',
    ]);
  });

  it('with window=1 gives the previous event value', async () => {
    // Search Reference, streamstats: window counts the events before the current one.
    assert.deepEqual(
      await column('| streamstats current=f window=1 last(x) as previous', numbers, 'previous'),
      [undefined, '1', '2', '3'],
    );
  });

  it('works per group, and per group window', async () => {
    // Search Reference, streamstats: by-groups aggregate separately.
    assert.deepEqual(await column('| streamstats current=false sum(x) as s by user', byUser, 's'), [
      undefined,
      undefined,
      '1',
      '4',
    ]);
    assert.deepEqual(
      await column(
        '| streamstats current=false window=1 global=false sum(x) as s by user',
        byUser,
        's',
      ),
      [undefined, undefined, '1', '3'],
    );
  });

  it('current=1 is the default behaviour', async () => {
    // The deprecated corpus detection web_fraud___anomalous_user_clickspeed writes current=1.
    assert.deepEqual(await column('| streamstats window=2 current=1 range(x) as r', numbers, 'r'), [
      '0',
      '1',
      '1',
      '1',
    ]);
  });
});

describe('streamstats window (fast-check)', () => {
  it('sums exactly the last N values (N values before the event with current=false)', async () => {
    // Search Reference, streamstats: window=N and current, checked against a direct sum.
    const values = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(
        values,
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (xs, n, current) => {
          const spl = `| streamstats window=${n} current=${current} sum(x) as s`;
          const run = await runStages(
            spl,
            xs.map((x) => ({ x: String(x) })),
          );
          const expected = xs.map((_, i) => {
            const end = current ? i + 1 : i;
            const window = xs.slice(Math.max(0, end - n), end);
            return window.length === 0 ? undefined : String(window.reduce((a, b) => a + b, 0));
          });
          assert.deepEqual(
            run.rows.map((row) => row.s),
            expected,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
