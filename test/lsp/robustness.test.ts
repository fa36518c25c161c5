import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadMacroFiles } from '../../server/src/core/macros';
import { completionsAt } from '../../server/src/lsp/completion';
import { documentSplOf } from '../../server/src/lsp/documents';
import { hoverAt } from '../../server/src/lsp/hover';

const { index } = loadMacroFiles([resolve(import.meta.dirname, '../../sample-data/macros')]);
const pieces = [
  '|',
  '`',
  '```',
  '"',
  "'",
  '\\',
  '[',
  ']',
  '(',
  ')',
  ',',
  '=',
  ' ',
  '\n',
  'stats',
  'eval',
  'if',
  'count',
  'by',
  'sysmon',
  'security_content_ctime',
  'x',
  '1',
  'search',
  'where',
];
const splText = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));

test('hover and completion accept any text and any offset, and spans stay in the text', () => {
  fc.assert(
    fc.property(splText, fc.nat(), (spl, at) => {
      const offset = at % (spl.length + 1);
      const hover = hoverAt(spl, offset, index);
      if (hover) {
        assert.ok(hover.span.start <= offset && offset <= hover.span.end);
        assert.ok(hover.span.end <= spl.length);
      }
      assert.ok(Array.isArray(completionsAt(spl, offset, index)));
    }),
    { numRuns: 400 },
  );
});

test('a YAML search maps document offsets to SPL offsets that map back', () => {
  fc.assert(
    fc.property(splText, fc.constantFrom("'", '"', '|\n  ', '>-\n  '), (spl, style) => {
      const quoted =
        style === "'"
          ? `'${spl.replace(/'/g, "''").replace(/\n/g, '\n\n  ')}'`
          : style === '"'
            ? JSON.stringify(spl)
            : `${style}${spl.replace(/\n/g, '\n  ')}`;
      const text = `name: x\nsearch: ${quoted}\n`;
      const source = documentSplOf('file:///d/x.yml', 'yaml', text);
      assert.ok(source);
      let mapped = 0;
      for (let offset = 0; offset <= text.length; offset += 1) {
        const splOffset = source.toSplOffset(offset);
        if (splOffset === undefined) continue;
        mapped += 1;
        // Either the character at the offset, or the one just before it (a cursor after a word).
        const at = splOffset < source.spl.length ? source.toDocumentOffset(splOffset) : -1;
        const after = splOffset > 0 ? source.toDocumentOffset(splOffset - 1) + 1 : -1;
        assert.ok(at === offset || after === offset, `${offset} -> ${splOffset}`);
      }
      assert.ok(mapped >= source.spl.length, 'every SPL character is reachable from the file');
    }),
    { numRuns: 200 },
  );
});
