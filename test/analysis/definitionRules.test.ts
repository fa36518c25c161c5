import { resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintMacroDefinitions } from '../../server/src/core/analysis';
import { buildMacroIndex, loadMacroFiles } from '../../server/src/core/macros';

const repoRoot = resolve(import.meta.dirname, '../..');

const conf = [
  '[undeclared(1)]',
  'args = field',
  'definition = eval $field$=$feild$',
  '[unused(2)]',
  'args = used, spare',
  'definition = search $used$',
  '[validated(1)]',
  'args = n',
  'validation = $n$ > 0',
  'definition = head 10',
  '[ping]',
  'definition = `pong`',
  '[pong]',
  'definition = `ping`',
  '[self(1)]',
  'args = x',
  'definition = `self($x$)`',
  '[calls_missing]',
  'definition = `undeclard(1)`',
  '',
].join('\n');

function covered(line: number, start: number, end: number): string {
  return (conf.split('\n')[line] ?? '').slice(start, end);
}

test('macro definition rules, with ranges in the definition file', () => {
  const { index, diagnostics } = buildMacroIndex([{ path: 'app/default/macros.conf', text: conf }]);
  assert.deepEqual(diagnostics, []);
  const found = lintMacroDefinitions(index).map((d) => [
    d.code,
    d.file,
    covered(d.range.start.line, d.range.start.column, d.range.end.column),
  ]);
  assert.deepEqual(found, [
    // spl-semantics.md "macros.conf": only declared $arg$ tokens are replaced.
    ['spl.macro.undeclaredArgument', 'app/default/macros.conf', '$feild$'],
    ['spl.macro.unusedArgument', 'app/default/macros.conf', 'spare'],
    ['spl.macro.undefined', 'app/default/macros.conf', '`undeclard(1)`'],
    ['spl.macro.recursive', 'app/default/macros.conf', '`ping`'],
    ['spl.macro.recursive', 'app/default/macros.conf', '`self($x$)`'],
  ]);
});

test('definition rule messages say what to do, and severities can be changed', () => {
  const { index } = buildMacroIndex([{ path: 'macros.conf', text: conf }]);
  const diagnostics = lintMacroDefinitions(index, {
    'spl.macro.unusedArgument': 'off',
    'spl.macro.recursive': 'hint',
  });
  assert.ok(!diagnostics.some((d) => d.code === 'spl.macro.unusedArgument'));
  const recursive = diagnostics.find((d) => d.code === 'spl.macro.recursive');
  assert.equal(recursive?.severity, 'hint');
  assert.match(recursive?.message ?? '', /ping -> pong -> ping|pong -> ping -> pong/);
  const undefinedCall = diagnostics.find((d) => d.code === 'spl.macro.undefined');
  assert.match(undefinedCall?.message ?? '', /did you mean 'undeclared'\?/);
  const undeclared = diagnostics.find((d) => d.code === 'spl.macro.undeclaredArgument');
  assert.match(undeclared?.message ?? '', /its arguments are field/);
});

test('the sample macros and the corpus macros pass the definition rules', () => {
  const sample = loadMacroFiles([resolve(repoRoot, 'sample-data/macros')]);
  assert.deepEqual(lintMacroDefinitions(sample.index), []);
  const corpus = loadMacroFiles([
    resolve(repoRoot, '../shared/corpus/security_content/macros'),
    resolve(repoRoot, 'sample-data/macros/cim'),
  ]);
  assert.deepEqual(lintMacroDefinitions(corpus.index), []);
});
