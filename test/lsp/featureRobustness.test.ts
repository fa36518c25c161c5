/** Properties of the editor features over any text: no throw, spans in bounds, edits that round-trip. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildMacroIndex, scanMacroText, type ScannedCall } from '../../server/src/core/macros';
import { parseSpl } from '../../server/src/core/syntax';
import { completionsAt } from '../../server/src/lsp/completion';
import { documentSplOf, documentSplsOf } from '../../server/src/lsp/documents';
import { ExtractionConfig } from '../../server/src/lsp/extractionConfig';
import { fieldHoverAt } from '../../server/src/lsp/fieldHover';
import { inlineMacroAction } from '../../server/src/lsp/inlineMacro';
import { classifySpl, encodeSemanticTokens } from '../../server/src/lsp/semanticTokens';

const pieces = ['|', '`', '```', '"', "'", '\\', '[', ']', '(', ')', ',', '=', ' ', '\n'];
const words = ['stats', 'eval', 'if', 'count', 'by', 'as', 'x', '1', 'search', 'where', 'table'];
const splText = fc
  .array(fc.constantFrom(...pieces, ...words), { maxLength: 30 })
  .map((p) => p.join(''));
const knowledge = {
  sample: new Map([['x', { name: 'x', events: 2, topValues: [{ value: 'a "b"', count: 2 }] }]]),
  sampleEvents: 2,
  config: ExtractionConfig.load([]),
};

test('semantic tokens are ordered, disjoint, inside the text, and encode to in-line spans', () => {
  fc.assert(
    fc.property(splText, (spl) => {
      const tokens = classifySpl(spl);
      let end = 0;
      for (const token of tokens) {
        assert.ok(token.start >= end && token.end > token.start && token.end <= spl.length);
        end = token.end;
      }
      const document = TextDocument.create('file:///x.spl', 'spl', 1, spl);
      const source = documentSplOf(document.uri, 'spl', spl)!;
      const { data } = encodeSemanticTokens(
        document,
        tokens.map((token) => ({ token, source })),
      );
      const lines = spl.split('\n');
      let line = 0;
      let character = 0;
      for (let i = 0; i < data.length; i += 5) {
        const [deltaLine, deltaStart, length] = data.slice(i, i + 3) as [number, number, number];
        line += deltaLine;
        character = deltaLine === 0 ? character + deltaStart : deltaStart;
        assert.ok(length > 0 && character + length <= (lines[line] ?? '').length);
      }
    }),
    { numRuns: 300 },
  );
});

test('field completion and hover accept any text and offset', () => {
  fc.assert(
    fc.property(splText, fc.nat(), (spl, at) => {
      const offset = at % (spl.length + 1);
      const { pipeline } = parseSpl(spl);
      const fields = { knowledge, pipeline, pipelineSpl: spl };
      assert.ok(Array.isArray(completionsAt(spl, offset, buildMacroIndex([]).index, fields)));
      const hover = fieldHoverAt(pipeline, spl, offset, knowledge);
      if (hover) assert.ok(hover.span.start <= offset && offset <= hover.span.end);
    }),
    { numRuns: 300 },
  );
});

test('each macros.conf definition maps every character back to the file', () => {
  const definition = fc
    .array(fc.constantFrom('a', '=', ' ', '|', '"', '`x`', '$y$', '\\\n  '), { maxLength: 12 })
    .map((p) => p.join('').trim());
  fc.assert(
    fc.property(fc.array(definition, { minLength: 1, maxLength: 3 }), (definitions) => {
      const text = definitions.map((d, i) => `[m${i}]\ndefinition = ${d}\n`).join('');
      const sources = documentSplsOf('file:///app/default/macros.conf', 'spl', text);
      for (const source of sources) {
        for (let i = 0; i < source.spl.length; i += 1) {
          const ch = source.spl[i];
          if (ch === '\n') continue;
          assert.equal(text[source.toDocumentOffset(i)], ch);
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('inlining a macro into a detection reads back as the expansion, whatever the quoting', () => {
  const body = fc
    .array(fc.constantFrom('a', '=', ' ', '"q"', "'", '\\', '#', ':', 'x y'), {
      minLength: 1,
      maxLength: 10,
    })
    .map((p) => p.join('').trim())
    .filter((d) => d !== '' && !d.endsWith('\\'));
  const styles = ["'", '"', '|', 'plain'] as const;
  let inlined = 0;
  fc.assert(
    fc.property(body, fc.constantFrom(...styles), (definition, style) => {
      const { index } = buildMacroIndex([
        { path: '/app/default/macros.conf', text: `[m]\ndefinition = ${definition}\n` },
      ]);
      const spl = 'index=a `m` | head 1';
      const search =
        style === "'"
          ? `'${spl}'`
          : style === '"'
            ? `"${spl}"`
            : style === '|'
              ? `|\n  ${spl}`
              : spl;
      const text = `name: x\nsearch: ${search}\n`;
      const document = TextDocument.create('file:///d/x.yml', 'yaml', 1, text);
      const source = documentSplOf(document.uri, 'yaml', text)!;
      const call = scanMacroText(source.spl).find((t): t is ScannedCall => t.kind === 'call')!;
      const action = inlineMacroAction(document, source, call, index);
      if (!action) return; // refused: the scalar cannot hold the text as it is
      inlined += 1;
      const [edit] = action.edit?.changes?.[document.uri] ?? [];
      const start = document.offsetAt(edit!.range.start);
      const end = document.offsetAt(edit!.range.end);
      const result = text.slice(0, start) + edit!.newText + text.slice(end);
      const reread = documentSplOf(document.uri, 'yaml', result);
      assert.equal(reread?.spl.trim(), `index=a ${definition} | head 1`);
    }),
    { numRuns: 300 },
  );
  assert.ok(inlined > 150, `only ${inlined} of 300 inlined`);
});
