/** Formatting, outline, folding, macro definition/references and signature help over the wire. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type {
  DocumentSymbol,
  FoldingRange,
  Location,
  SignatureHelp,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSpl } from '../../server/src/core/format/index';
import { readDetectionYaml } from '../../server/src/core/syntax/documents';
import { fileUri, LspSession, repoRoot } from './lspSession';

const wermgr = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir';
const splUri = fileUri(`${wermgr}.spl`);
const yamlUri = fileUri(`${wermgr}.yml`);
const ctimeUri = fileUri('sample-data/macros/security_content/security_content_ctime.yml');
let session: LspSession;

before(async () => {
  session = await LspSession.start('sample-data');
  await session.open(splUri, 'spl', readFileSync(resolve(repoRoot, `${wermgr}.spl`), 'utf8'));
  await session.open(yamlUri, 'yaml', readFileSync(resolve(repoRoot, `${wermgr}.yml`), 'utf8'));
});
after(() => session.stop());

const at = (uri: string, line: number, character: number) => ({
  textDocument: { uri },
  position: { line, character },
});

function format(uri: string): Promise<TextEdit[] | null> {
  return session.request('textDocument/formatting', {
    textDocument: { uri },
    options: { tabSize: 4, insertSpaces: true },
  });
}

test('formatting a .spl document replaces it whole, one stage per line', async () => {
  const uri = fileUri('scratch/format.spl');
  await session.open(uri, 'spl', 'index=a   | stats count by host | append [search b | head 1]\n');
  const edits = await format(uri);
  assert.deepEqual(edits, [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      newText: 'index=a\n| stats count by host\n| append [\n    search b\n    | head 1\n]\n',
    },
  ]);
});

test('formatting a detection YAML replaces only its search scalar, with a |- block', async () => {
  const text = readFileSync(resolve(repoRoot, `${wermgr}.yml`), 'utf8');
  const edits = (await format(yamlUri)) ?? [];
  assert.equal(edits.length, 1);
  // The single-quoted scalar starts after `search: ` on line 13 and ends at its closing quote.
  const [edit] = edits;
  assert.deepEqual(edit?.range.start, { line: 12, character: 8 });
  const formattedFile = TextDocument.applyEdits(
    TextDocument.create(yamlUri, 'yaml', 1, text),
    edits,
  );
  const expected = formatSpl(readDetectionYaml(text).search?.text ?? '', { indent: '    ' });
  assert.ok('text' in expected);
  assert.equal(readDetectionYaml(formattedFile).search?.text, expected.text);
  assert.ok(edit?.newText.startsWith('|-\n  `sysmon` EventCode=15'), edit?.newText);
  const searchEnd = text.indexOf('\nhow_to_implement:');
  assert.equal(
    formattedFile.slice(formattedFile.indexOf('\nhow_to_implement:')),
    text.slice(searchEnd),
  );
  // Formatted once, the document needs no further edits; then it is put back for the tests below.
  await session.change(yamlUri, 2, formattedFile);
  assert.deepEqual(await format(yamlUri), []);
  await session.change(yamlUri, 3, text);
});

test('formatting leaves macro YAML, formatted text and broken searches alone', async () => {
  const macroYaml = fileUri('scratch/macro.yml');
  await session.open(macroYaml, 'yaml', 'definition: index=a | head 1\nname: m\n');
  assert.deepEqual(await format(macroYaml), []);
  const brokenYaml = fileUri('scratch/broken.yml');
  await session.open(brokenYaml, 'yaml', "name: x\nsearch: 'index=a | eval x=(1'\n");
  assert.deepEqual(await format(brokenYaml), []);
  const tidy = fileUri('scratch/tidy.spl');
  await session.open(tidy, 'spl', 'index=a\n| head 1\n');
  assert.deepEqual(await format(tidy), []);
  const broken = fileUri('scratch/broken.spl');
  await session.open(broken, 'spl', 'index=a | eval x=(1');
  assert.deepEqual(await format(broken), []);
});

test('document symbols: one per stage, named by command, with the stage text as detail', async () => {
  const symbols: DocumentSymbol[] = await session.request('textDocument/documentSymbol', {
    textDocument: { uri: splUri },
  });
  assert.deepEqual(
    symbols.map((symbol) => symbol.name),
    [
      'search',
      'stats',
      '`security_content_ctime`',
      '`security_content_ctime`',
      '`windows_wermgr_alternate_data_stream_in_temp_dir_filter`',
    ],
  );
  const stats = symbols[1]!;
  assert.match(stats.detail ?? '', /^stats count min\(_time\) as firstTime .*lastTime…$/);
  assert.ok((stats.detail ?? '').length <= 60);
  // The stats stage runs over lines 1 to 3 of the file.
  assert.deepEqual([stats.range.start.line, stats.range.end.line], [1, 3]);
  assert.deepEqual(stats.selectionRange, {
    start: { line: 1, character: 2 },
    end: { line: 1, character: 7 },
  });
});

test('document symbols of a detection YAML hang under the detection', async () => {
  const symbols: DocumentSymbol[] = await session.request('textDocument/documentSymbol', {
    textDocument: { uri: yamlUri },
  });
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0]!.name, 'Windows Wermgr Alternate Data Stream in Temp Dir');
  const stages = symbols[0]!.children ?? [];
  assert.equal(stages.length, 5);
  // Line 13 (0-based) of the YAML starts `| stats` inside the quoted search.
  assert.deepEqual(stages[1]!.selectionRange.start, { line: 13, character: 4 });
});

test('folding: multi-line stages, subsearches and comments', async () => {
  const uri = fileUri('scratch/fold.spl');
  await session.open(
    uri,
    'spl',
    'index=a\n```first\nsecond```\n| append [\n  search b\n  | head 1\n]\n| stats count\n  by host',
  );
  const folds: FoldingRange[] = await session.request('textDocument/foldingRange', {
    textDocument: { uri },
  });
  assert.deepEqual(
    folds.map(({ startLine, endLine, kind }) => ({ startLine, endLine, kind })),
    [
      { startLine: 1, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 6, kind: undefined },
      { startLine: 7, endLine: 8, kind: undefined },
    ],
  );
});

test('folding in a detection YAML follows the search through the quoted scalar', async () => {
  const folds: FoldingRange[] = await session.request('textDocument/foldingRange', {
    textDocument: { uri: yamlUri },
  });
  // The stats stage runs from line 13 to line 15 of the YAML; no other stage spans lines.
  assert.deepEqual(
    folds.map(({ startLine, endLine }) => [startLine, endLine]),
    [[13, 15]],
  );
});

test('go to definition of a macro call opens its definition file at the name', async () => {
  // Line 4 is "| `security_content_ctime(firstTime)`".
  const location: Location | null = await session.request(
    'textDocument/definition',
    at(splUri, 4, 6),
  );
  assert.deepEqual(location, {
    uri: ctimeUri,
    range: { start: { line: 0, character: 6 }, end: { line: 0, character: 28 } },
  });
  // The same call in the YAML, and no definition for a call with the wrong argument count.
  const fromYaml: Location | null = await session.request(
    'textDocument/definition',
    at(yamlUri, 15, 60),
  );
  assert.equal(fromYaml?.uri, ctimeUri);
  const uri = fileUri('scratch/arity.spl');
  await session.open(uri, 'spl', '| `security_content_ctime(a, b)`');
  assert.equal(await session.request('textDocument/definition', at(uri, 0, 5)), null);
});

test('find references lists every call of the macro with that arity across files', async () => {
  const uri = fileUri('scratch/refs.spl');
  await session.open(uri, 'spl', '| `security_content_ctime(x)` | `security_content_ctime(a, b)`');
  const references: Location[] = await session.request('textDocument/references', {
    ...at(splUri, 4, 6),
    context: { includeDeclaration: true },
  });
  const places = references.map(
    ({ uri: file, range }) => `${file.replace(/^.*\//, '')}:${range.start.line}`,
  );
  assert.deepEqual(places.sort(), [
    'refs.spl:0',
    'security_content_ctime.yml:0',
    'windows_wermgr_alternate_data_stream_in_temp_dir.spl:4',
    'windows_wermgr_alternate_data_stream_in_temp_dir.spl:5',
    'windows_wermgr_alternate_data_stream_in_temp_dir.yml:15',
    'windows_wermgr_alternate_data_stream_in_temp_dir.yml:15',
  ]);
});

test('find references from a macro definition lists its calls', async () => {
  // Line 0 of security_content_ctime.yml is `name: security_content_ctime`; the file is not open.
  const references: Location[] = await session.request('textDocument/references', {
    ...at(ctimeUri, 0, 10),
    context: { includeDeclaration: false },
  });
  assert.ok(references.length >= 4, JSON.stringify(references));
  assert.ok(references.every((reference) => reference.uri !== ctimeUri));
  assert.ok(references.some((reference) => reference.uri === splUri));
  assert.deepEqual(
    await session.request('textDocument/references', {
      ...at(ctimeUri, 2, 0),
      context: { includeDeclaration: false },
    }),
    [],
  );
});

test('find references reads unopened .spl and YAML files of the workspace, not node_modules', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'spl-references-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  write('macros.conf', '[tag(1)]\ndefinition = tag=$x$\nargs = x\n');
  write('a.spl', 'index=a\n| search `tag(one)`\n');
  write('detections/b.yml', "name: b\nsearch: '`tag(two)` | head 1'\n");
  write('node_modules/c.spl', '`tag(three)`');
  const workspace = await LspSession.start(folder);
  try {
    const open = pathToFileURL(join(folder, 'open.spl')).href;
    await workspace.open(open, 'spl', '`tag(zero)`');
    const references: Location[] = await workspace.request('textDocument/references', {
      ...at(open, 0, 2),
      context: { includeDeclaration: false },
    });
    const places = references.map(
      ({ uri, range }) =>
        `${uri.slice(pathToFileURL(folder).href.length)}:${range.start.line}:${range.start.character}`,
    );
    assert.deepEqual(places.sort(), ['/a.spl:1:10', '/detections/b.yml:1:10', '/open.spl:0:1']);
  } finally {
    await workspace.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('signature help for eval functions marks the argument under the cursor', async () => {
  const uri = fileUri('scratch/signature.spl');
  const text = '| eval x=if(a>1, "big", "small"), y=mvindex(f, (1+2), ';
  await session.open(uri, 'spl', text);
  const onThen: SignatureHelp | null = await session.request(
    'textDocument/signatureHelp',
    at(uri, 0, text.indexOf('"big"')),
  );
  assert.equal(onThen?.signatures[0]?.label, 'if(condition, then, else)');
  assert.equal(onThen?.activeParameter, 1);
  const [start, end] = onThen!.signatures[0]!.parameters![1]!.label as [number, number];
  assert.equal('if(condition, then, else)'.slice(start, end), 'then');
  // Inside a grouping parenthesis the call around it still counts; at the end, the third argument.
  const grouped: SignatureHelp | null = await session.request(
    'textDocument/signatureHelp',
    at(uri, 0, text.indexOf('1+2')),
  );
  assert.equal(grouped?.signatures[0]?.label, 'mvindex(field, start [, end])');
  assert.equal(grouped?.activeParameter, 1);
  const last: SignatureHelp | null = await session.request(
    'textDocument/signatureHelp',
    at(uri, 0, text.length),
  );
  assert.equal(last?.activeParameter, 2);
  assert.equal(await session.request('textDocument/signatureHelp', at(uri, 0, 3)), null);
});

test('signature help inside stats shows the aggregation', async () => {
  const uri = fileUri('scratch/statsSignature.spl');
  await session.open(uri, 'spl', '| stats dc(user) by host');
  const help: SignatureHelp | null = await session.request(
    'textDocument/signatureHelp',
    at(uri, 0, 11),
  );
  assert.equal(help?.signatures[0]?.label, 'dc(field)');
});

test('signature help for a macro call shows its arguments', async () => {
  const uri = fileUri('scratch/macroSignature.spl');
  await session.open(uri, 'spl', '| `security_content_ctime(firstTime)`');
  const help: SignatureHelp | null = await session.request(
    'textDocument/signatureHelp',
    at(uri, 0, 27),
  );
  assert.equal(help?.signatures[help.activeSignature ?? 0]?.label, 'security_content_ctime(field)');
  assert.equal(help?.activeParameter, 0);
});
