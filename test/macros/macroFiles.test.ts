import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildMacroIndex,
  loadMacroFiles,
  type MacroDefinition,
} from '../../server/src/core/macros';

function fileText(
  text: string,
  definition: MacroDefinition,
  start: number,
  length: number,
): string {
  const offset = definition.definitionToFile(start);
  return text.slice(offset, offset + length);
}

// spl-semantics.md "macros.conf": a value continues on the next line after a trailing backslash.
test('macros.conf: comments, arity stanzas, continuations and their file offsets', () => {
  const text = [
    '# a comment line',
    '[simple]',
    'definition = index=main',
    '',
    '   # an indented comment',
    '[multi(2)]',
    'args = first, second',
    'definition = search $first$ \\',
    '  | stats count by $second$',
    'iseval = 0',
    'description = two lines',
    '[flag]',
    'iseval = true',
    'validation = 1 == 1',
    'errormsg = never',
    'definition = "x"',
  ].join('\r\n');
  const { index, diagnostics } = buildMacroIndex([{ path: 'app/default/macros.conf', text }]);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(index.names(), ['flag', 'multi', 'simple']);
  const multi = index.lookup('multi', 2);
  assert.ok(multi);
  assert.deepEqual(multi.args, ['first', 'second']);
  assert.equal(multi.definition, 'search $first$ \n  | stats count by $second$');
  assert.equal(multi.description, 'two lines');
  assert.equal(multi.iseval, false);
  assert.equal(multi.nameRange.start.line, 5);
  const stats = multi.definition.indexOf('stats');
  assert.equal(fileText(text, multi, stats, 5), 'stats', 'offsets after a continuation');
  assert.equal(multi.definitionRange.start.line, 7);
  assert.equal(multi.definitionRange.end.line, 8);
  const flag = index.lookup('flag', 0);
  assert.equal(flag?.iseval, true);
  assert.equal(flag?.validation, '1 == 1');
  assert.equal(flag?.errormsg, 'never');
  assert.equal(index.lookup('multi', 1), undefined);
});

test('macros.conf: local/ layers over default/ key by key', () => {
  const files = [
    {
      path: 'app/default/macros.conf',
      text: '[m(1)]\nargs = x\ndefinition = default $x$\n[only_default]\ndefinition = d\n',
    },
    {
      path: 'app/local/macros.conf',
      text: '[m(1)]\ndefinition = local $x$\n[only_local]\ndefinition = l\n',
    },
  ];
  const { index, diagnostics } = buildMacroIndex(files);
  assert.deepEqual(diagnostics, []);
  const m = index.lookup('m', 1);
  assert.equal(m?.definition, 'local $x$');
  assert.deepEqual(m?.args, ['x'], 'args still come from default');
  assert.equal(m?.file, 'app/local/macros.conf');
  assert.equal(index.lookup('only_default', 0)?.definition, 'd');
  assert.equal(index.lookup('only_local', 0)?.definition, 'l');
});

const problems: readonly { name: string; text: string; codes: readonly string[] }[] = [
  {
    name: 'args disagree with the arity',
    text: '[m(2)]\nargs = a\ndefinition = $a$\n',
    codes: ['spl.macro.argsMismatch'],
  },
  {
    name: 'a bad argument name',
    text: '[m(1)]\nargs = a b\ndefinition = x\n',
    codes: ['spl.macro.badArgName'],
  },
  {
    name: 'a repeated argument',
    text: '[m(2)]\nargs = a, a\ndefinition = $a$\n',
    codes: ['spl.macro.repeatedArg'],
  },
  {
    name: 'a hyphen in the name',
    text: '[my-macro]\ndefinition = x\n',
    codes: ['spl.macro.hyphenName'],
  },
  { name: 'no definition', text: '[m]\nargs =\n', codes: ['spl.macro.noDefinition'] },
  { name: 'an unclosed header', text: '[m\ndefinition = x\n', codes: ['spl.macro.confSyntax'] },
  {
    name: 'a line that is not key = value',
    text: '[m]\ndefinition = x\njunk\n',
    codes: ['spl.macro.confSyntax'],
  },
];

for (const p of problems) {
  test(`macros.conf problem: ${p.name}`, () => {
    const { diagnostics } = buildMacroIndex([{ path: 'macros.conf', text: p.text }]);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      p.codes,
    );
    assert.ok(diagnostics.every((d) => d.file === 'macros.conf'));
  });
}

test('a macro defined twice: the first wins, the second is reported with the first related', () => {
  const { index, diagnostics } = buildMacroIndex([
    { path: 'a/macros.conf', text: '[m]\ndefinition = first\n' },
    { path: 'b.yml', text: 'name: m\ndefinition: second\n' },
  ]);
  assert.equal(index.lookup('m', 0)?.definition, 'first');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.file, d.related?.[0]?.uri]),
    [['spl.macro.duplicate', 'b.yml', 'a/macros.conf']],
  );
});

test('security_content YAML: arguments, quoted and folded definitions mapped to the file', () => {
  const quoted = "name: q\narguments:\n  - field\ndefinition: 'eval a=''$field$'' | table a'\n";
  const folded = 'name: f\ndefinition: search a=1\n  b=2\ndescription: d\n';
  const { index, diagnostics } = buildMacroIndex([
    { path: 'q.yml', text: quoted },
    { path: 'f.yml', text: folded },
  ]);
  assert.deepEqual(diagnostics, []);
  const q = index.lookup('q', 1);
  assert.ok(q);
  assert.equal(q.definition, "eval a='$field$' | table a");
  assert.equal(fileText(quoted, q, q.definition.indexOf('table'), 5), 'table');
  assert.equal(q.nameRange.start.offset, quoted.indexOf('q'));
  const f = index.lookup('f', 0);
  assert.ok(f);
  assert.equal(f.definition, 'search a=1 b=2');
  assert.equal(fileText(folded, f, f.definition.indexOf('b=2'), 3), 'b=2');
  assert.equal(f.description, 'd');
});

// corpus macros/base64decode.yml: PyYAML reads it, strict YAML 1.2 does not.
test('a quoted YAML definition with unindented continuation lines is read as PyYAML does', () => {
  const text =
    "arguments:\n  - v\ndefinition: 'eval a=$v$ \n| eval b=''x''\n| table a b'\nname: loose\n";
  const { index, diagnostics } = buildMacroIndex([{ path: 'loose.yml', text }]);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity]),
    [['spl.macro.yamlLenient', 'warning']],
  );
  const loose = index.lookup('loose', 1);
  assert.equal(loose?.definition, "eval a=$v$ | eval b='x' | table a b");
  assert.ok(loose);
  assert.equal(fileText(text, loose, loose.definition.indexOf('table'), 5), 'table');
});

test('YAML that is neither valid nor a macro is reported, not guessed', () => {
  const { index, diagnostics } = buildMacroIndex([
    { path: 'bad.yml', text: "name: [unclosed\ndefinition: 'x\n" },
    { path: 'nameless.yml', text: 'definition: x\n' },
  ]);
  assert.deepEqual(index.all(), []);
  assert.ok(diagnostics.some((d) => d.code === 'spl.macro.yamlSyntax' && d.file === 'bad.yml'));
  assert.ok(diagnostics.some((d) => d.code === 'spl.macro.yamlShape' && d.file === 'nameless.yml'));
});

test('loadMacroFiles walks folders for macros.conf and macro YAML, skipping other YAML', () => {
  const root = mkdtempSync(join(tmpdir(), 'spl-macros-'));
  try {
    mkdirSync(join(root, 'app/default'), { recursive: true });
    mkdirSync(join(root, 'yaml'), { recursive: true });
    writeFileSync(join(root, 'app/default/macros.conf'), '[from_conf]\ndefinition = c\n');
    writeFileSync(join(root, 'app/default/props.conf'), '[not_a_macro]\nKEY = v\n');
    writeFileSync(join(root, 'yaml/from_yaml.yml'), 'name: from_yaml\ndefinition: y\n');
    writeFileSync(join(root, 'yaml/detection.yml'), 'name: A detection\nsearch: index=main\n');
    const { index, diagnostics } = loadMacroFiles([root, join(root, 'missing')]);
    assert.deepEqual(index.names(), ['from_conf', 'from_yaml']);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['spl.macro.readError'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
