/** What completion reads right before the cursor, on texts longer than the part it reads first. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { valueContextAt } from '../../server/src/lsp/fieldCompletion';

/** The definition valueContextAt keeps: the same regex over the whole text before the cursor. */
function referenceValueContext(before: string): { field: string; quoted: boolean } | undefined {
  const match = /([A-Za-z_][\w.]*)\s*!?=\s*("?)[^\s"=|()[\]]*$/.exec(before);
  return match ? { field: match[1] as string, quoted: match[2] === '"' } : undefined;
}

const pieces = fc.constantFrom(
  'a',
  'Image',
  '.',
  '_',
  '=',
  '!=',
  ' ',
  '\n',
  '"',
  '|',
  '(',
  'x'.repeat(700),
);

test('field=value context is the same as the regex over the whole text before the cursor', () => {
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const before = parts.join('');
      assert.deepEqual(valueContextAt(before), referenceValueContext(before));
    }),
    { numRuns: 2000 },
  );
  const longField = `index=main ${'f'.repeat(1500)}="C:\\Win`;
  assert.deepEqual(valueContextAt(longField), { field: 'f'.repeat(1500), quoted: true });
});
