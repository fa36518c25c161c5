import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fileUri, LspSession, repoRoot } from './lspSession';

const wermgr = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir';
// A second workspace folder whose macros.conf the tests rewrite.
const scratchFolder = mkdtempSync(join(tmpdir(), 'spl-lsp-'));
const scratchMacros = join(scratchFolder, 'macros.conf');
let session: LspSession;

before(async () => {
  writeFileSync(scratchMacros, '[scratch_macro]\ndefinition = index=scratch\n');
  session = await LspSession.start('sample-data', scratchFolder);
});
after(async () => {
  await session.stop();
  rmSync(scratchFolder, { recursive: true, force: true });
});

const summary = (d: {
  code?: string | number;
  range: { start: { line: number; character: number } };
}) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`;

test('the wermgr sample (.spl and .yml) has no problems with the workspace macros', async () => {
  for (const [extension, languageId] of [
    ['.spl', 'spl'],
    ['.yml', 'yaml'],
  ] as const) {
    const uri = fileUri(`${wermgr}${extension}`);
    await session.open(
      uri,
      languageId,
      readFileSync(resolve(repoRoot, `${wermgr}${extension}`), 'utf8'),
    );
    const published = await session.diagnostics(uri);
    assert.deepEqual(published.diagnostics.map(summary), [], extension);
  }
});

test('syntax and macro problems come with their codes and ranges', async () => {
  const uri = fileUri('scratch/broken.spl');
  const text = '`sysmn` EventCode=1\n| statz count\n| `security_content_ctime`\n| eval x=if(a,1\n';
  await session.open(uri, 'spl', text);
  const { diagnostics } = await session.diagnostics(uri);
  assert.deepEqual(diagnostics.map(summary), [
    '0:0 spl.macro.undefined',
    '1:2 spl.syntax.unknown-command',
    '2:2 spl.macro.arity',
    '3:11 spl.syntax.unbalanced-paren',
  ]);
  const undefinedMacro = diagnostics[0]!;
  assert.deepEqual(undefinedMacro.range.end, { line: 0, character: 7 });
  assert.match(undefinedMacro.message, /did you mean 'sysmon'/);
  // The arity error points at the definition that exists, in its own file.
  const related = diagnostics[2]!.relatedInformation ?? [];
  assert.ok(related.length > 0);
  assert.ok(
    related[0]!.location.uri.endsWith('/security_content_ctime.yml'),
    related[0]!.location.uri,
  );
  assert.equal(related[0]!.location.range.start.line, 0);
});

test('a detection YAML maps ranges through its quoted, folded search: value', async () => {
  const uri = fileUri('scratch/broken_detection.yml');
  const text = [
    'name: Broken',
    "search: '`sysmon` EventCode=15",
    "  | statz count | where x=''a''",
    "  | `broken_detection_filter`'",
    '',
  ].join('\n');
  await session.open(uri, 'yaml', text);
  const { diagnostics } = await session.diagnostics(uri);
  // spl-semantics.md "macros.conf (spec)": security_content's build defines every detection's
  // `<file name>_filter` macro as `search *`, so the call is no error.
  assert.deepEqual(diagnostics.map(summary), ['2:4 spl.syntax.unknown-command']);
  assert.deepEqual(diagnostics[0]!.range.end, { line: 2, character: 9 });
});

test('a YAML syntax error in a detection is reported where it is in the file', async () => {
  const uri = fileUri('scratch/unclosed.yml');
  await session.open(uri, 'yaml', 'name: x\nsearch: "index=a\n');
  const { diagnostics } = await session.diagnostics(uri);
  assert.ok(
    diagnostics.map(summary).includes('2:0 yaml-missing-char'),
    diagnostics.map(summary).join(),
  );
});

test('a macro YAML file gets the syntax problems of its definition, in file positions', async () => {
  const uri = fileUri('sample-data/macros/security_content/sysmon.yml');
  await session.open(uri, 'yaml', 'name: sysmon\ndefinition: index=a | eval x=(1\n');
  const published = await session.diagnostics(uri);
  assert.deepEqual(published.diagnostics.map(summary), ['1:29 spl.syntax.unbalanced-paren']);
});

test('each definition of an open macros.conf is checked as SPL; iseval ones are not', async () => {
  const uri = fileUri('scratch/default/macros.conf');
  const text = [
    '[good]',
    'definition = index=a | stats count',
    '[bad(1)]',
    'args = x',
    'definition = index=$x$ \\',
    '  | statz count',
    '[evaluated]',
    'iseval = true',
    'definition = if(1=1, "a", "b")',
    '',
  ].join('\n');
  await session.open(uri, 'spl-conf', text);
  const published = await session.diagnostics(uri);
  assert.deepEqual(published.diagnostics.map(summary), ['5:4 spl.syntax.unknown-command']);
});

test('hover and completion work inside a macros.conf definition, in file positions', async () => {
  const uri = fileUri('scratch/local/macros.conf');
  await session.open(uri, 'spl-conf', '[m]\ndefinition = index=a | stats count\n');
  const hover = await session.hover(uri, 1, 26);
  assert.match(JSON.stringify(hover?.contents), /\*\*stats\*\* command/);
  assert.deepEqual(hover?.range, {
    start: { line: 1, character: 23 },
    end: { line: 1, character: 28 },
  });
  const items = await session.completion(uri, 1, 22);
  assert.ok(items.some((item) => item.label === 'eval'));
  assert.equal(await session.hover(uri, 0, 1), null, 'the stanza header is not SPL');
});

test('edits are debounced: only the newest of quick successive versions is checked', async () => {
  const uri = fileUri('scratch/typing.spl');
  await session.open(uri, 'spl', 'index=a');
  await session.diagnostics(uri, 1);
  await session.change(uri, 2, 'index=a | statz');
  await session.change(uri, 3, 'index=a | stats count');
  const latest = await session.diagnostics(uri, 3);
  assert.deepEqual(latest.diagnostics, []);
  assert.deepEqual(
    session.publishedFor(uri).map((params) => params.version),
    [1, 3],
  );
});

test('after each edit the problems of every stage are where the new text has them', async () => {
  // The server reparses only the stages an edit touches (IncrementalParse) and moves the rest.
  const uri = fileUri('scratch/edited.spl');
  const stages = ['index=a', '| statz count', '| eval x=1', '| where y>1', '| tabel x'];
  await session.open(uri, 'spl', stages.join('\n'));
  assert.deepEqual((await session.diagnostics(uri, 1)).diagnostics.map(summary), [
    '1:2 spl.syntax.unknown-command',
    '4:2 spl.syntax.unknown-command',
  ]);
  const edits = [
    // A line added inside the third stage moves the last stage's problem down.
    ['index=a', '| statz count', '| eval x=1,\n  z=2', '| where y>1', '| tabel x'],
    // The first problem fixed, a new one in the fourth stage.
    ['index=a', '| stats count', '| eval x=1,\n  z=2', '| where y>', '| tabel x'],
    // A quote left open runs past its stage: the whole text is parsed again.
    ['index=a', '| stats count', '| eval x="1,\n  z=2', '| where y>', '| tabel x'],
  ];
  const expected = [
    ['1:2 spl.syntax.unknown-command', '5:2 spl.syntax.unknown-command'],
    ['4:10 spl.syntax.missing-operand', '5:2 spl.syntax.unknown-command'],
    ['2:9 spl.syntax.unclosed-quote'],
  ];
  for (const [index, edit] of edits.entries()) {
    await session.change(uri, index + 2, edit.join('\n'));
    const published = await session.diagnostics(uri, index + 2);
    assert.deepEqual(published.diagnostics.map(summary), expected[index], `edit ${index + 1}`);
  }
});

test('the macro index follows macro files that change on disk', async () => {
  const uri = fileUri(join(scratchFolder, 'uses_scratch.spl'));
  await session.open(uri, 'spl', '`scratch_macro` | stats count');
  assert.deepEqual((await session.diagnostics(uri, 1)).diagnostics, []);
  writeFileSync(scratchMacros, '[other_macro]\ndefinition = index=other\n');
  const next = session.nextDiagnostics(uri);
  await session.filesChanged(pathToFileURL(scratchMacros).href);
  const latest = await next;
  // Only the macro rules: a run over the sample data may explain more (spl.engine.*).
  const macroCodes = latest.diagnostics.filter((d) => String(d.code).startsWith('spl.macro.'));
  assert.deepEqual(macroCodes.map(summary), ['0:0 spl.macro.undefined']);
});

test('problems in a macro file are published on that file, and cleared once fixed', async () => {
  const uri = pathToFileURL(scratchMacros).href;
  const next = session.nextDiagnostics(uri);
  writeFileSync(scratchMacros, '[two(2)]\nargs = a\ndefinition = $a$\n');
  await session.filesChanged(uri);
  assert.deepEqual((await next).diagnostics.map(summary), ['1:7 spl.macro.argsMismatch']);
  const fixed = session.nextDiagnostics(uri);
  writeFileSync(scratchMacros, '[two(2)]\nargs = a, b\ndefinition = $a$ $b$\n');
  await session.filesChanged(uri);
  assert.deepEqual((await fixed).diagnostics, []);
});
