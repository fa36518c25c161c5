import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEvalExpression } from '../../server/src/core/syntax/index';
import { evalShape } from './helpers';

// spl-semantics.md "eval and where": NOT, then AND, then OR, then XOR; usual arithmetic.
const precedence: [string, string][] = [
  ['a OR b AND c', '(a OR (b AND c))'],
  ['a AND b OR c', '((a AND b) OR c)'],
  ['a XOR b OR c', '(a XOR (b OR c))'],
  ['NOT a AND b', '(NOT(a) AND b)'],
  ['NOT a=1', 'NOT((a = 1))'],
  ['a=1 OR b!=2', '((a = 1) OR (b != 2))'],
  ['1 + 2 * 3', '(1 + (2 * 3))'],
  ['(1 + 2) * 3', '((1 + 2) * 3)'],
  ['a - b - c', '((a - b) - c)'],
  ['a / b % c', '((a / b) % c)'],
  ['-a * b', '(-a * b)'],
  ['a+b > c*2', '((a + b) > (c * 2))'],
  ['a-b', '(a - b)'],
  ['x == 1', '(x == 1)'],
  ['a<=b', '(a <= b)'],
];

// The eval keywords AND OR XOR NOT LIKE IN ignore case, unlike the search command's.
const caseInsensitiveKeywords: [string, string][] = [
  ['a and b or c', '((a AND b) OR c)'],
  ['not a', 'NOT(a)'],
  ['a xor b', '(a XOR b)'],
  ['x like "a%"', 'x LIKE "a%"'],
  ['x in ("a", "b")', 'x IN("a", "b")'],
];

const primaries: [string, string][] = [
  ['Processes.dest', 'Processes.dest'],
  ['a . "x"', '(a . "x")'],
  ['a."x"', '(a . "x")'],
  ['"x".a', '("x" . a)'],
  ["'my field'", "'my field'"],
  ["'a-b' + 1", "('a-b' + 1)"],
  ['x{}', 'x{}'],
  ['"say \\"hi\\""', '"say \\"hi\\""'],
  ['2.5', '2.5'],
  ['.25 > x', '(.25 > x)'],
  ['1e-3', '1e-3'],
  ['if(a=1, "y", "n")', 'if((a = 1), "y", "n")'],
  ['IF(a, b, c)', 'if(a, b, c)'],
  ['case(a=1, "one", true(), "other")', 'case((a = 1), "one", true(), "other")'],
  ['coalesce(a, b, c)', 'coalesce(a, b, c)'],
  ['now()', 'now()'],
  ['mvindex(split(x, ","), 0)', 'mvindex(split(x, ","), 0)'],
  ['round(abs(a - b) / c, 2)', 'round((abs((a - b)) / c), 2)'],
  ['x IN (1, 2, 3)', 'x IN(1, 2, 3)'],
  ['x LIKE "C:\\\\%"', 'x LIKE "C:\\\\%"'],
  ['`m(1)` + 1', '(`m(1)` + 1)'],
  ['<<FIELD>> * 2', '(<<FIELD>> * 2)'],
  ['José . "é"', '(José . "é")'],
];

test('eval precedence', () => {
  for (const [text, shape] of precedence) assert.equal(evalShape(text), shape, text);
});

test('eval keywords ignore case (a documented choice)', () => {
  for (const [text, shape] of caseInsensitiveKeywords) assert.equal(evalShape(text), shape, text);
});

test('eval primaries: dotted names, concatenation, quotes, numbers, calls', () => {
  for (const [text, shape] of primaries) assert.equal(evalShape(text), shape, text);
});

test('eval strings are unescaped and numbers carry their value', () => {
  const string = parseEvalExpression('"C:\\\\Temp \\"x\\""').expression;
  assert.deepEqual(string?.kind === 'string' && string.value, 'C:\\Temp "x"');
  const number = parseEvalExpression('1e-3').expression;
  assert.equal(number?.kind === 'number' && number.value, 0.001);
  const quoted = parseEvalExpression("'my field'").expression;
  assert.equal(quoted?.kind === 'fieldRef' && quoted.quoted && quoted.name, 'my field');
});

test('eval errors name what is missing, at the right place', () => {
  const cases: [string, string, number, number][] = [
    ['a +', "expected an expression after '+'", 3, 3],
    ['if(a, b', "unbalanced parenthesis: this '(' is never closed", 2, 3],
    ["'unclosed", "unclosed quote starting here: end the field name with another '", 0, 1],
    ['a b', "unexpected 'b' after the expression", 2, 3],
    ['f(a b)', "expected ',' or ')' but found 'b'", 4, 5],
  ];
  for (const [text, message, start, end] of cases) {
    const diagnostic = parseEvalExpression(text).diagnostics[0];
    assert.deepEqual(
      diagnostic && [
        diagnostic.message,
        diagnostic.range.start.offset,
        diagnostic.range.end.offset,
      ],
      [message, start, end],
      text,
    );
  }
});
