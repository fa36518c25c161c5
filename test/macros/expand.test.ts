import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMacroIndex, expandMacros, type ExpandOptions } from '../../server/src/core/macros';

const conf =
  String.raw`
[greet(2)]
args = a, b
definition = eval x="$a$ and $b$"

[one(1)]
args = v
definition = search msg=$v$

[f]
definition = zero
[f(1)]
args = x
definition = one $x$
[f(2)]
args = x, y
definition = two $x$ $y$

[filter(1)]
args = cond
definition = search $cond$

[outer]
definition = ` +
  '`inner(x)`' +
  String.raw` | stats count

[inner(1)]
args = v
definition = search v=$v$

[wrap(1)]
args = n
definition = ` +
  '`inner($n$)`' +
  String.raw`

[commented]
definition = search a ` +
  '```why```' +
  String.raw` b

[tok(1)]
args = a
definition = search $a$ $other$

[a]
definition = ` +
  '`b`' +
  String.raw`
[b]
definition = ` +
  '`a`' +
  String.raw`
[r(1)]
args = x
definition = ` +
  '`r($x$)`' +
  String.raw`
[broken]
definition = ` +
  '`missing_inside`' +
  '\n';

const { index, diagnostics: loadDiagnostics } = buildMacroIndex([
  { path: 'app/default/macros.conf', text: conf },
]);

interface Case {
  readonly name: string;
  readonly search: string;
  readonly expected: string;
  /** Diagnostic codes, in order; empty when the expansion is clean. */
  readonly codes?: readonly string[];
  readonly message?: RegExp;
  readonly options?: ExpandOptions;
}

const cases: readonly Case[] = [
  // spl-semantics.md "macros.conf": every $a$ is replaced, even inside quotes.
  {
    name: 'positional arguments, substituted inside quotes',
    search: '`greet(1, two)`',
    expected: 'eval x="1 and two"',
  },
  // Unverified in spl-semantics.md: we keep an argument's quotes, as written; commas inside them do not split.
  {
    name: 'a quoted argument keeps its quotes and its comma',
    search: '`greet("a,b", c)`',
    expected: 'eval x=""a,b" and c"',
  },
  // spl-semantics.md "Lexical": quotes inside arguments are escaped with backslashes.
  {
    name: 'escaped quotes pass through',
    search: '`one("say \\"hi\\"")`',
    expected: 'search msg="say \\"hi\\""',
  },
  {
    name: 'commas inside parentheses do not split',
    search: '`one(f(a,b))`',
    expected: 'search msg=f(a,b)',
  },
  // spl-semantics.md "macros.conf": [foo], [foo(1)], [foo(2)] are three macros.
  { name: 'overloads by arity', search: '`f` `f(a)` `f(a, b)`', expected: 'zero one a two a b' },
  {
    name: 'named arguments in any order',
    search: '`greet(b=2, a=1)`',
    expected: 'eval x="1 and 2"',
  },
  {
    name: 'a named argument the definition does not declare',
    search: '`greet(a=1, c=2)`',
    expected: '`greet(a=1, c=2)`',
    codes: ['spl.macro.unknownArgument'],
    message: /no argument named 'c'; its arguments are a, b/,
  },
  {
    name: 'key=value text is positional when no key is an argument',
    search: '`filter(process_name=cmd.exe)`',
    expected: 'search process_name=cmd.exe',
  },
  // spl-semantics.md "macros.conf": macros may nest.
  { name: 'nested macros', search: '`outer`', expected: 'search v=x | stats count' },
  { name: 'a call built from an argument', search: '`wrap(7)`', expected: 'search v=7' },
  // spl-semantics.md "Lexical": not expanded inside a quoted string.
  {
    name: 'no expansion inside quoted strings',
    search: 'search "`outer`" x',
    expected: 'search "`outer`" x',
  },
  // spl-semantics.md "Lexical": Splunk replaces a comment by a space.
  {
    name: 'comments become a space',
    search: 'search a ```note `outer` ``` b',
    expected: 'search a   b',
  },
  { name: 'comments inside definitions too', search: '`commented`', expected: 'search a   b' },
  { name: 'unknown $tokens$ stay as written', search: '`tok(1)`', expected: 'search 1 $other$' },
  {
    name: 'undefined macro with did-you-mean',
    search: 'x `outr` y',
    expected: 'x `outr` y',
    codes: ['spl.macro.undefined'],
    message: /did you mean 'outer'/,
  },
  {
    name: 'wrong number of arguments lists the arities',
    search: '`greet(1)`',
    expected: '`greet(1)`',
    codes: ['spl.macro.arity'],
    message: /takes 2 argument\(s\), not 1/,
  },
  {
    name: 'overloaded arities are all listed',
    search: '`f(1,2,3)`',
    expected: '`f(1,2,3)`',
    codes: ['spl.macro.arity'],
    message: /takes 0 or 1 or 2 argument/,
  },
  {
    name: 'a cycle shows the whole chain',
    search: '`a`',
    expected: '`a`',
    codes: ['spl.macro.recursive'],
    message: /a -> b -> a/,
  },
  {
    name: 'self-recursion with arguments',
    search: '`r(1)`',
    expected: '`r(1)`',
    codes: ['spl.macro.recursive'],
    message: /r -> r/,
  },
  {
    name: 'an undefined macro inside a definition',
    search: 'x `broken`',
    expected: 'x `missing_inside`',
    codes: ['spl.macro.undefined'],
  },
  {
    name: 'a stray backtick',
    search: 'search `oops',
    expected: 'search `oops',
    codes: ['spl.macro.unterminated'],
  },
  {
    name: 'an unterminated comment',
    search: 'search a ```b',
    expected: 'search a  ',
    codes: ['spl.macro.unterminatedComment'],
  },
  {
    name: 'an empty call',
    search: 'search ``',
    expected: 'search ``',
    codes: ['spl.macro.emptyCall'],
  },
  {
    name: 'a malformed call',
    search: '`greet(1, 2`',
    expected: '`greet(1, 2`',
    codes: ['spl.macro.malformedCall'],
  },
  // spl-semantics.md "macros.conf": security_content generates `<name>_filter` as `search *`.
  {
    name: 'a conventional filter macro',
    search: 'x | `d_filter`',
    expected: 'x | search *',
    options: { implicitFilterMacros: ['d_filter'] },
  },
];

test('the table macros load cleanly', () => {
  assert.deepEqual(loadDiagnostics, []);
});

for (const c of cases) {
  test(`expansion: ${c.name}`, () => {
    const result = expandMacros(c.search, index, c.options);
    assert.equal(result.text, c.expected);
    assert.deepEqual(
      result.diagnostics.map((d) => d.code),
      c.codes ?? [],
    );
    if (c.message) assert.match(result.diagnostics[0]?.message ?? '', c.message);
  });
}

test('a problem inside a definition is reported at the user call, with the definition related', () => {
  const search = 'x `broken`';
  const [diagnostic] = expandMacros(search, index).diagnostics;
  assert.equal(
    search.slice(diagnostic?.range.start.offset, diagnostic?.range.end.offset),
    '`broken`',
  );
  const related = diagnostic?.related?.[0];
  assert.equal(related?.uri, 'app/default/macros.conf');
  const line = conf.split('\n')[related?.range.start.line ?? -1] ?? '';
  assert.equal(
    line.slice(related?.range.start.column, related?.range.end.column),
    '`missing_inside`',
  );
});

test('each call into a cycle is reported at its own call', () => {
  const result = expandMacros('search `a` | `a`', index);
  assert.equal(result.diagnostics.length, 2);
  assert.deepEqual(
    result.diagnostics.map((d) => d.range.start.column),
    [7, 13],
  );
});

test('an arity mismatch relates every definition of the name', () => {
  const [diagnostic] = expandMacros('`f(1,2,3)`', index).diagnostics;
  assert.deepEqual(
    diagnostic?.related?.map((r) => [r.message, r.uri, r.range.start.line]),
    [
      ["'f' with 0 argument(s)", 'app/default/macros.conf', conf.split('\n').indexOf('[f]')],
      ["'f' with 1 argument(s): x", 'app/default/macros.conf', conf.split('\n').indexOf('[f(1)]')],
      [
        "'f' with 2 argument(s): x, y",
        'app/default/macros.conf',
        conf.split('\n').indexOf('[f(2)]'),
      ],
    ],
  );
});
