import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wildcardMatcher } from '../../../server/src/core/engine/expressions/wildcard';
import { matchesSearch, searchLiterals } from '../../../server/src/core/engine/expressions';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { ctx, matches, NOW, row, searchExpr } from './helpers';

type Case = [search: string, fields: Record<string, FieldValue>, expected: boolean];

function table(name: string, cases: Case[]): void {
  describe(name, () => {
    for (const [search, fields, expected] of cases) {
      test(`${search} ${JSON.stringify(fields)}`, () =>
        assert.equal(matches(search, fields), expected));
    }
  });
}

// spl-semantics.md "The search command": values compare case-insensitively; `*` matches any run
// of characters anywhere in the value.
table('field values', [
  ['user=admin', { user: 'ADMIN' }, true],
  ['user=adm', { user: 'admin' }, false],
  ['user=adm*', { user: 'Administrator' }, true],
  ['user=*min', { user: 'admin' }, true],
  ['user=*dmi*', { user: 'admin' }, true],
  ['user=a*m*n', { user: 'admin' }, true],
  ['user=a*x*n', { user: 'admin' }, false],
  [
    'TargetFilename="*\\\\Temp\\\\*"',
    { TargetFilename: 'C:\\Users\\x\\AppData\\Local\\Temp\\a.exe' },
    true,
  ],
  ['user=admin', {}, false],
  ['user=b', { user: ['a', 'B'] }, true],
  ['*_name=cmd.exe', { process_name: 'cmd.exe' }, true],
  ['x=5', { x: 5 }, true],
]);

// spl-semantics.md "The search command": `f!=v` keeps only events that have f with another value;
// `NOT f=v` also keeps events without f; `f=*` means f exists.
table('negation and existence', [
  ['user!=admin', { user: 'bob' }, true],
  ['user!=admin', { user: 'admin' }, false],
  ['user!=admin', {}, false],
  ['NOT user=admin', {}, true],
  ['NOT user=admin', { user: 'Admin' }, false],
  ['user=*', { user: 'x' }, true],
  ['user=*', {}, false],
  ['NOT user=*', {}, true],
]);

// spl-semantics.md "The search command": precedence NOT, OR, AND; OR binds tighter than AND.
table('boolean structure', [
  ['a=1 b=2 OR c=3', { a: '1', c: '3' }, true],
  ['a=1 b=2 OR c=3', { b: '2', c: '3' }, false],
  ['a=1 AND (b=2 OR c=3)', { a: '1', b: '2' }, true],
  ['NOT a=1 OR b=2', { a: '1', b: '2' }, true],
]);

// spl-semantics.md "The search command": IN accepts wildcards; < and > compare numerically when
// both sides are numbers, else lexicographically.
table('IN and ordering', [
  ['c IN (1, "2*")', { c: '25' }, true],
  ['c IN (1, "2*")', { c: '3' }, false],
  ['c IN (a, b)', { c: 'B' }, true],
  ['n>10', { n: '9' }, false],
  ['n>10', { n: '10.5' }, true],
  ['n<=10', { n: '10' }, true],
  ['n>10', { n: 'abc' }, true],
  ['n<b', { n: 'a' }, true],
]);

// spl-semantics.md "The search command": a bare term matches _raw case-insensitively with wildcards.
table('terms against _raw', [
  ['wermgr.exe', { _raw: 'Image=C:\\Windows\\WERMGR.EXE' }, true],
  ['"two words"', { _raw: 'has Two Words here' }, true],
  ['"two words"', { _raw: 'two  words' }, false],
  ['wer*exe', { _raw: 'wermgr.exe' }, true],
  ['*', { _raw: 'anything' }, true],
  ['missing', { _raw: 'nothing here' }, false],
  // Without _raw (after stats) a term is looked for in every field value.
  ['bob', { user: 'Bob' }, true],
  // `TERM()` matches a whole term bounded by major breakers.
  ['TERM(10.0.0.1)', { _raw: 'src=10.0.0.1 dst=x' }, true],
  ['TERM(10.0.0.1)', { _raw: 'src=10.0.0.11' }, false],
]);

// spl-semantics.md "The search command": earliest/latest restrict _time (relative to now).
table('time modifiers', [
  ['earliest=-1h', { _time: NOW - 100 }, true],
  ['earliest=-1h', { _time: NOW - 4000 }, false],
  ['earliest=-1h', { _time: String(NOW - 100) }, true],
  ['latest=now', { _time: NOW }, false],
  ['latest=now', { _time: NOW - 1 }, true],
  ['earliest=-1d@d latest=@d', { _time: NOW - 86400 }, true],
  ['earliest=-1h', {}, false],
  ['earliest=nonsense', { _time: NOW }, false],
]);

test('macro calls never match (they must be expanded first)', () => {
  assert.equal(matchesSearch(searchExpr('`sysmon` a=1'), row({ a: '1' }), ctx), false);
});

describe('searchLiterals', () => {
  const verbatim = { fieldValueInRaw: (field: string) => field === 'Image' };
  const cases: [string, string[], typeof verbatim | undefined][] = [
    ['wermgr.exe', ['wermgr.exe'], undefined],
    ['"*\\\\Temp\\\\*"', ['\\temp\\'], undefined],
    ['wer*.exe', ['wer', '.exe'], undefined],
    ['foo bar', ['foo', 'bar'], undefined],
    ['foo OR bar', [], undefined],
    ['(foo bar) OR (foo baz)', ['foo'], undefined],
    ['NOT foo', [], undefined],
    ['*', [], undefined],
    // Field values are often not in _raw (source, lookups, EVAL- fields): only vouched-for fields count.
    ['signature=FileCreateStreamHash', [], undefined],
    ['Image="*\\\\wermgr.exe"', [], undefined],
    ['Image="*\\\\wermgr.exe"', ['\\wermgr.exe'], verbatim],
    ['Image!=x', [], verbatim],
    ['Image IN ("*a.exe", "*a.exe")', ['a.exe'], verbatim],
    ['Image IN ("a.exe", "b.exe")', [], verbatim],
    ['earliest=-24h foo', ['foo'], verbatim],
    ['TERM(10.0.0.1)', ['10.0.0.1'], undefined],
  ];
  for (const [search, expected, options] of cases) {
    test(`${search}${options ? ' (Image verbatim)' : ''}`, () =>
      assert.deepEqual(searchLiterals(searchExpr(search), options), expected));
  }

  test('every literal is in the _raw of the events that match', () => {
    const raws = [
      'Image=C:\\Windows\\Temp\\WERMGR.exe',
      'other wermgr text',
      'Temp stuff',
      'nothing',
    ];
    for (const search of [
      'wermgr "*\\\\temp\\\\*"',
      'wermgr OR temp',
      '(wer* temp) OR (wer* other)',
      'NOT nothing',
    ]) {
      const expr = searchExpr(search);
      const literals = searchLiterals(expr);
      for (const raw of raws) {
        if (!matchesSearch(expr, row({ _raw: raw }), ctx)) continue;
        for (const literal of literals)
          assert.ok(raw.toLowerCase().includes(literal), `${search}: ${literal} not in ${raw}`);
      }
    }
  });
});

/** The definition, written the slow obvious way: `*` is any run of characters. */
function reference(pattern: string, text: string, whole: boolean): boolean {
  const body = pattern
    .toLowerCase()
    .split('*')
    .map((piece) => piece.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(whole ? `^${body}$` : body).test(text.toLowerCase());
}

// spl-semantics.md "The search command": `*` matches any run of characters, anywhere in the
// value; values compare case-insensitively. The fast paths (prefix, suffix, contains) must agree.
test('wildcard matchers agree with the definition (property)', () => {
  const alphabet = fc.constantFrom('a', 'B', '*', '.', '\\', 'x');
  const word = fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join(''));
  fc.assert(
    fc.property(word, word, fc.boolean(), (pattern, text, whole) => {
      const matcher = wildcardMatcher(pattern, { caseSensitive: false, whole });
      assert.equal(
        matcher(text),
        reference(pattern, text, whole),
        `${pattern} ~ ${text} (whole ${whole})`,
      );
    }),
    { numRuns: 2000 },
  );
});
