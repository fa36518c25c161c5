import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONVERT_DEFAULT_TIMEFORMAT,
  EMPTY_SUBSEARCH_TEXT,
  convertFunctions,
  matchesSearch,
  subsearchToSearchText,
} from '../../../server/src/core/engine/expressions';
import { ctx, row, searchExpr } from './helpers';

// spl-semantics.md "The search command": subsearch results become
// `( ( f1="v1" AND f2="v2" ) OR ( ... ) )`; `_` fields are ignored; `search`/`query` go in raw.
describe('subsearchToSearchText', () => {
  const cases: [string, ReturnType<typeof row>[], string][] = [
    [
      'two rows',
      [row({ a: '1', b: 'x' }), row({ a: '2' })],
      '( ( a="1" AND b="x" ) OR ( a="2" ) )',
    ],
    ['underscore fields ignored', [row({ _time: 5, user: 'bob' })], '( ( user="bob" ) )'],
    ['multivalue', [row({ f: ['a', 'b'] })], '( ( ( f="a" OR f="b" ) ) )'],
    ['quotes and backslashes escaped', [row({ p: 'C:\\a "b"' })], '( ( p="C:\\\\a \\"b\\"" ) )'],
    [
      'search field inserted raw',
      [row({ search: 'user=bob OR user=alice' })],
      '( ( user=bob OR user=alice ) )',
    ],
    ['query field inserted raw', [row({ query: 'foo' })], '( ( foo ) )'],
    // Splunk's format gives `NOT ()` for no results: the outer search then matches nothing.
    ['no rows', [], 'NOT ()'],
    ['no rows (the exported constant)', [], EMPTY_SUBSEARCH_TEXT],
    ['rows without usable fields', [row({ _raw: 'x' })], 'NOT ()'],
  ];
  for (const [name, rows, expected] of cases) {
    test(name, () => assert.equal(subsearchToSearchText(rows), expected));
  }

  test('rows beyond the limit are dropped (default 10,000)', () => {
    const rows = Array.from({ length: 10_005 }, (_, i) => row({ n: String(i) }));
    const text = subsearchToSearchText(rows);
    assert.ok(text.includes('n="9999"'));
    assert.ok(!text.includes('n="10000"'));
    assert.equal(subsearchToSearchText(rows, { maxRows: 1 }), '( ( n="0" ) )');
  });

  test('the text parses and selects the rows it came from', () => {
    const text = subsearchToSearchText([row({ user: 'bob', host: 'h1' }), row({ user: 'alice' })]);
    const expr = searchExpr(text);
    assert.equal(matchesSearch(expr, row({ user: 'Bob', host: 'h1' }), ctx), true);
    assert.equal(matchesSearch(expr, row({ user: 'bob', host: 'h2' }), ctx), false);
    assert.equal(matchesSearch(expr, row({ user: 'alice' }), ctx), true);
  });
});

describe('convert functions', () => {
  // spl-semantics.md "Transforming and other commands": convert's default timeformat.
  test('the default timeformat', () =>
    assert.equal(CONVERT_DEFAULT_TIMEFORMAT, '%m/%d/%Y %H:%M:%S'));

  const cases: [string, string, string, string, unknown][] = [
    ['ctime', '1700000000', CONVERT_DEFAULT_TIMEFORMAT, 'UTC', '11/14/2023 22:13:20'],
    // security_content_ctime uses this format; ctime() formats in the searcher's zone.
    ['ctime', '1700000000', '%Y-%m-%dT%H:%M:%S', 'America/New_York', '2023-11-14T17:13:20'],
    ['ctime', 'abc', CONVERT_DEFAULT_TIMEFORMAT, 'UTC', undefined],
    ['mktime', '11/14/2023 22:13:20', CONVERT_DEFAULT_TIMEFORMAT, 'UTC', 1700000000],
    ['mktime', 'nonsense', CONVERT_DEFAULT_TIMEFORMAT, 'UTC', undefined],
    ['dur2sec', '1+01:01:01', '', 'UTC', 90061],
    ['dur2sec', '00:10:05', '', 'UTC', 605],
    ['mstime', '01:02.5', '', 'UTC', 62.5],
    ['mstime', '7.25', '', 'UTC', 7.25],
    ['memk', '10m', '', 'UTC', 10240],
    ['memk', '2g', '', 'UTC', 2097152],
    ['memk', '512', '', 'UTC', 512],
    ['rmcomma', '1,234,567.5', '', 'UTC', 1234567.5],
    ['rmunit', '42.5 KB', '', 'UTC', 42.5],
    ['rmunit', 'KB', '', 'UTC', undefined],
    ['num', '12', '', 'UTC', 12],
    ['num', 'abc', '', 'UTC', undefined],
    ['auto', 'abc', '', 'UTC', 'abc'],
    ['auto', '3.5', '', 'UTC', 3.5],
    ['none', '3.5', '', 'UTC', '3.5'],
  ];
  for (const [fn, value, format, zone, expected] of cases) {
    test(`${fn}(${value})`, () =>
      assert.equal(convertFunctions[fn]?.(value, format, zone), expected));
  }
});
