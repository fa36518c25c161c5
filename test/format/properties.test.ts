import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatSpl } from '../../server/src/core/format/index';
import { parseSpl } from '../../server/src/core/syntax/index';

/** Searches built from SPL's structural pieces, with whitespace of every kind between them. */
const piece = fc.constantFrom(
  'index=a',
  'x = 1',
  'a,b',
  ' , ',
  '|',
  ' | stats count by h',
  '[',
  ']',
  '[search b | head 1]',
  '(',
  ')',
  '"s  t|r"',
  '```c | m```',
  '`m(a, b)`',
  'eval y=if(a>1, "x", "y")',
  'NOT',
  'C:\\W\\*',
  '-24h@h',
);
const gap = fc.constantFrom('', ' ', '  ', '\n', '\t', '\n  ');
const search = fc
  .array(fc.tuple(gap, piece), { maxLength: 12 })
  .map((parts) => parts.flat().join(''));

test('formatting never throws, refuses only syntax errors, and its text parses without errors and formats to itself', () => {
  fc.assert(
    fc.property(search, (text) => {
      const once = formatSpl(text);
      if ('error' in once) {
        // Only a syntax error stops the formatter; some layout always keeps the tree.
        assert.match(once.error, /^Fix the syntax error first/);
        return;
      }
      assert.deepEqual(
        parseSpl(once.text).diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      assert.equal((formatSpl(once.text) as { text: string }).text, once.text);
    }),
    { numRuns: 300, seed: 20261129 },
  );
});
