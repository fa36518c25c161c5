import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  parseEvalExpression,
  parseSearchExpression,
  parseSpl,
  type ParseResult,
} from '../../server/src/core/syntax/index';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { readCorpus } from './corpusFiles';

const samples = readCorpus(17).searches.map((entry) => entry.search);

function assertRangesInside(
  text: string,
  result: { diagnostics: ParseResult['diagnostics'] },
): void {
  for (const diagnostic of result.diagnostics) {
    const { start, end } = diagnostic.range;
    assert.ok(
      start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length,
      `${diagnostic.code} outside ${JSON.stringify(text)}`,
    );
    const lines = new LineIndex(text);
    assert.deepEqual([lines.position(start.offset), lines.position(end.offset)], [start, end]);
  }
}

/** A corpus search with a few characters deleted or SPL's structural characters inserted. */
const mutatedSearch = fc
  .tuple(
    fc.constantFrom(...samples),
    fc.array(
      fc.tuple(
        fc.boolean(),
        fc.nat(),
        fc.constantFrom('|', '[', ']', '(', ')', '"', '`', '```', "'", '\\', '='),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([search, edits]) => {
    let text = search;
    for (const [insert, at, piece] of edits) {
      const offset = at % (text.length + 1);
      text = insert
        ? text.slice(0, offset) + piece + text.slice(offset)
        : text.slice(0, offset) + text.slice(offset + 3);
    }
    return text;
  });

const splAlphabet = fc.constantFrom(
  ...'ab =|[]()"`\'\\,.*-+<>!\n'.split(''),
  'AND',
  'OR',
  'NOT',
  'by',
  'as',
  'stats',
  'eval',
  'tstats',
  '```',
);

test('mutated corpus searches never throw and keep every diagnostic range inside the text', () => {
  fc.assert(
    fc.property(mutatedSearch, (text) => {
      assertRangesInside(text, parseSpl(text));
    }),
    { numRuns: 300 },
  );
});

test('random SPL-like text never throws, in all three entry points', () => {
  fc.assert(
    fc.property(
      fc.array(splAlphabet, { maxLength: 60 }).map((parts) => parts.join('')),
      (text) => {
        assertRangesInside(text, parseSpl(text));
        assertRangesInside(text, parseEvalExpression(text));
        assertRangesInside(text, parseSearchExpression(text));
      },
    ),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), (text) => {
      assertRangesInside(text, parseSpl(text));
    }),
    { numRuns: 300 },
  );
});

/** The fastest of several parses: the least disturbed by other work on a shared machine. */
function fastestParseMs(text: string, runs: number): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    parseSpl(text);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

test('parse time grows roughly linearly with input size', () => {
  const block = samples.slice(0, 25).join('\n| append [ search x ]\n');
  const small = `${block}\n| eval x=1`;
  const large = Array.from({ length: 4 }, () => block).join('\n| append [ search x ]\n');
  fastestParseMs(large, 3);
  // Three tries: a shared machine can stall one measurement for tens of milliseconds.
  const ratio = Math.min(
    ...[1, 2, 3].map(() => fastestParseMs(large, 10) / fastestParseMs(small, 10)),
  );
  // Four times the text should take about four times as long; 12 leaves room for noisy machines.
  assert.ok(ratio < 12, `4x input took ${ratio.toFixed(1)}x the time`);
});

test('deeply nested input is reported, not a stack overflow', () => {
  const depth = 3000;
  for (const text of [
    '('.repeat(depth) + 'a' + ')'.repeat(depth),
    '[search '.repeat(depth),
    `| eval x=${'('.repeat(depth)}1`,
  ]) {
    const result = parseSpl(text);
    assert.ok(
      result.diagnostics.some((d) => d.code === 'spl.syntax.too-deep' && d.range.start.offset > 0),
      text.slice(0, 20),
    );
    assertRangesInside(text, result);
  }
});
