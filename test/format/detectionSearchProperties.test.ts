/**
 * Detection YAML of every quoting style around searches of SPL's structural pieces: formatting
 * never throws, an edit reads back as the formatted search, and a second pass changes nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatDetectionSearch } from '../../server/src/core/format/detectionSearch';
import { formatSpl } from '../../server/src/core/format/index';
import { readDetectionYaml } from '../../server/src/core/syntax/documents';

const splPiece = fc.constantFrom(
  'index=a',
  ' ',
  ' | ',
  '|',
  'stats count by host',
  'eval x="a  b"',
  '`m(1)`',
  '```c```',
  '[search b | head 1]',
  "user='bob'",
  'x=#1',
  'C:\\W\\*',
  '\t',
  '\n',
  ' # x',
  ':',
);
const spl = fc.array(splPiece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));

/** The search written in one of YAML's scalar styles (YAML 1.2 §7.3, §8.1). */
const searchValue = fc
  .tuple(spl, fc.constantFrom('single', 'double', 'literal', 'folded', 'plain'))
  .map(([text, style]) => {
    if (style === 'single') return `'${text.replaceAll("'", "''")}'`;
    if (style === 'double') return JSON.stringify(text);
    if (style === 'plain') return text;
    const lines = text.split('\n').map((line) => `  ${line}`);
    return `${style === 'literal' ? '|' : '>'}\n${lines.join('\n')}`;
  });
const neighbour = fc.constantFrom(
  '',
  'name: x\n',
  '# note\n',
  'tags:\n    a: [1]\n',
  'id: 1 # c\n',
);

test('formatting detection YAML never throws, reads back exactly, and is idempotent', () => {
  fc.assert(
    fc.property(
      neighbour,
      searchValue,
      fc.constantFrom('', ' # why', '  '),
      neighbour,
      fc.constantFrom('\n', '\r\n'),
      (before, value, after, next, lineBreak) => {
        const file = `${before}search: ${value}${after}\n${next}`.replaceAll('\n', lineBreak);
        const result = formatDetectionSearch(file);
        if (!('edit' in result)) return;
        const original = readDetectionYaml(file).search?.text ?? '';
        const expected = formatSpl(original);
        assert.ok('text' in expected);
        assert.equal(readDetectionYaml(result.text).search?.text, expected.text);
        const { start, end, newText } = result.edit;
        assert.equal(result.text, file.slice(0, start) + newText + file.slice(end));
        assert.deepEqual(formatDetectionSearch(result.text), { text: result.text, changed: false });
      },
    ),
    { numRuns: 300 },
  );
});
