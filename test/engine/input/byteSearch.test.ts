import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AsciiCaseInsensitiveSearch } from '../../../server/src/core/engine/input/byteSearch';

function naive(text: string, literal: string, from: number): number {
  return text.toLowerCase().indexOf(literal.toLowerCase(), from);
}

describe('AsciiCaseInsensitiveSearch', () => {
  it('finds what a lower-cased indexOf finds, in any case', () => {
    const alphabet = fc.constantFrom('w', 'E', 'r', 'M', '.', ':', 'x', 'e', 'R', 'W', ' ', 'a');
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 200 }),
        fc.string({ unit: alphabet, minLength: 1, maxLength: 12 }),
        fc.nat(20),
        (text, literal, from) => {
          const bytes = Buffer.from(text, 'latin1');
          const search = new AsciiCaseInsensitiveSearch(literal);
          const start = Math.min(from, text.length);
          assert.equal(search.indexIn(bytes, start, bytes.length), naive(text, literal, start));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('does not match inside UTF-8 multi-byte characters', () => {
    const bytes = Buffer.from('Ä wermgr.exe: WERMGR.EXE:', 'utf8');
    const search = new AsciiCaseInsensitiveSearch('Wermgr.Exe:');
    const first = search.indexIn(bytes, 0, bytes.length);
    assert.equal(first, 3);
    assert.equal(search.indexIn(bytes, first + 1, bytes.length), 15);
    assert.equal(search.indexIn(bytes, 16, bytes.length), -1);
    assert.equal(search.indexIn(bytes, 0, 13), -1);
  });
});
