import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildMacroIndex, expandMacros } from '../../server/src/core/macros';
import { lintSpl } from '../../server/src/core/analysis';

const { index } = buildMacroIndex([
  {
    path: 'fuzz.conf',
    text: [
      '[m]',
      'definition = search "q`m2`" ```c``` `m2`',
      '[m2]',
      'definition = x',
      '[m(1)]',
      'args = a',
      'definition = `m($a$)` $a$',
      '[n(2)]',
      'args = a, b',
      'definition = $b$ `m` $a$',
      '',
    ].join('\n'),
  },
]);

// Pieces that exercise every scanner state: calls, arguments, quotes, escapes, comments.
const piece = fc.constantFrom(
  '`',
  '```',
  '"',
  '\\',
  '(',
  ')',
  ',',
  '=',
  '|',
  ' ',
  '\n',
  'm',
  'n',
  'm2',
  'a=1',
  'x',
  '$a$',
);
const search = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

test('any text expands without throwing, and every expanded offset maps into the user text', () => {
  fc.assert(
    fc.property(search, (text) => {
      const result = expandMacros(text, index, { limits: { maxOutputLength: 5_000 } });
      for (let offset = 0; offset <= result.text.length; offset++) {
        const location = result.sourceMap.toOriginal(offset);
        assert.ok(
          location.offset >= 0 && location.offset <= text.length,
          `offset ${offset} -> ${location.offset}`,
        );
      }
      const range = result.sourceMap.toOriginalRange(0, result.text.length);
      assert.ok(range.start.offset <= range.end.offset);
      for (const d of result.diagnostics) assert.ok(d.range.end.offset <= text.length);
    }),
    { numRuns: 300 },
  );
});

test('any text lints without throwing', () => {
  fc.assert(
    fc.property(search, (text) => {
      const diagnostics = lintSpl(text, { index, detectionFileName: 'fuzz.yml' });
      for (const d of diagnostics) assert.ok(d.range.start.offset <= d.range.end.offset);
    }),
    { numRuns: 150 },
  );
});
