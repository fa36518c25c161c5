import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSpl } from '../../server/src/core/syntax/index';
import { diagnosticsOf } from './helpers';

/** [search, code, message, start offset, end offset] of the one diagnostic each search gets. */
const errors: [string, string, string, number, number][] = [
  [
    'a | statz count',
    'spl.syntax.unknown-command',
    "unknown command 'statz'; did you mean 'stats'?",
    4,
    9,
  ],
  [
    '| bucktt span=1h _time',
    'spl.syntax.unknown-command',
    "unknown command 'bucktt'; did you mean 'bucket'?",
    2,
    8,
  ],
  ['| zzqqxx', 'spl.syntax.unknown-command', "unknown command 'zzqqxx'", 2, 8],
  ['| stats count by', 'spl.syntax.missing-field', "expected a field name after 'by'", 16, 16],
  ['| stats count BY', 'spl.syntax.missing-field', "expected a field name after 'BY'", 16, 16],
  [
    'a="unclosed',
    'spl.syntax.unclosed-quote',
    'unclosed quote starting here: end the value with another "',
    2,
    3,
  ],
  [
    '| rex "abc',
    'spl.syntax.unclosed-quote',
    'unclosed quote starting here: end the value with another "',
    6,
    7,
  ],
  [
    "| eval x='a b",
    'spl.syntax.unclosed-quote',
    "unclosed quote starting here: end the field name with another '",
    9,
    10,
  ],
  [
    '| eval x="a b | where y=1',
    'spl.syntax.unclosed-quote',
    'unclosed quote starting here: end the string with another "',
    9,
    10,
  ],
  [
    '| where x="1',
    'spl.syntax.unclosed-quote',
    'unclosed quote starting here: end the string with another "',
    10,
    11,
  ],
  ['a [search b', 'spl.syntax.unclosed-bracket', "unclosed '[': end the subsearch with ']'", 2, 3],
  [
    'a ] | stats count',
    'spl.syntax.unbalanced-bracket',
    "unexpected ']' with no '[' before it",
    2,
    3,
  ],
  [
    '(a OR b',
    'spl.syntax.unbalanced-paren',
    "unbalanced parenthesis: this '(' is never closed",
    0,
    1,
  ],
  ['a) b', 'spl.syntax.unbalanced-paren', "unbalanced parenthesis: no '(' before this ')'", 1, 2],
  [
    '| eval x=round(a',
    'spl.syntax.unbalanced-paren',
    "unbalanced parenthesis: this '(' is never closed",
    14,
    15,
  ],
  [
    '| stats count(',
    'spl.syntax.unbalanced-paren',
    "unbalanced parenthesis: this '(' is never closed",
    13,
    14,
  ],
  [
    'f IN (a, b',
    'spl.syntax.unbalanced-paren',
    "unbalanced parenthesis: close the IN list with ')'",
    5,
    6,
  ],
  [
    '| eval x=1 |',
    'spl.syntax.empty-stage',
    "empty stage: write a command after '|' or remove the '|'",
    11,
    12,
  ],
  [
    'a | | stats count',
    'spl.syntax.empty-stage',
    "empty stage: write a command after '|' or remove the '|'",
    2,
    3,
  ],
  [
    '```open',
    'spl.syntax.unclosed-comment',
    'unclosed comment starting here: end it with ```',
    0,
    3,
  ],
  [
    '`m',
    'spl.syntax.unclosed-backtick',
    'unclosed backtick starting here: end the macro call with another `',
    0,
    1,
  ],
  [
    '`m(a` b',
    'spl.syntax.unbalanced-paren',
    "unbalanced parenthesis: close the macro's arguments with ')'",
    2,
    3,
  ],
  [
    '``',
    'spl.syntax.missing-macro-name',
    'empty macro call: write a macro name between the backticks',
    0,
    2,
  ],
  ['x=', 'spl.syntax.missing-value', "expected a value after 'x='", 1, 2],
  ['=x', 'spl.syntax.missing-field', "expected a field name before '='", 0, 1],
  ['| rename a', 'spl.syntax.missing-keyword', "expected 'as' and a new name after 'a'", 9, 10],
  ['| rename a as', 'spl.syntax.missing-field', "expected a field name after 'as'", 13, 13],
  [
    '| rex field=x',
    'spl.syntax.missing-value',
    "expected a regular expression in double quotes after 'rex'",
    2,
    5,
  ],
  [
    '| join x',
    'spl.syntax.missing-subsearch',
    "expected a subsearch in brackets after 'join', e.g. [search ...]",
    2,
    6,
  ],
  ['| lookup', 'spl.syntax.missing-value', "expected a lookup table name after 'lookup'", 2, 8],
  [
    '| tstats count where',
    'spl.syntax.missing-operand',
    "expected a search expression after 'where'",
    15,
    20,
  ],
  ['| sort', 'spl.syntax.missing-field', "expected a field name after 'sort'", 6, 6],
  ['| dedup', 'spl.syntax.missing-field', "expected a field name after 'dedup'", 7, 7],
  ['| table', 'spl.syntax.missing-field', "expected a field name after 'table'", 7, 7],
  ['| where', 'spl.syntax.missing-operand', "expected an expression after 'where'", 7, 7],
  ['| where x=', 'spl.syntax.missing-operand', "expected an expression after '='", 10, 10],
  ['| eval x=', 'spl.syntax.missing-operand', "expected an expression after 'x='", 9, 9],
  ['| eval', 'spl.syntax.missing-operand', "expected an assignment after 'eval', e.g. x=1", 2, 6],
  ['| eval y=if(a,)', 'spl.syntax.missing-operand', 'expected an argument', 14, 14],
  [
    '| stats count(eval())',
    'spl.syntax.missing-operand',
    "expected an expression after 'eval('",
    19,
    19,
  ],
  [
    'a | 123',
    'spl.syntax.unexpected-token',
    "unexpected '123' where a command name should be: write a command after '|'",
    4,
    7,
  ],
  ['x OR', 'spl.syntax.missing-operand', "expected a search term after 'OR'", 2, 4],
  ['NOT', 'spl.syntax.missing-operand', "expected a search term after 'NOT'", 0, 3],
  ['AND a', 'spl.syntax.missing-operand', "'AND' needs a search term on both sides", 0, 3],
  [
    '()',
    'spl.syntax.empty-group',
    'empty parentheses: put a search term inside or remove them',
    0,
    2,
  ],
  [
    'a [ ]',
    'spl.syntax.empty-subsearch',
    'empty subsearch: write a search between the brackets',
    2,
    5,
  ],
  [
    '| makeresults | `m` x',
    'spl.syntax.unexpected-token',
    "unexpected 'x' after a macro stage: start a new stage with |",
    20,
    21,
  ],
  ['| head 5 6', 'spl.syntax.unexpected-token', "unexpected '6' in 'head'", 9, 10],
  ['| eval a=1 b=2', 'spl.syntax.unexpected-token', "unexpected 'b' in 'eval'", 11, 14],
];

test('each error has a stable code, a message that says what to do, and an exact range', () => {
  for (const [text, code, message, start, end] of errors) {
    assert.deepEqual(diagnosticsOf(text), [[code, message, start, end]], text);
  }
});

test('add-on commands are known but flagged as not built in', () => {
  assert.deepEqual(diagnosticsOf('| apply model'), [
    [
      'spl.syntax.addon-command',
      "'apply' is not a built-in Splunk command; it comes from the Machine Learning Toolkit app",
      2,
      7,
    ],
  ]);
  assert.equal(parseSpl('| apply model').diagnostics[0]?.severity, 'info');
});

test('an unknown command is still parsed generically so later stages keep their structure', () => {
  const result = parseSpl('a | statz count by x | stats count by y');
  const [, unknown, stats] = result.pipeline.stages;
  assert.ok(unknown?.kind === 'command' && 'generic' in unknown);
  assert.deepEqual([unknown.name, unknown.known, unknown.args.length], ['statz', false, 3]);
  assert.ok(stats?.kind === 'command' && stats.name === 'stats' && !('generic' in stats));
  assert.deepEqual(
    stats.by.map((f) => f.name),
    ['y'],
  );
});

test('one bad stage does not hide the next: recovery at | and ]', () => {
  const result = parseSpl(
    'a ((( | eval x=(1 | stats count by z | join k [search q ( | eval y= ] | table k',
  );
  const names = result.pipeline.stages.map((s) => (s.kind === 'command' ? s.name : 'macro'));
  assert.deepEqual(names, ['search', 'eval', 'stats', 'join', 'table']);
  const join = result.pipeline.stages[3];
  assert.ok(join?.kind === 'command' && join.name === 'join' && !('generic' in join));
  assert.deepEqual(
    join.subsearches[0]?.pipeline.stages.map((s) => s.kind === 'command' && s.name),
    ['search', 'eval'],
  );
  assert.ok(result.diagnostics.length >= 3);
});

test('severity is error for every syntax problem and source is syntax', () => {
  for (const [text] of errors) {
    for (const diagnostic of parseSpl(text).diagnostics) {
      assert.deepEqual([diagnostic.severity, diagnostic.source], ['error', 'syntax'], text);
    }
  }
});

test('a stage whose dedicated grammar falls back to the generic one reports each problem once', () => {
  assert.deepEqual(diagnosticsOf('| rex field='), [
    [
      'spl.syntax.missing-value',
      "expected a regular expression in double quotes after 'rex'",
      2,
      5,
    ],
    ['spl.syntax.missing-value', "expected a value after 'field='", 6, 12],
  ]);
  const stage = parseSpl('| rex field=').pipeline.stages[0];
  assert.ok(stage?.kind === 'command' && 'generic' in stage && stage.known);
});
