import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type {
  CodeLens,
  Diagnostic,
  InlayHint,
  MarkupContent,
  ProtocolConnection,
} from 'vscode-languageserver-protocol';
import type { RunSearchResult, RunStaleParams } from '../../server/src/protocol/runSearch';
import { fileUri, LspSession, repoRoot } from './lspSession';

const wermgr = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir';
const splUri = fileUri(`${wermgr}.spl`);
const yamlUri = fileUri(`${wermgr}.yml`);
const splText = readFileSync(resolve(repoRoot, `${wermgr}.spl`), 'utf8');
/** The sample data's true positives, in stats' ascending by-field order (sample-data/README.md). */
const expectedDests = ['ENG-WKS-12.corp.example.com', 'FIN-WKS-07.corp.example.com'];
let session: LspSession;
const stale: RunStaleParams[] = [];

before(async () => {
  session = await LspSession.start('sample-data');
  // lspSession has no helper for server notifications; the run's staleness is one.
  const connection = (session as unknown as { connection: ProtocolConnection }).connection;
  connection.onNotification('spl/runStale', (params: RunStaleParams) => stale.push(params));
  await session.open(splUri, 'spl', splText);
  await session.open(yamlUri, 'yaml', readFileSync(resolve(repoRoot, `${wermgr}.yml`), 'utf8'));
});
after(() => session.stop());

const run = (uri: string) => session.request<RunSearchResult>('spl/runSearch', { uri });
const lenses = (uri: string) =>
  session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
const hints = (uri: string) =>
  session.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
  });

test('before a run, the lens above a detection runs it and shows no result yet', async () => {
  const found = await lenses(yamlUri);
  assert.deepEqual(
    found.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
    [[12, 'Run on sample data', 'spl.runSearch']],
  );
  assert.deepEqual(found[0]!.command!.arguments, [yamlUri]);
  assert.deepEqual(await hints(yamlUri), []);
});

test('running the .spl gives the two true positives and 20 -> 3 -> 2 -> 2 -> 2 -> 2', async () => {
  const result = await run(splUri);
  assert.equal(result.version, 1);
  assert.deepEqual(
    result.rows.map((row) => row.dest),
    expectedDests,
  );
  assert.equal(result.totalRows, 2);
  assert.equal(result.truncated, false);
  assert.deepEqual(
    result.stages.map((s) => [s.command, s.in, s.out]),
    [
      ['search', 20, 3],
      ['stats', 3, 2],
      ['convert', 2, 2],
      ['convert', 2, 2],
      ['search', 2, 2],
    ],
  );
  // The first stage is the `sysmon` macro call and the terms on line 0.
  assert.deepEqual(result.stages[0]!.range.start, { line: 0, character: 0 });
  assert.equal(result.stages[1]!.range.start.line, 1);
  assert.deepEqual(
    result.datasets.map((d) => d.origin),
    ['workspace-default'],
  );
  // The older Sysmon event has no Contents: stats' null by-field rule drops it (spl-semantics.md).
  const dropped = result.messages.find((m) => m.code === 'spl.engine.by-field-missing');
  assert.ok(dropped?.range);
  const { start, end } = dropped.range;
  const line = splText.split('\n')[start.line]!;
  assert.equal(line.slice(start.character, end.character), 'Contents');
});

test('each result row points to the event behind it, and the timeline counts the matched events', async () => {
  const result = await run(splUri);
  assert.equal(result.rowEvents.length, 2);
  result.rows.forEach((row, i) => {
    const events = result.rowEvents[i]!.map((index) => result.events[index]!);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.host, row.dest);
    assert.match(events[0]!.raw, /wermgr\.exe:WDFOO/);
  });
  // Stats is the first transforming command: the timeline shows the 3 events out of the search.
  const timeline = result.timeline!;
  assert.equal(timeline.stageIndex, 0);
  assert.equal(timeline.eventCount, 3);
  assert.equal(
    timeline.buckets.reduce((sum, b) => sum + b.count, 0),
    3,
  );
  assert.ok(timeline.buckets.length <= 100);
  assert.ok(timeline.buckets.every((b) => b.end - b.start === timeline.bucketSeconds));
  assert.equal(result.stages[1]!.sampleRows.length, 2);
  assert.equal(result.stages[0]!.sampleRows.length, 3);
});

test('running the detection YAML uses its tests: dataset and maps stages into the YAML', async () => {
  const result = await run(yamlUri);
  assert.deepEqual(
    result.rows.map((row) => row.dest),
    expectedDests,
  );
  assert.deepEqual(
    result.stages.map((s) => s.out),
    [3, 2, 2, 2, 2],
  );
  assert.equal(result.stages[0]!.in, 20);
  assert.deepEqual(result.datasets, [
    {
      path: resolve(repoRoot, 'sample-data/events/wermgr_ads_sysmon.log'),
      origin: 'detection-test',
      sourcetype: 'XmlWinEventLog',
    },
  ]);
  // `search: '` is 9 characters: the first stage starts right after the quote on line 12.
  assert.deepEqual(result.stages[0]!.range.start, { line: 12, character: 9 });
});

test('after a run, the lens shows the result count and time, and inlay hints the stage counts', async () => {
  const titles = (await lenses(yamlUri)).map((lens) => lens.command?.title ?? '');
  assert.equal(titles[0], 'Run on sample data');
  assert.match(titles[1] ?? '', /^2 results in \d+ ms$/);
  const found = await hints(yamlUri);
  assert.deepEqual(
    found.map((hint) => hint.label),
    ['→ 3 events', '→ 2 results', '→ 2 results', '→ 2 results', '→ 2 results'],
  );
  assert.deepEqual(found[0]!.position, { line: 12, character: 89 });
});

test('hovering a stage after a run shows its counts and first rows, escaped', async () => {
  await run(splUri);
  const hover = await session.hover(splUri, 1, 3);
  const text = (hover!.contents as MarkupContent).value;
  assert.match(text, /\*\*stats\*\* on sample data: 3 in, 2 out/);
  assert.match(text, /\| dest \| dvc \|/);
  assert.match(text, /ENG-WKS-12\.corp\.example\.com/);
  // Values are data: a backslash in a path is escaped so markdown shows it as written.
  assert.match(text, /C:\\\\Users/);
});

test('an edit makes the run stale: lens summary, hints and hover go, a notification says so', async () => {
  await run(splUri);
  const edited = `${splText}\n`;
  await session.change(splUri, 2, edited);
  await session.diagnostics(splUri, 2);
  assert.deepEqual(
    stale.filter((s) => s.uri === splUri).map((s) => s.version),
    [2],
  );
  assert.deepEqual(
    (await lenses(splUri)).map((lens) => lens.command?.title),
    ['Run on sample data'],
  );
  assert.deepEqual(await hints(splUri), []);
  const text = (((await session.hover(splUri, 1, 3))?.contents as MarkupContent) ?? { value: '' })
    .value;
  assert.doesNotMatch(text, /on sample data/);
});

/** Waits for a publication for `uri` with a diagnostic of `code`. */
async function diagnosticWithCode(uri: string, code: string): Promise<Diagnostic> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = session
      .publishedFor(uri)
      .flatMap((p) => p.diagnostics)
      .find((d) => d.code === code);
    if (found) return found;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`no ${code} diagnostic for ${uri}`);
}

test('evaluation diagnostics: a term that matches nothing, a by-field no event has', async () => {
  const termUri = fileUri('sample-data/detections/evaluation_term.spl');
  await session.open(
    termUri,
    'spl',
    '`sysmon` EventCode=15 TargetFilename="*nosuchthing*" | stats count by dest',
  );
  const term = await diagnosticWithCode(termUri, 'spl.engine.term-never-matched');
  assert.deepEqual(term.range.start, { line: 0, character: 22 });
  assert.match(term.message, /nosuchthing/);

  const fieldUri = fileUri('sample-data/detections/evaluation_field.spl');
  await session.open(fieldUri, 'spl', '`sysmon` EventCode=15 | stats count by destt');
  const field = await diagnosticWithCode(fieldUri, 'spl.engine.by-field-missing');
  assert.deepEqual(field.range, {
    start: { line: 0, character: 39 },
    end: { line: 0, character: 44 },
  });
  assert.match(field.message, /Did you mean 'dest'\?/);
});

test('a run of a document that is not open is refused with a reason', async () => {
  await assert.rejects(run(fileUri('sample-data/detections/not_open.spl')), /Open a \.spl file/);
});
