import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const repoRoot = resolve(import.meta.dirname, '../..');
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(repoRoot, path), 'utf8')) as Record<string, unknown>;

interface Contributes {
  languages: { id: string; extensions: string[]; configuration: string }[];
  grammars: { scopeName: string; path: string; injectTo?: string[] }[];
  commands: { command: string }[];
  keybindings: { command: string; key: string; mac: string; when: string }[];
  configuration: {
    properties: Record<string, { description?: string; markdownDescription?: string }>;
  };
}

const manifest = readJson('package.json');
const contributes = manifest.contributes as Contributes;

test('the spl language, its grammars and injections point at files that exist', () => {
  const spl = contributes.languages.find((language) => language.id === 'spl');
  assert.deepEqual(spl?.extensions, ['.spl', '.splunk']);
  assert.ok(existsSync(resolve(repoRoot, spl.configuration)));
  for (const grammar of contributes.grammars) {
    assert.ok(existsSync(resolve(repoRoot, grammar.path)), grammar.path);
    assert.equal(readJson(grammar.path).scopeName, grammar.scopeName);
  }
  assert.deepEqual(contributes.grammars.flatMap((grammar) => grammar.injectTo ?? []).sort(), [
    'source.yaml',
    'text.html.markdown',
  ]);
});

test('comments toggle with triple backticks and backticks close themselves', () => {
  // spl-semantics.md "Lexical": a comment is ```text```, a macro call is `name`.
  const configuration = readJson('language-configuration.json') as {
    comments: { blockComment: string[] };
    autoClosingPairs: { open: string; close: string }[];
  };
  assert.deepEqual(configuration.comments.blockComment, ['```', '```']);
  for (const quote of ['"', "'", '`']) {
    assert.ok(
      configuration.autoClosingPairs.some((pair) => pair.open === quote && pair.close === quote),
    );
  }
});

test('Expand Macros is a command bound to Ctrl/Cmd+Shift+E in SPL editors', () => {
  assert.ok(contributes.commands.some((command) => command.command === 'spl.expandMacros'));
  const binding = contributes.keybindings.find((k) => k.command === 'spl.expandMacros');
  assert.deepEqual(binding && [binding.key, binding.mac, binding.when], [
    'ctrl+shift+e',
    'cmd+shift+e',
    'editorLangId == spl',
  ]);
});

test('settings are described, activation and workspace trust are declared', () => {
  for (const name of ['spl.macroPaths', 'spl.trace.server']) {
    const setting = contributes.configuration.properties[name];
    assert.ok(setting?.description ?? setting?.markdownDescription, name);
  }
  // Detection YAML (security_content keeps its SPL in `search:`) must activate the server too.
  assert.deepEqual(manifest.activationEvents, [
    'onLanguage:spl',
    'onLanguage:yaml',
    'workspaceContains:**/*.spl',
  ]);
  const trust = (
    manifest.capabilities as { untrustedWorkspaces: { supported: string; description: string } }
  ).untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.ok(trust.description.length > 0);
  assert.equal(manifest.main, './dist/client.js');
});
