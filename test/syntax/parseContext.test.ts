import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseContext } from '../../server/src/core/syntax/grammar/context';
import { LineIndex } from '../../server/src/core/text/lineIndex';

// The parser's ranges reuse recent positions and skip the line search when an offset stays on the
// recent line; whatever the order of the offsets asked, they must equal LineIndex's own (with
// `\n`, `\r\n` and a lone `\r` ending lines, and offsets past either end clamped).
test('ParseContext ranges equal LineIndex ranges for any text and any order of offsets', () => {
  const text = fc
    .array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n'), { maxLength: 40 })
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(
      text.chain((spl) =>
        fc.tuple(
          fc.constant(spl),
          fc.array(fc.tuple(fc.integer({ min: -2, max: spl.length + 2 }), fc.nat(spl.length + 2)), {
            maxLength: 60,
          }),
        ),
      ),
      ([spl, ranges]) => {
        const lines = new LineIndex(spl);
        const context = new ParseContext(spl, lines);
        for (const [start, end] of ranges) {
          assert.deepEqual(context.range(start, end), lines.range(start, end));
        }
      },
    ),
    { numRuns: 300 },
  );
});
