import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSpl, type MacroCall } from '../../server/src/core/syntax/index';
import { searchText } from '../../server/src/core/syntax/outline';
import { cleanStages } from './helpers';

const stageNames = (text: string): string[] =>
  cleanStages(text).map((s) => {
    if (s.kind === 'macroStage') return `\`${s.macro.name}\``;
    return !('generic' in s) && s.name === 'search' && s.implicit ? 'search*' : s.name;
  });

// spl-semantics.md "Lexical": stages split at |, an implicit search first unless the text starts with |.
const pipelines: [string, string[]][] = [
  ['index=x | stats count', ['search*', 'stats']],
  ['| tstats count', ['tstats']],
  ['| inputlookup x.csv | where a=1', ['inputlookup', 'where']],
  ['| makeresults | eval a=1', ['makeresults', 'eval']],
  ['| rest /services/server/info', ['rest']],
  ['search index=x', ['search']],
  ['index=x\n| search a=1\n| table a', ['search*', 'search', 'table']],
  ['a | `m1` | `m2(x)`', ['search*', '`m1`', '`m2`']],
  ['| `generating_macro` | head 1', ['`generating_macro`', 'head']],
  ['a="x | y" | head 1', ['search*', 'head']],
  ['a | rex "(?<x>a|b)" | head 1', ['search*', 'rex', 'head']],
  ['a [search b | head 1] | head 2', ['search*', 'head']],
  ['a | STATS count | Eval x=1', ['search*', 'stats', 'eval']],
  ['', []],
  ['   \n  ', []],
];

test('pipelines: stages, implicit search, leading pipe, macro stages, pipes inside quotes', () => {
  for (const [text, names] of pipelines) assert.deepEqual(stageNames(text), names, text);
  assert.equal(parseSpl('| tstats count').pipeline.leadingPipe, true);
  assert.equal(parseSpl('a | tstats count').pipeline.leadingPipe, false);
});

// spl-semantics.md "Lexical": ```...``` comments anywhere; the legacy `comment("...")` macro.
const comments: [string, [string, string][], string[]][] = [
  ['a ```note``` b', [['backticks', 'note']], ['search*']],
  [
    'a ```multi\nline | not a stage``` | head 1',
    [['backticks', 'multi\nline | not a stage']],
    ['search*', 'head'],
  ],
  ['| stats count ```mid``` by x', [['backticks', 'mid']], ['stats']],
  ['a | `comment("old style")` | head 1', [['macro', 'old style']], ['search*', 'head']],
  ['a `comment("x")` b', [['macro', 'x']], ['search*']],
  [
    '```first``` a | ```second``` head 1',
    [
      ['backticks', 'first'],
      ['backticks', 'second'],
    ],
    ['search*', 'head'],
  ],
  [
    'a | ```stage made of a comment``` | head 1',
    [['backticks', 'stage made of a comment']],
    ['search*', 'head'],
  ],
  ['a `m` ``` c ``` `n`', [['backticks', ' c ']], ['search*']],
];

test('comments are told apart from macros and collected', () => {
  for (const [text, expected, names] of comments) {
    const result = parseSpl(text);
    assert.deepEqual(result.diagnostics, [], text);
    assert.deepEqual(
      result.comments.map((c) => [c.style, c.text]),
      expected,
      text,
    );
    assert.deepEqual(stageNames(text), names, text);
  }
  const {
    comments: [comment],
  } = parseSpl('a ```note``` b');
  assert.deepEqual(comment && [comment.range.start.offset, comment.range.end.offset], [2, 12]);
});

test('a comment between two words separates them like a space', () => {
  const [search] = cleanStages('a```c```b');
  assert.ok(
    search?.kind === 'command' &&
      search.name === 'search' &&
      !('generic' in search) &&
      search.expression,
  );
  assert.equal(searchText(search.expression), 'AND(a, b)');
});

const macroCalls: [string, string, [string | undefined, string][]][] = [
  ['`m`', 'm', []],
  ['`m()`', 'm', []],
  ['`m(a)`', 'm', [[undefined, 'a']]],
  [
    '`m(a, "b,c", d=e)`',
    'm',
    [
      [undefined, 'a'],
      [undefined, '"b,c"'],
      ['d', 'e'],
    ],
  ],
  [
    '`m(f(x, y), z)`',
    'm',
    [
      [undefined, 'f(x, y)'],
      [undefined, 'z'],
    ],
  ],
  [
    '`m("say \\"hi, there\\"", 2)`',
    'm',
    [
      [undefined, '"say \\"hi, there\\""'],
      [undefined, '2'],
    ],
  ],
  [
    '` spaced ( a , b ) `',
    'spaced',
    [
      [undefined, 'a'],
      [undefined, 'b'],
    ],
  ],
];

test('macro calls keep their arguments, split outside quotes and parentheses', () => {
  for (const [text, name, args] of macroCalls) {
    const [search] = cleanStages(text);
    assert.ok(search?.kind === 'command' && search.name === 'search' && !('generic' in search));
    const macro = search.expression as MacroCall;
    assert.equal(macro.kind, 'macro', text);
    assert.equal(macro.name, name, text);
    assert.deepEqual(
      macro.args.map((a) => [a.name, a.value]),
      args,
      text,
    );
    for (const arg of macro.args)
      assert.equal(
        text.slice(arg.range.start.offset, arg.range.end.offset).startsWith(arg.name ?? arg.value),
        true,
        text,
      );
  }
});

test('macros stand anywhere: search term, option value, eval primary, tstats argument, stage', () => {
  const stages = cleanStages(
    '`a` x=1 | eval y=`b(1)` + 1 | tstats `c` count | `d` | makeresults count=`e`',
  );
  const kinds = stages.map((s) => s.kind);
  assert.deepEqual(kinds, ['command', 'command', 'command', 'macroStage', 'command']);
  const generic = stages[4];
  assert.ok(generic?.kind === 'command' && 'generic' in generic);
  assert.equal(generic.options[0]?.value.kind, 'macro');
  assert.equal(parseSpl('x="`not a macro`"').pipeline.stages.length, 1);
  assert.deepEqual(parseSpl('x="`not a macro`"').comments, []);
});

test('subsearches nest and keep their ranges', () => {
  const text = 'a [search b [search c | head 1] | fields d] e';
  const [search] = cleanStages(text);
  assert.ok(
    search?.kind === 'command' &&
      search.name === 'search' &&
      !('generic' in search) &&
      search.expression?.kind === 'and',
  );
  const subsearch = search.expression.operands[1];
  assert.ok(subsearch?.kind === 'subsearch');
  assert.equal(
    text.slice(subsearch.range.start.offset, subsearch.range.end.offset),
    '[search b [search c | head 1] | fields d]',
  );
  assert.equal(subsearch.pipeline.stages.length, 2);
  const inner = subsearch.pipeline.stages[0];
  assert.ok(
    inner?.kind === 'command' &&
      inner.name === 'search' &&
      !('generic' in inner) &&
      inner.expression?.kind === 'and',
  );
  assert.equal(inner.expression.operands[1]?.kind, 'subsearch');
  assert.deepEqual(stageNames('a | search [| inputlookup x.csv | fields y]'), [
    'search*',
    'search',
  ]);
});

test('ranges carry line and column on multi-line searches', () => {
  const text = 'a=1\r\n| stats count\n  by host';
  const stats = parseSpl(text).pipeline.stages[1];
  assert.ok(stats?.kind === 'command' && stats.name === 'stats' && !('generic' in stats));
  assert.deepEqual(stats.by[0]?.range.start, { offset: text.indexOf('host'), line: 2, column: 5 });
  assert.deepEqual(stats.nameRange?.start, { offset: 7, line: 1, column: 2 });
});
