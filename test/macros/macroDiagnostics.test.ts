import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  buildMacroIndex,
  expandMacros,
  loadMacroFiles,
  macroDiagnostics,
  type ExpandOptions,
  type MacroIndex,
} from '../../server/src/core/macros';
import { readCorpus } from '../syntax/corpusFiles';

const repoRoot = resolve(__dirname, '../..');
const { index: corpusIndex } = loadMacroFiles([
  join(repoRoot, '../shared/corpus/security_content/macros'),
  join(repoRoot, 'sample-data/macros/cim'),
]);
const searches = readCorpus(7).searches.map((entry) => entry.search);

function assertSameAsExpansion(text: string, index: MacroIndex, options: ExpandOptions = {}) {
  assert.deepEqual(
    macroDiagnostics(text, index, options),
    expandMacros(text, index, options).diagnostics,
  );
}

test('macroDiagnostics reports what expandMacros reports, on corpus searches edited at random', () => {
  const edit = fc.tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.nat({ max: 4 }),
    fc.constantFrom('`', '```', '"', '(', ')', ',', 'x', '`sysmon`', '`drop_dm_object_name(a,b)`'),
  );
  fc.assert(
    fc.property(fc.constantFrom(...searches), fc.array(edit, { maxLength: 5 }), (search, edits) => {
      let text = search;
      for (const [where, deleted, inserted] of edits) {
        const at = Math.floor(where * (text.length + 1));
        text = text.slice(0, at) + inserted + text.slice(at + deleted);
        // Twice: the second check replays the calls the first one expanded.
        assertSameAsExpansion(text, corpusIndex);
        assertSameAsExpansion(text, corpusIndex, { implicitFilterMacros: ['x_filter'] });
      }
    }),
    { numRuns: 200 },
  );
});

test('a remembered call is reported at each place it is made', () => {
  const text = '`nope` | `nope`\n| `nope(1)`';
  macroDiagnostics(text, corpusIndex);
  const again = macroDiagnostics(`  ${text}`, corpusIndex);
  assert.deepEqual(
    again.map(({ range }) => [range.start.offset, range.start.line, range.start.column]),
    [
      [2, 0, 2],
      [11, 0, 11],
      [20, 1, 2],
    ],
  );
  assertSameAsExpansion(`  ${text}`, corpusIndex);
});

test('remembered calls still count toward the limit on calls of the whole search', () => {
  const { index } = buildMacroIndex([
    {
      path: 'limits/default/macros.conf',
      text: `[ten]\ndefinition = ${Array.from({ length: 10 }, () => '`one`').join(' ')}\n[one]\ndefinition = x`,
    },
  ]);
  // 11 calls per `ten`: 9,091 of them pass the limit of 100,000 calls.
  const text = Array.from({ length: 9_091 }, () => '`ten`').join(' ');
  const diagnostics = macroDiagnostics(text, index);
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.code),
    ['spl.macro.callLimit'],
  );
  assert.deepEqual(diagnostics, expandMacros(text, index).diagnostics);
});
