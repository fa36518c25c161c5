/** Quick fixes tied to diagnostics and the inline-macro refactoring, over the wire. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

// Two workspaces: security_content's layout (macros/*.yml) and a Splunk app's (macros.conf).
const yamlWorkspace = mkdtempSync(join(tmpdir(), 'spl-actions-yaml-'));
const confWorkspace = mkdtempSync(join(tmpdir(), 'spl-actions-conf-'));
let yamlSession: LspSession;
let confSession: LspSession;

before(async () => {
  mkdirSync(join(yamlWorkspace, 'macros'));
  mkdirSync(join(yamlWorkspace, 'detections'));
  writeFileSync(
    join(yamlWorkspace, 'macros', 'sysmon.yml'),
    'name: sysmon\ndefinition: \'sourcetype=XmlWinEventLog "a b"\'\n',
  );
  writeFileSync(
    join(yamlWorkspace, 'macros', 'ctime.yml'),
    'name: ctime\narguments:\n  - field\ndefinition: convert ctime($field$)\n',
  );
  mkdirSync(join(confWorkspace, 'local'));
  writeFileSync(join(confWorkspace, 'local', 'macros.conf'), '[known]\ndefinition = index=a');
  yamlSession = await LspSession.start(yamlWorkspace);
  confSession = await LspSession.start(confWorkspace);
});
after(async () => {
  await Promise.all([yamlSession.stop(), confSession.stop()]);
  rmSync(yamlWorkspace, { recursive: true, force: true });
  rmSync(confWorkspace, { recursive: true, force: true });
});

const uriIn = (folder: string, path: string) => pathToFileURL(join(folder, path)).href;

async function openAndDiagnose(session: LspSession, uri: string, languageId: string, text: string) {
  await session.open(uri, languageId, text);
  return (await session.diagnostics(uri)).diagnostics;
}

function codeActions(
  session: LspSession,
  uri: string,
  diagnostics: Diagnostic[],
  at = diagnostics[0]?.range ?? {
    start: { line: 0, character: 0 },
    end: { line: 0, character: 0 },
  },
  only?: string[],
): Promise<CodeAction[]> {
  return session.request('textDocument/codeAction', {
    textDocument: { uri },
    range: at,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

/** The text after applying a single-document edit, as an editor would. */
function applied(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits = edit?.changes?.[uri] ?? [];
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce(
      (result, e) =>
        result.slice(0, offset(e.range.start)) + e.newText + result.slice(offset(e.range.end)),
      text,
    );
}

test('an unknown command gets its did-you-mean as the preferred quick fix', async () => {
  const uri = uriIn(yamlWorkspace, 'typo.spl');
  const text = 'index=a | tabel host';
  const diagnostics = await openAndDiagnose(yamlSession, uri, 'spl', text);
  assert.equal(diagnostics[0]?.code, 'spl.syntax.unknown-command');
  const [fix] = await codeActions(yamlSession, uri, diagnostics);
  assert.equal(fix?.title, "Change to 'table'");
  assert.equal(fix?.kind, 'quickfix');
  assert.equal(fix?.isPreferred, true);
  assert.equal(applied(text, uri, fix?.edit), 'index=a | table host');
});

test('an unknown function gets the did-you-mean of its context as the quick fix', async () => {
  const uri = uriIn(yamlWorkspace, 'function-typo.spl');
  const text = 'index=a\n| eval n=tostirng(x)\n| stats distict_count(n) frobnicate(n)';
  const diagnostics = (await openAndDiagnose(yamlSession, uri, 'spl', text)).filter(
    (d) => d.code === 'spl.function.unknown',
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
    [
      [1, 9, 17],
      [2, 8, 21],
      [2, 25, 35],
    ],
  );
  const [evalFix] = await codeActions(yamlSession, uri, [diagnostics[0]!]);
  assert.equal(evalFix?.title, "Change to 'tostring'");
  assert.equal(evalFix?.isPreferred, true);
  assert.equal(applied(text, uri, evalFix?.edit).split('\n')[1], '| eval n=tostring(x)');
  const [statsFix] = await codeActions(yamlSession, uri, [diagnostics[1]!]);
  assert.equal(
    applied(text, uri, statsFix?.edit).split('\n')[2],
    '| stats distinct_count(n) frobnicate(n)',
  );
  assert.deepEqual(await codeActions(yamlSession, uri, [diagnostics[2]!]), []);
});

test('an undefined macro gets the near name and a definition stub in a new macros/*.yml', async () => {
  const uri = uriIn(yamlWorkspace, 'macro-typo.spl');
  const text = '`sysmn` | stats count | `new_macro(x, limit=5)`';
  const diagnostics = (await openAndDiagnose(yamlSession, uri, 'spl', text)).filter(
    (d) => d.code === 'spl.macro.undefined',
  );
  assert.equal(diagnostics.length, 2);
  const typo = await codeActions(yamlSession, uri, [diagnostics[0]!]);
  assert.deepEqual(
    typo.map((action) => action.title),
    ["Change to 'sysmon'", "Define macro 'sysmn' in a new macro file"],
  );
  assert.equal(applied(text, uri, typo[0]?.edit).slice(0, 8), '`sysmon`');
  const [stub] = await codeActions(yamlSession, uri, [diagnostics[1]!]);
  assert.equal(stub?.title, "Define macro 'new_macro' in a new macro file");
  const file = uriIn(yamlWorkspace, 'macros/new_macro.yml');
  const [create, insert] = stub?.edit?.documentChanges ?? [];
  assert.deepEqual(create, { kind: 'create', uri: file });
  assert.equal((insert as TextDocumentEdit).textDocument.uri, file);
  assert.equal(
    (insert as TextDocumentEdit).edits[0]?.newText,
    [
      'name: new_macro',
      'arguments:',
      '  - arg1',
      '  - limit',
      "definition: 'search *'",
      "description: Called as `new_macro`; replace 'search *' with what it should add to a search.",
      '',
    ].join('\n'),
  );
});

test('in a Splunk app the stub is a stanza appended to local/macros.conf, with its arity', async () => {
  const uri = uriIn(confWorkspace, 'search.spl');
  const diagnostics = await openAndDiagnose(confSession, uri, 'spl', '`enrich(a, b)`');
  const [stub] = await codeActions(confSession, uri, diagnostics);
  const [edit] = stub?.edit?.documentChanges ?? [];
  assert.equal(
    (edit as TextDocumentEdit).textDocument.uri,
    uriIn(confWorkspace, 'local/macros.conf'),
  );
  assert.deepEqual((edit as TextDocumentEdit).edits[0], {
    range: { start: { line: 1, character: 20 }, end: { line: 1, character: 20 } },
    newText: '\n[enrich(2)]\nargs = arg1, arg2\ndefinition = search *\n',
  });
});

test("a detection without its filter macro gets '| `<name>_filter`' added inside the YAML quotes", async () => {
  const uri = uriIn(yamlWorkspace, 'detections/my_detection.yml');
  const text = "name: My detection\nsearch: '`sysmon` | stats count by host'\n";
  const diagnostics = await openAndDiagnose(yamlSession, uri, 'yaml', text);
  const missing = diagnostics.filter((d) => d.code === 'spl.detection.filterMissing');
  const [fix] = await codeActions(yamlSession, uri, missing);
  assert.equal(
    applied(text, uri, fix?.edit),
    "name: My detection\nsearch: '`sysmon` | stats count by host | `my_detection_filter`'\n",
  );
});

test('inline macro replaces the call by its expansion, escaped for the YAML quoting', async () => {
  const spl = uriIn(yamlWorkspace, 'inline.spl');
  await yamlSession.open(spl, 'spl', '`sysmon` | `ctime(firstTime)`');
  const cursor = { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } };
  const [inline] = await codeActions(yamlSession, spl, [], cursor, ['refactor.inline']);
  assert.equal(inline?.title, "Inline macro 'ctime'");
  assert.equal(inline?.kind, 'refactor.inline');
  assert.equal(
    applied('`sysmon` | `ctime(firstTime)`', spl, inline?.edit),
    '`sysmon` | convert ctime(firstTime)',
  );
  const yaml = uriIn(yamlWorkspace, 'detections/quoted.yml');
  const text = "name: Quoted\nsearch: '`sysmon` | head 1'\n";
  await yamlSession.open(yaml, 'yaml', text);
  const atCall = { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } };
  const [yamlInline] = await codeActions(yamlSession, yaml, [], atCall, ['refactor']);
  assert.equal(
    applied(text, yaml, yamlInline?.edit),
    'name: Quoted\nsearch: \'sourcetype=XmlWinEventLog "a b" | head 1\'\n',
  );
  const noCall = { start: { line: 1, character: 22 }, end: { line: 1, character: 22 } };
  assert.deepEqual(await codeActions(yamlSession, yaml, [], noCall), []);
});

test('quick fixes only when asked for quick fixes; a broken call is not inlined', async () => {
  const uri = uriIn(yamlWorkspace, 'only.spl');
  const diagnostics = await openAndDiagnose(yamlSession, uri, 'spl', 'index=a | tabel x | `nope`');
  const inlineOnly = await codeActions(yamlSession, uri, diagnostics, undefined, [
    'refactor.inline',
  ]);
  assert.deepEqual(inlineOnly, []);
  const onCall = { start: { line: 0, character: 21 }, end: { line: 0, character: 21 } };
  const atUndefined = await codeActions(yamlSession, uri, [], onCall, ['refactor.inline']);
  assert.deepEqual(atUndefined, []);
});
