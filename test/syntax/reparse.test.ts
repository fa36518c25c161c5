import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { IncrementalParse, parseSpl, type Stage } from '../../server/src/core/syntax/index';
import { appendChain } from '../../bench/appendChain';
import { readCorpus } from './corpusFiles';

const samples = readCorpus(9).searches.map((entry) => entry.search);

/** Compared as JSON: every range with its offset, line and column, every message, in order. */
function assertSameAsWholeParse(parse: IncrementalParse, text: string): void {
  assert.equal(parse.text, text);
  assert.equal(JSON.stringify(parse.result), JSON.stringify(parseSpl(text)));
}

/** Corpus searches chained with `append [...]`, one stage per line, maybe after a leading stage. */
const document = fc
  .tuple(
    fc.array(fc.constantFrom(...samples), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('', '| makeresults\n| ', '```note```\n', ' '),
  )
  .map(([searches, prefix]) => prefix + appendChain(searches, 1));

/** Edits a typist or a paste makes, biased to SPL's structural characters. */
const edit = fc.tuple(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.nat({ max: 6 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    '\r\n',
    '\r',
    '|',
    '[',
    ']',
    '(',
    ')',
    '"',
    "'",
    '`',
    '```',
    '\\',
    '=',
    ',',
    'x',
    'stats',
    '| eval a=',
    '[search a]',
    '| ',
  ),
);

test('a reparse after each of a series of edits equals a whole parse of the text', () => {
  fc.assert(
    fc.property(document, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      let text = start;
      let parse = IncrementalParse.of(text);
      for (const [where, deleted, inserted] of edits) {
        const at = Math.floor(where * (text.length + 1));
        text = text.slice(0, at) + inserted + text.slice(at + deleted);
        parse = parse.update(text);
        assertSameAsWholeParse(parse, text);
      }
    }),
    { numRuns: 300 },
  );
});

const long = appendChain(samples, 400);
const lines = long.split('\n');

function withLine(line: number, change: (text: string) => string): string {
  return lines.map((text, index) => (index === line ? change(text) : text)).join('\n');
}

function stageNear(parse: IncrementalParse, offset: number): Stage {
  const stage = parse.result.pipeline.stages.findLast(
    (candidate) => candidate.range.start.offset <= offset,
  );
  assert.ok(stage);
  return stage;
}

test('an edit in one stage keeps the other stages and moves the ranges of those after it', () => {
  const before = IncrementalParse.of(long);
  const { stages } = before.result.pipeline;
  const editedLine = 200;
  const editedOffset = lines.slice(0, editedLine).join('\n').length + 1;
  const edited = stageNear(before, editedOffset);
  const firstAfter = stages[stages.indexOf(edited) + 1] as Stage;
  const startBefore = firstAfter.range.start;
  const text = withLine(editedLine, (line) => `  ${line}`);

  const after = before.update(text);

  assertSameAsWholeParse(after, text);
  const reused = after.result.pipeline.stages;
  assert.equal(reused[0], stages[0], 'a stage before the edit is the same object');
  assert.ok(!reused.includes(edited), 'the edited stage is parsed again');
  assert.equal(reused[stages.indexOf(firstAfter)], firstAfter, 'a stage after it is kept');
  assert.deepEqual(firstAfter.range.start, {
    offset: startBefore.offset + 2,
    line: startBefore.line,
    column: startBefore.column,
  });
});

test('an edit that adds lines moves the line of every range after it', () => {
  const before = IncrementalParse.of(long);
  const last = before.result.pipeline.stages.at(-1) as Stage;
  const { line } = last.range.start;
  const text = withLine(3, (text) => `${text}\n\n`);
  const after = before.update(text);
  assertSameAsWholeParse(after, text);
  assert.equal((after.result.pipeline.stages.at(-1) as Stage).range.start.line, line + 2);
});

test('an edit whose quote runs past its stage parses the whole text', () => {
  const before = IncrementalParse.of(long);
  const text = withLine(100, (line) => `${line} "`);
  const after = before.update(text);
  assertSameAsWholeParse(after, text);
  assert.notEqual(after.result.pipeline.stages[0], before.result.pipeline.stages[0]);
});

test('a parse updated twice parses the second text whole, as its stages went to the first update', () => {
  const before = IncrementalParse.of(long);
  const first = withLine(10, (line) => `${line} x`);
  const second = withLine(20, (line) => `${line} y`);
  before.update(first);
  assertSameAsWholeParse(before.update(second), second);
});

test('the same text gives the same parse', () => {
  const parse = IncrementalParse.of(long);
  assert.equal(parse.update(long), parse);
});
