import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, LspSession, repoRoot } from './lspSession';

const wermgr = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir';
const splUri = fileUri(`${wermgr}.spl`);
const yamlUri = fileUri(`${wermgr}.yml`);
let session: LspSession;

before(async () => {
  session = await LspSession.start('sample-data');
  await session.open(splUri, 'spl', readFileSync(resolve(repoRoot, `${wermgr}.spl`), 'utf8'));
  await session.open(yamlUri, 'yaml', readFileSync(resolve(repoRoot, `${wermgr}.yml`), 'utf8'));
});
after(() => session.stop());

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

test('hovering a command shows its catalog summary, syntax and example', async () => {
  // Line 1 is `| stats count min(_time) as firstTime max(_time) as lastTime`.
  const hover = await session.hover(splUri, 1, 3);
  const text = markdown(hover);
  assert.match(text, /^\*\*stats\*\* command/);
  assert.match(text, /Example:/);
  assert.deepEqual(hover!.range, {
    start: { line: 1, character: 2 },
    end: { line: 1, character: 7 },
  });
});

test('hovering a function inside stats shows the aggregation, not the eval function', async () => {
  const text = markdown(await session.hover(splUri, 1, 15));
  assert.match(text, /min\(/);
  assert.doesNotMatch(text, /^\*\*/);
});

test('a bare aggregation in stats has a hover; the same word as a field name has none', async () => {
  const uri = fileUri('scratch/bare.spl');
  const text = '| stats count as count by count';
  await session.open(uri, 'spl', text);
  assert.match(markdown(await session.hover(uri, 0, text.indexOf('count') + 1)), /^`+spl\ncount/);
  assert.equal(await session.hover(uri, 0, text.indexOf('as count') + 4), null);
  assert.equal(await session.hover(uri, 0, text.indexOf('by count') + 4), null);
});

test('hovering a macro shows its definition, arguments, file and expansion', async () => {
  // Line 4 is "| `security_content_ctime(firstTime)`".
  const text = markdown(await session.hover(splUri, 4, 6));
  assert.match(text, /security_content_ctime\(field\)/);
  assert.match(text, /Arguments: `field`/);
  assert.match(
    text,
    /\[security_content_ctime\.yml:1\]\(file:\/\/.*security_content_ctime\.yml#L1\)/,
  );
  assert.match(text, /Expands to:\n`+spl\n.*convert timeformat=.*ctime\(firstTime\)/s);
});

test('hover in a detection YAML maps the position through the quoted search: value', async () => {
  // Line 12 (0-based) of the YAML starts the search: "search: '`sysmon` EventCode=15 ..."
  const hover = await session.hover(yamlUri, 12, 11);
  assert.match(markdown(hover), /`sysmon`\*\* macro/);
  assert.deepEqual(hover!.range, {
    start: { line: 12, character: 9 },
    end: { line: 12, character: 17 },
  });
  assert.equal(await session.hover(yamlUri, 0, 2), null);
});

test('completion: commands after a pipe, functions by stage, macros after a backtick', async () => {
  const uri = fileUri('scratch/complete.spl');
  // spl-semantics.md "Lexical": the first stage is an implicit search; `|` starts a new command.
  await session.open(
    uri,
    'spl',
    'index=a | \nindex=a | eval x=\nindex=a | stats \n| stats count by \nindex=a `',
  );
  const commands = await session.completion(uri, 0, 10);
  const stats = commands.find((item) => item.label === 'stats');
  assert.ok(stats);
  assert.ok((stats.documentation as MarkupContent).value.length > 0);
  assert.ok(commands.some((item) => item.label === 'tstats'));

  const evalFunctions = (await session.completion(uri, 1, 17)).map((item) => item.label);
  assert.ok(evalFunctions.includes('if') && evalFunctions.includes('coalesce'));
  assert.ok(!evalFunctions.includes('dc'));

  const statsFunctions = (await session.completion(uri, 2, 16)).map((item) => item.label);
  assert.ok(statsFunctions.includes('dc') && !statsFunctions.includes('coalesce'));

  const macros = await session.completion(uri, 4, 9);
  const ctime = macros.find((item) => item.label === 'security_content_ctime(field)');
  assert.equal(ctime?.insertText, 'security_content_ctime(${1:field})`');
  assert.deepEqual(await session.completion(uri, 3, 17), []);

  const sysmon = macros.find((item) => item.label === 'sysmon');
  assert.equal(sysmon?.insertText, 'sysmon`');
});

test('no completion inside a comment or a string', async () => {
  const uri = fileUri('scratch/quiet.spl');
  await session.open(uri, 'spl', 'index=a ```| \n| search "| ');
  assert.deepEqual(await session.completion(uri, 0, 13), []);
  assert.deepEqual(await session.completion(uri, 1, 12), []);
});

test('spl/expandMacros returns the search with every macro expanded', async () => {
  const { text } = await session.expandMacros(yamlUri);
  assert.doesNotMatch(text, /`/);
  assert.match(text, /^\(source=WinEventLog:Microsoft-Windows-Sysmon\/Operational/);
  assert.match(text, /convert timeformat=.*ctime\(lastTime\)/);
});
