import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { runStages } from './harness';

interface Case {
  /** The Splunk rule the case checks (spl-semantics.md section, or the command's documented behaviour). */
  rule: string;
  spl: string;
  input: Record<string, FieldValue>[];
  expected: Record<string, string | string[]>[];
}

const events: Record<string, FieldValue>[] = [
  { host: 'a', user: 'alice', bytes: '10', _raw: 'user=alice action=login' },
  { host: 'b', user: 'bob', bytes: '200', _raw: 'user=bob action=logout' },
  { host: 'c', bytes: '3', _raw: 'no user here' },
];

const cases: Case[] = [
  {
    rule: 'spl-semantics.md "The search command": values compare case-insensitively with * wildcards',
    spl: '| search user=AL*',
    input: events,
    expected: [events[0] as Record<string, string>],
  },
  {
    rule: 'spl-semantics.md "The search command": f!=v keeps only events that have f',
    spl: '| search user!=alice',
    input: events,
    expected: [events[1] as Record<string, string>],
  },
  {
    rule: 'spl-semantics.md "The search command": NOT f=v also keeps events without f',
    spl: '| search NOT user=alice',
    input: events,
    expected: [events[1] as Record<string, string>, events[2] as Record<string, string>],
  },
  {
    rule: 'spl-semantics.md "The search command": `search *` keeps every event',
    spl: '| search *',
    input: events,
    expected: events as Record<string, string>[],
  },
  {
    rule: 'spl-semantics.md "eval and where": where compares numbers numerically; null is false',
    spl: '| where bytes > 5 | table host',
    input: events,
    expected: [{ host: 'a' }, { host: 'b' }],
  },
  {
    rule: 'spl-semantics.md "eval and where": assignments see earlier ones; a null result unsets the field',
    spl: '| eval kb=bytes/1000, double=kb*2, user=null() | table host kb double user',
    input: events.slice(0, 1),
    expected: [{ host: 'a', kb: '0.01', double: '0.02' }],
  },
  {
    rule: 'Search Reference, table: only the listed fields, in the listed order',
    spl: '| table user host',
    input: events.slice(0, 2),
    expected: [
      { user: 'alice', host: 'a' },
      { user: 'bob', host: 'b' },
    ],
  },
  {
    rule: 'Search Reference, fields: `fields -` removes the listed fields (wildcards allowed)',
    spl: '| fields - _raw, by*',
    input: events.slice(0, 1),
    expected: [{ host: 'a', user: 'alice' }],
  },
  {
    rule: 'spl-semantics.md "Transforming and other commands": rename Processes.* AS * strips the prefix',
    spl: '| rename Processes.* AS *',
    input: [{ 'Processes.dest': 'h1', 'Processes.user': 'u', other: 'x' }],
    expected: [{ dest: 'h1', user: 'u', other: 'x' }],
  },
  {
    rule: 'spl-semantics.md: head keeps 10 rows by default',
    spl: '| head',
    input: Array.from({ length: 12 }, (_, i) => ({ n: String(i) })),
    expected: Array.from({ length: 10 }, (_, i) => ({ n: String(i) })),
  },
  {
    rule: 'Search Reference, head: head (cond) stops at the first row where cond is not true',
    spl: '| head (bytes < 100)',
    input: events,
    expected: [events[0] as Record<string, string>],
  },
  {
    rule: 'Search Reference, tail: the last N rows, last first',
    spl: '| tail 2 | table host',
    input: events,
    expected: [{ host: 'c' }, { host: 'b' }],
  },
  {
    rule: 'Search Reference, reverse: the rows in reverse order',
    spl: '| reverse | table host',
    input: events,
    expected: [{ host: 'c' }, { host: 'b' }, { host: 'a' }],
  },
  {
    rule: 'Search Reference, rex: named groups become fields (field=_raw by default)',
    spl: '| rex "action=(?<action>\\w+)" | table host action',
    input: events,
    expected: [{ host: 'a', action: 'login' }, { host: 'b', action: 'logout' }, { host: 'c' }],
  },
  {
    rule: 'Search Reference, rex: max_match=0 collects every match as a multivalue field',
    spl: '| rex max_match=0 "(?<word>[a-z]+)=" | table word',
    input: events.slice(0, 1),
    expected: [{ word: ['user', 'action'] }],
  },
  {
    rule: 'Search Reference, rex: mode=sed s/re/repl/g replaces every match',
    spl: '| rex field=user mode=sed "s/[aeiou]/_/g" | table user',
    input: events.slice(0, 1),
    expected: [{ user: '_l_c_' }],
  },
  {
    rule: 'Search Reference, rex: mode=sed s/re/repl/N replaces the Nth match only',
    spl: '| rex field=user mode=sed "s/[aeiou]/_/2" | table user',
    input: events.slice(0, 1),
    expected: [{ user: 'al_ce' }],
  },
  {
    rule: 'Search Reference, regex: keeps rows whose field matches the regular expression',
    spl: '| regex user="^b" | table host',
    input: events,
    expected: [{ host: 'b' }],
  },
  {
    rule: 'Search Reference, regex: field!="re" keeps rows whose field does not match',
    spl: '| regex user!="^b" | table host',
    input: events,
    expected: [{ host: 'a' }, { host: 'c' }],
  },
  {
    rule: 'Search Reference, makemv: tokenizer= takes each match (its first group) as a value',
    spl: '| makemv tokenizer="(\\w+),?" tags',
    input: [{ tags: 'x,y,z' }],
    expected: [{ tags: ['x', 'y', 'z'] }],
  },
  {
    rule: 'spl-semantics.md: fillnull fills the listed fields with 0 by default',
    spl: '| fillnull user | table host user',
    input: events,
    expected: [
      { host: 'a', user: 'alice' },
      { host: 'b', user: 'bob' },
      { host: 'c', user: '0' },
    ],
  },
  {
    rule: 'spl-semantics.md: makemv splits on a single space by default',
    spl: '| makemv tags',
    input: [{ tags: 'x y  z' }],
    expected: [{ tags: ['x', 'y', 'z'] }],
  },
  {
    rule: 'Search Reference, makemv: delim= splits on the given text',
    spl: '| makemv delim="," tags',
    input: [{ tags: 'x,y' }],
    expected: [{ tags: ['x', 'y'] }],
  },
  {
    rule: 'Search Reference, mvexpand: one row per value',
    spl: '| mvexpand tags',
    input: [{ id: '1', tags: ['x', 'y'] }],
    expected: [
      { id: '1', tags: 'x' },
      { id: '1', tags: 'y' },
    ],
  },
  {
    rule: 'spl-semantics.md: convert default timeformat is %m/%d/%Y %H:%M:%S (UTC here)',
    spl: '| convert ctime(t) AS when',
    input: [{ t: '1767225600' }],
    expected: [{ t: '1767225600', when: '01/01/2026 00:00:00' }],
  },
  {
    rule: 'spl-semantics.md: security_content_ctime is convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(x)',
    spl: '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)',
    input: [{ firstTime: 1767229322.5 }],
    expected: [{ firstTime: '2026-01-01T01:02:02' }],
  },
  {
    rule: 'Search Reference, bin: a number becomes the text range of its bin',
    spl: '| bin span=100 bytes',
    input: events.slice(0, 2).map(({ bytes }) => ({ bytes: bytes as string })),
    expected: [{ bytes: '0-100' }, { bytes: '200-300' }],
  },
];

describe('streaming operators', () => {
  for (const { rule, spl, input, expected } of cases) {
    it(`${spl} (${rule})`, async () => {
      const run = await runStages(spl, input);
      assert.deepEqual(run.diagnostics, []);
      assert.deepEqual(run.rows, expected);
    });
  }

  it('table keeps the listed order of fields (Search Reference, table)', async () => {
    const run = await runStages('| table user host', events.slice(0, 1));
    assert.deepEqual(Object.keys(run.rows[0] ?? {}), ['user', 'host']);
  });

  it('bin span=1h rounds _time down to the hour (Search Reference, bin)', async () => {
    const run = await runStages('| bin span=1h _time', [{ _time: 1767229322 }]);
    assert.deepEqual(run.rows, [{ _time: '2026-01-01T01:00:00.000+00:00' }]);
  });
});
