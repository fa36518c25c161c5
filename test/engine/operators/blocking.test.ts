import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { runStages } from './harness';

interface Case {
  rule: string;
  spl: string;
  input: Record<string, FieldValue>[];
  expected: Record<string, string | string[]>[];
}

const logins: Record<string, FieldValue>[] = [
  { user: 'bob', host: 'h2', bytes: '5' },
  { user: 'alice', host: 'h1', bytes: '10' },
  { user: 'bob', host: 'h1', bytes: '20' },
  { host: 'h3', bytes: '7' },
  { user: 'carol', host: ['h1', 'h2'], bytes: '1' },
];

const cases: Case[] = [
  {
    rule: 'spl-semantics.md "Transforming and other commands": stats by drops events with a null by-field; groups sorted',
    spl: '| stats count sum(bytes) as total by user',
    input: logins,
    expected: [
      { user: 'alice', count: '1', total: '10' },
      { user: 'bob', count: '2', total: '25' },
      { user: 'carol', count: '1', total: '1' },
    ],
  },
  {
    rule: 'spl-semantics.md "Transforming and other commands": a multivalue by-field splits the event into one group per value',
    spl: '| stats count by host',
    input: logins,
    expected: [
      { host: 'h1', count: '3' },
      { host: 'h2', count: '2' },
      { host: 'h3', count: '1' },
    ],
  },
  {
    rule: 'Search Reference, stats: without by, one row even over no events',
    spl: '| stats count',
    input: [],
    expected: [{ count: '0' }],
  },
  {
    rule: 'Search Reference, eventstats: every event gets its group aggregate; null by-field events pass unchanged',
    spl: '| eventstats count by user | table user count',
    input: logins.slice(0, 4),
    expected: [
      { user: 'bob', count: '2' },
      { user: 'alice', count: '1' },
      { user: 'bob', count: '2' },
      {},
    ],
  },
  {
    rule: 'Search Reference, streamstats: running aggregate over the events seen so far',
    spl: '| streamstats count as n by user | table user n',
    input: logins.slice(0, 3),
    expected: [
      { user: 'bob', n: '1' },
      { user: 'alice', n: '1' },
      { user: 'bob', n: '2' },
    ],
  },
  {
    rule: 'spl-semantics.md: sort orders numbers numerically; `-` sorts descending',
    spl: '| sort - bytes | table bytes',
    input: logins,
    expected: [{ bytes: '20' }, { bytes: '10' }, { bytes: '7' }, { bytes: '5' }, { bytes: '1' }],
  },
  {
    rule: 'spl-semantics.md: sort orders numbers before text, text lexicographically',
    spl: '| sort v',
    input: [{ v: 'b' }, { v: '10' }, { v: 'B' }, { v: '9' }],
    expected: [{ v: '9' }, { v: '10' }, { v: 'B' }, { v: 'b' }],
  },
  {
    rule: 'spl-semantics.md: `sort N` keeps N rows',
    spl: '| sort 2 bytes | table bytes',
    input: logins,
    expected: [{ bytes: '1' }, { bytes: '5' }],
  },
  {
    rule: 'spl-semantics.md: `sort 0` keeps every row',
    spl: '| sort 0 v',
    input: Array.from({ length: 12 }, (_, i) => ({ v: String(12 - i) })),
    expected: Array.from({ length: 12 }, (_, i) => ({ v: String(i + 1) })),
  },
  {
    rule: 'spl-semantics.md: dedup drops events missing the field unless keepempty=true',
    spl: '| dedup user | table user bytes',
    input: logins,
    expected: [
      { user: 'bob', bytes: '5' },
      { user: 'alice', bytes: '10' },
      { user: 'carol', bytes: '1' },
    ],
  },
  {
    rule: 'spl-semantics.md: dedup keepempty=true keeps events missing the field',
    spl: '| dedup user keepempty=true | table bytes',
    input: logins,
    expected: [{ bytes: '5' }, { bytes: '10' }, { bytes: '7' }, { bytes: '1' }],
  },
  {
    rule: 'Search Reference, dedup: consecutive=true only removes repeats next to each other',
    spl: '| dedup v consecutive=true',
    input: [{ v: 'a' }, { v: 'a' }, { v: 'b' }, { v: 'a' }],
    expected: [{ v: 'a' }, { v: 'b' }, { v: 'a' }],
  },
  {
    rule: 'Search Reference, dedup: sortby orders the kept events',
    spl: '| dedup user sortby - bytes | table user',
    input: logins,
    expected: [{ user: 'alice' }, { user: 'bob' }, { user: 'carol' }],
  },
  {
    rule: 'Search Reference, top: most common values with count and percent',
    spl: '| top limit=2 user',
    input: logins,
    expected: [
      { user: 'bob', count: '2', percent: '50.000000' },
      { user: 'alice', count: '1', percent: '25.000000' },
    ],
  },
  {
    rule: 'Search Reference, rare: least common values first',
    spl: '| rare user',
    input: logins.slice(0, 3),
    expected: [
      { user: 'alice', count: '1', percent: '33.333333' },
      { user: 'bob', count: '2', percent: '66.666667' },
    ],
  },
  {
    rule: 'spl-semantics.md: fillnull without a field list fills every field any result has',
    spl: '| fillnull value=NA',
    input: [{ a: '1' }, { b: '2' }],
    expected: [
      { a: '1', b: 'NA' },
      { b: '2', a: 'NA' },
    ],
  },
  {
    rule: 'Search Reference, mvcombine: rows equal in the other fields share one multivalue row',
    spl: '| mvcombine ip',
    input: [
      { host: 'a', ip: '1' },
      { host: 'a', ip: '2' },
      { host: 'b', ip: '3' },
    ],
    expected: [
      { host: 'a', ip: ['1', '2'] },
      { host: 'b', ip: '3' },
    ],
  },
];

describe('blocking operators', () => {
  for (const { rule, spl, input, expected } of cases) {
    it(`${spl} (${rule})`, async () => {
      const run = await runStages(spl, input);
      assert.deepEqual(
        run.diagnostics.filter((d) => d.code !== 'spl.engine.by-field-missing'),
        [],
      );
      assert.deepEqual(run.rows, expected);
    });
  }

  it('says when sort drops rows at its default limit of 10,000 (spl-semantics.md)', async () => {
    const input = Array.from({ length: 10_005 }, (_, i) => ({ n: String(i) }));
    const run = await runStages('| sort - n', input);
    assert.equal(run.rows.length, 10_000);
    assert.equal(run.rows[0]?.n, '10004');
    assert.deepEqual(
      run.diagnostics.map((d) => d.message),
      [
        "sort kept the first 10000 of 10005 rows, Splunk's default; write 'sort 0' to keep them all.",
      ],
    );
  });

  it('stats puts the by-fields first, then the aggregations (Search Reference, stats)', async () => {
    const run = await runStages('| stats max(bytes) count by host user', logins.slice(0, 1));
    assert.deepEqual(Object.keys(run.rows[0] ?? {}), ['host', 'user', 'max(bytes)', 'count']);
  });

  it('explains the events a null by-field dropped, at the by-field (spl-semantics.md)', async () => {
    const run = await runStages('| stats count by user host', logins);
    const explained = run.diagnostics.filter((d) => d.code === 'spl.engine.by-field-missing');
    assert.equal(explained.length, 1);
    assert.match(explained[0]?.message ?? '', /^1 of 5 events has no 'user'/);
    assert.equal(explained[0]?.range.start.offset, '| stats count by '.length);
  });

  it('suggests a near field name when a by-field is in no event', async () => {
    const run = await runStages('| stats count by Host', logins.slice(0, 2));
    const [explained] = run.diagnostics;
    assert.equal(explained?.code, 'spl.engine.by-field-missing');
    assert.match(explained?.message ?? '', /Did you mean 'host'\?/);
  });
});
