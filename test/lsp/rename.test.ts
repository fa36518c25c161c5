/** Renaming a macro across .spl files, detection YAML, macro YAML and macros.conf, over the wire. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

const workspace = mkdtempSync(join(tmpdir(), 'spl-rename-'));
const uriOf = (path: string) => pathToFileURL(join(workspace, path)).href;
const files: Record<string, string> = {
  'macros/process_filter.yml':
    "name: 'process_filter'\ndefinition: process_name=$name$\narguments:\n  - name\n",
  'macros/wrapper.yml': 'name: wrapper\ndefinition: `process_filter(cmd.exe)` | head 1\n',
  'default/macros.conf':
    '[process_filter(2)]\nargs = a, b\ndefinition = process_name=$a$ OR process_name=$b$\n',
  'detections/detection.yml':
    'name: Detection\nsearch: \'`process_filter("a b")` | `process_filter(x, y)`\n  | stats count\'\n',
  'searches/search.spl': 'index=a `process_filter(x)`\n| `wrapper`\n',
};
let session: LspSession;

before(async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  session = await LspSession.start(workspace);
  await session.open(uriOf('searches/search.spl'), 'spl', files['searches/search.spl']!);
});
after(async () => {
  await session.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const position = (line: number, character: number) => ({ line, character });
const oneLine = (line: number, from: number, to: number): Range => ({
  start: position(line, from),
  end: position(line, to),
});

test('prepareRename gives the macro name under the cursor, in a call or at its definition', async () => {
  const inCall = await session.request('textDocument/prepareRename', {
    textDocument: { uri: uriOf('searches/search.spl') },
    position: position(0, 12),
  });
  assert.deepEqual(inCall, { range: oneLine(0, 9, 23), placeholder: 'process_filter' });
  const notAMacro = await session.request('textDocument/prepareRename', {
    textDocument: { uri: uriOf('searches/search.spl') },
    position: position(0, 2),
  });
  assert.equal(notAMacro, null);
});

test('rename changes one name and arity everywhere: calls, definitions and nested calls', async () => {
  const edit: WorkspaceEdit = await session.request('textDocument/rename', {
    textDocument: { uri: uriOf('searches/search.spl') },
    position: position(0, 12),
    newName: 'proc_filter',
  });
  const changes = edit.changes ?? {};
  const ranges = (path: string) =>
    (changes[uriOf(path)] ?? []).map((e: TextEdit) => {
      assert.equal(e.newText, 'proc_filter');
      return e.range;
    });
  assert.deepEqual(ranges('searches/search.spl'), [oneLine(0, 9, 23)]);
  // In the detection, the one-argument call only; the quoted YAML name keeps its quotes.
  assert.deepEqual(ranges('detections/detection.yml'), [oneLine(1, 10, 24)]);
  assert.deepEqual(ranges('macros/wrapper.yml'), [oneLine(1, 13, 27)]);
  assert.deepEqual(ranges('macros/process_filter.yml'), [oneLine(0, 7, 21)]);
  // macros.conf defines the two-argument overload, which is another macro.
  assert.equal(changes[uriOf('default/macros.conf')], undefined);
});

test('renaming from a macros.conf stanza keeps its (N) suffix and follows the arity', async () => {
  const edit: WorkspaceEdit = await session.request('textDocument/rename', {
    textDocument: { uri: uriOf('default/macros.conf') },
    position: position(0, 3),
    newName: 'pair_filter',
  });
  const changes = edit.changes ?? {};
  assert.deepEqual(changes[uriOf('default/macros.conf')], [
    { range: oneLine(0, 1, 15), newText: 'pair_filter' },
  ]);
  assert.deepEqual(changes[uriOf('detections/detection.yml')], [
    { range: oneLine(1, 36, 50), newText: 'pair_filter' },
  ]);
  assert.deepEqual(Object.keys(changes).length, 2);
});

test('a name Splunk cannot call is refused with a reason', async () => {
  await assert.rejects(
    session.request('textDocument/rename', {
      textDocument: { uri: uriOf('searches/search.spl') },
      position: position(0, 12),
      newName: 'bad name`',
    }),
    /not a macro name Splunk can call/,
  );
});
