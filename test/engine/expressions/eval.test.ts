import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isTruthy } from '../../../server/src/core/engine/expressions';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { ev } from './helpers';

type Case = [
  expression: string,
  fields: Record<string, FieldValue>,
  expected: FieldValue | undefined,
];

function table(name: string, cases: Case[]): void {
  describe(name, () => {
    for (const [expression, fields, expected] of cases) {
      test(`${expression} ${JSON.stringify(fields)}`, () =>
        assert.deepEqual(ev(expression, fields), expected));
    }
  });
}

// spl-semantics.md "eval and where": `+` concatenates when both sides are strings; text that looks
// like a number computes as a number; `.` concatenates.
table('arithmetic and concatenation', [
  ['1 + 2 * 3', {}, 7],
  ['(1 + 2) * 3', {}, 9],
  ['x + 1', { x: '4' }, 5],
  ['"a" + "b"', {}, 'ab'],
  ['x + y', { x: '1', y: '2' }, 3],
  ['x + 1', { x: 'abc' }, undefined],
  ['x . "s"', { x: 1.5 }, '1.5s'],
  ['x . y', { x: 'a', y: 2 }, 'a2'],
  ['10 / 4', {}, 2.5],
  ['7 % 3', {}, 1],
  ['1 / 0', {}, undefined],
  ['-x', { x: '3' }, -3],
]);

// spl-semantics.md "eval and where": a failed evaluation gives null; null propagates through operators.
table('null propagation', [
  ['missing + 1', {}, undefined],
  ['missing . "x"', {}, undefined],
  ['missing = 1', {}, undefined],
  ['lower(missing)', {}, undefined],
  // Our choice (unverified): a multivalue operand in arithmetic is null rather than its first value.
  ['m + 1', { m: ['1', '2'] }, undefined],
]);

// Three-valued logic: AND/OR decide without the null side when they can.
table('boolean operators', [
  ['true() AND false()', {}, false],
  ['null() AND false()', {}, false],
  ['null() AND true()', {}, undefined],
  ['null() OR true()', {}, true],
  ['null() OR false()', {}, undefined],
  ['true() XOR false()', {}, true],
  ['NOT x > 1', { x: '0' }, true],
  ['NOT missing', {}, undefined],
]);

// spl-semantics.md "eval and where": where is case-sensitive for string comparison; numbers
// compare numerically when both sides are numeric, otherwise as strings.
table('comparisons', [
  ['x = "Admin"', { x: 'admin' }, false],
  ['x == "admin"', { x: 'admin' }, true],
  ['x != "a"', { x: 'b' }, true],
  ['x = 10', { x: '10.0' }, true],
  ['x < 10', { x: '9' }, true],
  ['x < "10"', { x: 'abc' }, false],
  ['x > "B"', { x: 'a' }, true],
  // `x="a*"` is a literal comparison in eval: no wildcard.
  ['x = "a*"', { x: 'abc' }, false],
  // A multivalue field compares true when any value does.
  ['m = "b"', { m: ['a', 'b'] }, true],
  ['x IN ("a", "b")', { x: 'b' }, true],
  ['x IN ("a", "b")', { x: 'B' }, false],
  // spl-semantics.md "eval and where": like()/LIKE use `%` and `_`.
  ['x LIKE "a%"', { x: 'abc' }, true],
  ['x LIKE "a_"', { x: 'abc' }, false],
  ['x LIKE "%.exe"', { x: 'C:\\wermgr.exe' }, true],
]);

describe('isTruthy (where, head)', () => {
  const cases: [FieldValue | undefined, boolean][] = [
    [true, true],
    [false, false],
    [undefined, false],
    [1, true],
    [0, false],
    ['true', true],
    ['no', false],
  ];
  for (const [value, expected] of cases) {
    test(`${JSON.stringify(value)} -> ${expected}`, () => assert.equal(isTruthy(value), expected));
  }
});

test('evaluation never throws on odd input', () => {
  const odd = [
    'substr(x, "a")',
    'mvindex(x, 99)',
    'round(x, "b")',
    'tonumber(x, 99)',
    'strftime("x", "%Y")',
    'printf("%d %s")',
  ];
  for (const expression of odd)
    assert.doesNotThrow(() => ev(expression, { x: 'text' }), expression);
});
