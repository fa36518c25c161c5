/**
 * Formatting the `search:` of detection YAML: the new file reads back as exactly the formatted
 * search, keeps every other byte, and is refused with a reason whenever that cannot be proven.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { globSync } from 'tinyglobby';
import { parseDocument } from 'yaml';
import {
  formatDetectionSearch,
  type DetectionFormatResult,
} from '../../server/src/core/format/detectionSearch';
import { formatSpl } from '../../server/src/core/format/index';
import { readDetectionYaml } from '../../server/src/core/syntax/documents';

const repoRoot = resolve(import.meta.dirname, '../..');
const detectionsDir = join(repoRoot, '../shared/corpus/security_content/detections');

function toJS(fileText: string): Record<string, unknown> {
  return parseDocument(fileText).toJS() as Record<string, unknown>;
}

function formattedFile(fileText: string): string {
  const result = formatDetectionSearch(fileText);
  assert.ok('text' in result, `expected a formatted file: ${JSON.stringify(result)}`);
  return result.text;
}

function refusal(fileText: string): Extract<DetectionFormatResult, { error: string }> {
  const result = formatDetectionSearch(fileText);
  assert.ok('error' in result, `expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

test("a single-quoted one-line search with '' escapes becomes a |- block scalar", () => {
  // YAML 1.2 §7.3.2: inside single quotes '' is one quote.
  const file =
    "name: x\nsearch: 'index=a user=''bob'' | stats count by host | `x_filter`'\nother: 1\n";
  const result = formatDetectionSearch(file);
  assert.ok('edit' in result);
  assert.equal(
    result.text,
    "name: x\nsearch: |-\n  index=a user='bob'\n  | stats count by host\n  | `x_filter`\nother: 1\n",
  );
  // One edit: from the opening quote to the closing one.
  const newText = result.text.slice(16, result.text.indexOf('\nother'));
  assert.deepEqual(result.edit, { start: 16, end: file.indexOf('\nother'), newText });
  const formatted = formatSpl("index=a user='bob' | stats count by host | `x_filter`");
  assert.ok('text' in formatted);
  assert.equal(readDetectionYaml(result.text).search?.text, formatted.text);
});

test('a double-quoted search keeps its escaped quotes and backslashes', () => {
  // YAML 1.2 §7.3.1: \" and \\ are escapes; a literal block takes both characters as they are.
  const file = 'search: "index=a path=\\"C:\\\\Temp\\\\*\\" | head 1"\n';
  assert.equal(readDetectionYaml(file).search?.text, 'index=a path="C:\\Temp\\*" | head 1');
  assert.equal(formattedFile(file), 'search: |-\n  index=a path="C:\\Temp\\*"\n  | head 1\n');
});

test('a search already in a block scalar is re-laid out; a formatted one is left as it is', () => {
  // YAML 1.2 §8.1.3: a folded scalar joins its lines with spaces, so this is one line of SPL.
  const folded = 'search: >\n  index=a |\n  head 1\n\nname: x\n';
  assert.equal(formattedFile(folded), 'search: |-\n  index=a\n  | head 1\n\nname: x\n');
  // The value of a clipped `|` block ends with a line break; the formatted search has none.
  const clipped = 'search: |\n  index=a\n  | head 1\nname: x\n';
  assert.equal(formattedFile(clipped), 'search: |-\n  index=a\n  | head 1\nname: x\n');
  // A comment on the old block header stays on the new one.
  const commented = 'search: | # reviewed\n  index=a | head 1\nname: x\n';
  assert.equal(formattedFile(commented), 'search: |- # reviewed\n  index=a\n  | head 1\nname: x\n');
  const tidy = 'search: |-\n    index=a\n    | head 1\nname: x\n';
  assert.deepEqual(formatDetectionSearch(tidy), { text: tidy, changed: false });
  // A one-stage search is formatted as it stands, quoted or not.
  const single = "search: 'index=a'\n";
  assert.deepEqual(formatDetectionSearch(single), { text: single, changed: false });
});

test('formatting twice is formatting once', () => {
  const once = formattedFile(
    "search: '| tstats count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)` | append [search index=b | head 1]'\n",
  );
  assert.deepEqual(formatDetectionSearch(once), { text: once, changed: false });
  assert.match(once, /^ {2}\| append \[\n {4}search index=b\n {4}\| head 1\n {2}\]$/m);
});

test('comments and other keys around the search stay byte for byte', () => {
  const before = '# detection header\nname:   "x"   # odd spacing kept\ntags:\n  a: [1, 2]\n';
  const after = '# between\nhow_to_implement: >-\n  text\n  folded\n';
  const file = `${before}search: 'index=a | head 1'\n${after}`;
  const result = formattedFile(file);
  assert.ok(result.startsWith(`${before}search: |-\n  index=a\n  | head 1\n`), result);
  assert.ok(result.endsWith(`\n${after}`), result);
  // A comment after the closing quote would become part of the block's last line; it moves to
  // the header line instead (YAML 1.2 §8.1.1: a block header may end with a comment).
  assert.equal(
    formattedFile("search: 'index=a | head 1'   # why\nname: x\n"),
    'search: |- # why\n  index=a\n  | head 1\nname: x\n',
  );
});

test("the block follows the file's indentation and line breaks", () => {
  const file = "tags:\r\n    a: 1\r\nsearch: 'index=a | head 1'\r\n";
  assert.equal(
    formattedFile(file),
    'tags:\r\n    a: 1\r\nsearch: |-\r\n    index=a\r\n    | head 1\r\n',
  );
});

test('each refusal says why and leaves the file alone', () => {
  const yaml = refusal("name: x\nsearch: 'index=a | head 1\n");
  assert.equal(yaml.refusal, 'yamlErrors');
  assert.match(yaml.error, /^Line \d+, column \d+: YAML: .*Fix this first/);
  const none = refusal('definition: index=a\nname: m\n');
  assert.equal(none.refusal, 'noSearch');
  assert.match(none.error, /no top-level `search:` key/);
  const syntax = refusal("name: x\nsearch: 'index=a | eval x=(1'\n");
  assert.equal(syntax.refusal, 'searchSyntax');
  // The position is the file's: line 2, the '(' at column 27.
  assert.match(syntax.error, /^Fix the syntax error in the search first \(line 2, column 27: /);
  // `copy` is an alias of the search's node, so rewriting the search would change it too.
  const alias = refusal("search: &s 'index=a | head 1'\ncopy: *s\n");
  assert.equal(alias.refusal, 'readBack');
  assert.match(alias.error, /`copy:` would read differently.*left as written/);
  // A block scalar cannot sit inside a flow mapping: the re-read finds a YAML error.
  const flow = refusal("{search: 'index=a | head 1', name: x}\n");
  assert.equal(flow.refusal, 'readBack');
  assert.match(flow.error, /the file would then read with: YAML: /);
});

test('every corpus detection whose search formats re-reads to it, other keys unchanged', () => {
  const files = globSync('**/*.yml', { cwd: detectionsDir }).sort();
  assert.ok(files.length > 1_700, `expected the corpus at ${detectionsDir}`);
  const started = performance.now();
  const outcomes = new Map<string, string[]>();
  for (const [index, file] of files.entries()) {
    const text = readFileSync(join(detectionsDir, file), 'utf8');
    const result = formatDetectionSearch(text);
    const outcome = 'error' in result ? result.refusal : result.changed ? 'formatted' : 'unchanged';
    outcomes.set(outcome, [...(outcomes.get(outcome) ?? []), file]);
    // formatDetectionSearch re-reads every file it formats and refuses on any difference; this
    // checks that claim independently on every fourth file (all of them would take the test past
    // 10 s), reading both files with the yaml package itself.
    if (!('edit' in result) || index % 4 !== 0) continue;
    const { search: before, ...otherBefore } = toJS(text);
    const { search: after, ...otherAfter } = toJS(result.text);
    const expected = formatSpl(String(before));
    assert.ok('text' in expected, file);
    assert.equal(after, expected.text, file);
    assert.deepEqual(otherAfter, otherBefore, file);
  }
  const seconds = (performance.now() - started) / 1000;
  const summary = [...outcomes].map(([outcome, list]) => `${outcome}: ${list.length}`).join(', ');
  const scratchDir = join(tmpdir(), 'spl-format-detections');
  mkdirSync(scratchDir, { recursive: true });
  writeFileSync(
    join(scratchDir, 'corpus-results.txt'),
    `${summary}; ${seconds.toFixed(1)} s\n` +
      [...outcomes].map(([outcome, list]) => `\n[${outcome}]\n${list.join('\n')}\n`).join(''),
  );
  // Two deprecated detections have an unclosed quote in their YAML; everything else formats.
  assert.deepEqual(outcomes.get('yamlErrors'), [
    'deprecated/okta_threatinsight_login_failure_with_high_unknown_users.yml',
    'deprecated/okta_threatinsight_suspected_passwordspray_attack.yml',
  ]);
  assert.ok((outcomes.get('formatted')?.length ?? 0) >= 1_705, summary);
});
