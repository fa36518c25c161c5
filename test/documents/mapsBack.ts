import assert from 'node:assert/strict';
import type { EmbeddedSpl } from '../../server/src/core/syntax/documents/index';

/**
 * Asserts that every character of the SPL maps to the file character that produced it: the same
 * character, a line break for a folded space or newline, or the backslash of an escape. Offsets
 * must increase, and stay inside the scalar's range.
 */
export function assertMapsBack(fileText: string, spl: EmbeddedSpl, label = ''): void {
  let previous = -1;
  for (let i = 0; i < spl.text.length; i++) {
    const at = spl.toFileOffset(i);
    const produced = spl.text[i] as string;
    const source = fileText[at];
    const folded = (produced === ' ' || produced === '\n') && (source === '\n' || source === '\r');
    // Messages are built only on failure: this runs for every character of 1,900 files.
    if (!(source === produced || folded || source === '\\')) {
      assert.fail(
        `${label} text[${i}]=${JSON.stringify(produced)} maps to ${JSON.stringify(source)}`,
      );
    }
    if (at <= previous) assert.fail(`${label} offsets must increase at text[${i}]`);
    previous = at;
  }
  const end = spl.toFileOffset(spl.text.length);
  assert.ok(end >= previous && end <= spl.range.end.offset, `${label} end offset ${end}`);
  assert.ok(spl.range.start.offset <= spl.toFileOffset(0), `${label} start inside the range`);
}
