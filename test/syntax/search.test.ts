import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSearchExpression } from '../../server/src/core/syntax/index';
import { searchShape } from './helpers';

// spl-semantics.md "The search command": parentheses, then NOT, then OR, then AND; AND implied.
const precedence: [string, string][] = [
  ['a b', 'AND(a, b)'],
  ['a AND b', 'AND(a, b)'],
  ['a OR b', 'OR(a, b)'],
  ['a b OR c', 'AND(a, OR(b, c))'],
  ['a OR b c', 'AND(OR(a, b), c)'],
  ['a OR b AND c OR d', 'AND(OR(a, b), OR(c, d))'],
  ['NOT a b', 'AND(NOT(a), b)'],
  ['NOT a OR b', 'OR(NOT(a), b)'],
  ['NOT (a OR b)', 'NOT(OR(a, b))'],
  ['NOT NOT a', 'NOT(NOT(a))'],
  ['(a b) OR c', 'OR(AND(a, b), c)'],
  ['((a))', 'a'],
  ['a OR b OR c', 'OR(a, b, c)'],
  ['NOT(a=1)', 'NOT(a=1)'],
  ['x=1 OR(y=2)', 'OR(x=1, y=2)'],
  // spl-semantics.md "Lexical": AND OR NOT are operators only in upper case.
  ['a and b', 'AND(a, and, b)'],
  ['a or b', 'AND(a, or, b)'],
  ['not a', 'AND(not, a)'],
];

const terms: [string, string][] = [
  ['EventCode=15', 'EventCode=15'],
  ['a!=1', 'a!=1'],
  ['a<1 b<=2 c>3 d>=4 e==5', 'AND(a<1, b<=2, c>3, d>=4, e==5)'],
  ['a = 1', 'a=1'],
  ['a= "x y"', 'a="x y"'],
  ['f IN (a, "b c", c*)', 'f IN(a, "b c", c*)'],
  ['f in (a,b)', 'f IN(a, b)'],
  ['*wermgr.exe*', '*wermgr.exe*'],
  ['path=C:\\Windows\\*', 'path=C:\\Windows\\*'],
  ['earliest=-24h@h latest=now', 'AND(earliest=-24h@h, latest=now)'],
  ['dest=10.0.0.1', 'dest=10.0.0.1'],
  ['x=*foo=bar*', 'x=*foo=bar*'],
  ['"two words"', '"two words"'],
  ['Processes.process_name=cmd.exe', 'Processes.process_name=cmd.exe'],
  ['CASE(Admin)', 'CASE(Admin)'],
  ['TERM(10.0.0.1)', 'TERM(10.0.0.1)'],
  ['user=CASE(Admin)', 'user=CASE(Admin)'],
  ['"user.name"="system:anonymous"', 'user.name="system:anonymous"'],
  ['proc=*GetCurrent()*', 'proc=*GetCurrent()*'],
  ['f=*\\"on\\":true*', 'f=*\\"on\\":true*'],
  ['`sysmon` EventCode=1', 'AND(`sysmon`, EventCode=1)'],
  ['`m(a, "b,c", d=e)`', '`m(a, "b,c", d=e)`'],
  ['a [search b | fields c]', 'AND(a, [subsearch: 2 stage(s)])'],
  ['f=*', 'f=*'],
  ['-x', '-x'],
  ['user=José', 'user=José'],
  ['名前=値 😀', 'AND(名前=値, 😀)'],
];

test('search precedence and case-sensitive operators', () => {
  for (const [text, shape] of precedence) assert.equal(searchShape(text), shape, text);
});

test('search terms, comparisons, IN, wildcards and glued values', () => {
  for (const [text, shape] of terms) assert.equal(searchShape(text), shape, text);
});

test('quoted values are unescaped: \\\\ is a backslash and \\" a quote, \\* stays', () => {
  // spl-semantics.md "Lexical": TargetFilename="*\\Temp\\*" is the pattern *\Temp\*.
  const cases: [string, string][] = [
    ['f="*\\\\Temp\\\\*"', '*\\Temp\\*'],
    ['f="say \\"hi\\""', 'say "hi"'],
    ['f="a\\*b"', 'a\\*b'],
    ['f="plain"', 'plain'],
  ];
  for (const [text, value] of cases) {
    const { expression } = parseSearchExpression(text);
    assert.equal(expression?.kind, 'compare', text);
    assert.equal(expression.kind === 'compare' && expression.value.value, value, text);
    assert.equal(expression.kind === 'compare' && expression.value.quoted, true);
  }
});

test('a comparison keeps exact ranges of its field and value', () => {
  const text = 'x=1  TargetFilename="*\\\\Temp\\\\*"';
  const { expression } = parseSearchExpression(text);
  assert.equal(expression?.kind, 'and');
  const second = expression.kind === 'and' ? expression.operands[1] : undefined;
  assert.equal(second?.kind, 'compare');
  if (second?.kind !== 'compare') return;
  assert.equal(
    text.slice(second.field.range.start.offset, second.field.range.end.offset),
    'TargetFilename',
  );
  assert.equal(
    text.slice(second.value.range.start.offset, second.value.range.end.offset),
    '"*\\\\Temp\\\\*"',
  );
  assert.equal(second.range.start.offset, 5);
  assert.equal(second.range.end.offset, text.length);
});
