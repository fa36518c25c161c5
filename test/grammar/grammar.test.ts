import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { createRegistry, loadConfiguration } from 'vscode-tmgrammar-test/dist/common/index';
import { parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index';

const repoRoot = resolve(import.meta.dirname, '../..');
const casesDir = resolve(import.meta.dirname, 'cases');
// The grammars come from package.json's contributes, as VS Code loads them; the two hosts stand
// in for VS Code's own YAML and Markdown grammars so the injections have a scope to enter.
const { grammars } = loadConfiguration(resolve(repoRoot, 'package.json'), undefined, [
  resolve(import.meta.dirname, 'hosts/yaml.tmLanguage.json'),
  resolve(import.meta.dirname, 'hosts/markdown.tmLanguage.json'),
]);
const registry = createRegistry(grammars);

// The cases check spl-semantics.md "Lexical": comments are ```...``` even over several lines and
// are no macro call; `AND OR NOT` are upper case while `by`/`as` ignore case; a search starts with
// an implicit `search` unless it starts with `|` and a generating command; `\\` and `\"` escape.
for (const name of readdirSync(casesDir).sort()) {
  test(`grammar case ${name}`, async () => {
    const testCase = parseGrammarTestCase(readFileSync(resolve(casesDir, name), 'utf8'));
    assert.ok(testCase.assertions.length > 0, 'a case file must hold assertions');
    const failures = await runGrammarTestCase(registry, testCase);
    const described = failures.map(
      (f) =>
        `line ${f.line + 1}:${f.start}-${f.end} missing [${f.missing.join(' ')}] unexpected [${f.unexpected.join(' ')}] actual [${f.actual.join(' ')}]`,
    );
    assert.deepEqual(described, []);
  });
}

test('a wrong assertion fails, so the cases above really check scopes', async () => {
  const testCase = parseGrammarTestCase(
    '# SYNTAX TEST "source.spl"\n`m` ```c```\n#    ^^^ entity.name.function.macro.spl\n',
  );
  const failures = await runGrammarTestCase(registry, testCase);
  assert.ok(failures.length > 0);
  assert.ok(failures.every((f) => f.missing.includes('entity.name.function.macro.spl')));
});
