import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseContext } from '../../server/src/core/syntax/grammar/context';
import { endOffsetOf, LineIndex, startOffsetOf } from '../../server/src/core/text/lineIndex';

// A node's range computes its line and column when first read (LineIndex.lazyRange). Whatever is
// read first, and in whatever order, it must equal LineIndex's own range (with `\n`, `\r\n` and a
// lone `\r` ending lines, and offsets past either end clamped), in JSON too.
test('ParseContext ranges read as LineIndex ranges for any text, offsets and order of reading', () => {
  const text = fc
    .array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n'), { maxLength: 40 })
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(
      text.chain((spl) =>
        fc.tuple(
          fc.constant(spl),
          fc.array(
            fc.tuple(
              fc.integer({ min: -2, max: spl.length + 2 }),
              fc.nat(spl.length + 2),
              fc.boolean(),
            ),
            { maxLength: 60 },
          ),
        ),
      ),
      ([spl, ranges]) => {
        const lines = new LineIndex(spl);
        const context = new ParseContext(spl, lines);
        for (const [start, end, endFirst] of ranges) {
          const expected = lines.range(start, end);
          const range = context.range(start, end);
          assert.equal(startOffsetOf(range), expected.start.offset);
          assert.equal(endOffsetOf(range), expected.end.offset);
          if (endFirst) assert.deepEqual(range.end, expected.end);
          assert.deepEqual(range.start, expected.start);
          assert.deepEqual(range.end, expected.end);
          assert.equal(JSON.stringify(range), JSON.stringify(expected));
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('code that walks a tree sees a range as its start and end only', () => {
  const range = new ParseContext('ab\ncd', new LineIndex('ab\ncd')).range(1, 4);
  assert.deepEqual(Object.keys(range), []);
  const seen: string[] = [];
  for (const key in range) seen.push(key);
  assert.deepEqual(seen, []);
  assert.ok('start' in range && 'end' in range);
  assert.deepEqual(JSON.parse(JSON.stringify({ range })), {
    range: { start: { offset: 1, line: 0, column: 1 }, end: { offset: 4, line: 1, column: 1 } },
  });
});
