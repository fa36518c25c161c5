import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTable, truncate } from '../../server/src/cli/table';

describe('spl run table output', () => {
  it('aligns columns and gives a multivalue cell one line per value', () => {
    const text = formatTable(
      ['host', 'ip'],
      [
        { host: 'a', ip: ['10.0.0.1', '10.0.0.2'] },
        { host: 'bb', ip: '1' },
      ],
      80,
    );
    assert.equal(text, 'host  ip\n----  --------\na     10.0.0.1\n      10.0.0.2\nbb    1\n');
  });

  it('shrinks the widest column to fit the width and marks the cut with an ellipsis', () => {
    const text = formatTable(['k', 'long'], [{ k: 'x', long: 'y'.repeat(50) }], 30);
    const lines = text.trimEnd().split('\n');
    assert.ok(
      lines.every((line) => line.length <= 30),
      text,
    );
    assert.equal(lines[2], `x  ${'y'.repeat(26)}…`);
  });

  it('prints each row as a block of field lines when the columns cannot fit', () => {
    const fields = Array.from({ length: 12 }, (_, i) => `field${i}`);
    const row = Object.fromEntries(fields.map((f) => [f, 'v']));
    const text = formatTable(fields, [row], 40);
    assert.match(text, /^-- result 1 of 1 --\nfield0 {3}v\nfield1 {3}v\n/);
  });

  it('says so when there are no results', () => {
    assert.equal(formatTable(['a'], [], 80), 'No results.\n');
  });

  it('truncate keeps short text and flattens line breaks', () => {
    assert.equal(truncate('a\nb', 10), 'a b');
    assert.equal(truncate('abcdef', 4), 'abc…');
  });
});
