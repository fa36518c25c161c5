import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { readYamlScalar } from '../../server/src/core/syntax/documents/index';
import { assertMapsBack } from './mapsBack';

function read(fileText: string, key = 'search') {
  const { spl, diagnostics } = readYamlScalar(fileText, key);
  assert.ok(spl, `no SPL under ${key}`);
  assert.deepEqual(diagnostics, []);
  assert.equal(spl.text, (parse(fileText) as Record<string, unknown>)[key]);
  assertMapsBack(fileText, spl);
  return spl;
}

/** The file offset of the `n`th occurrence of `needle`, for pinning exact positions. */
function nth(fileText: string, needle: string, n = 1): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = fileText.indexOf(needle, at + 1);
  return at;
}

describe('SPL in YAML scalars, mapped back to the file', () => {
  it('plain multi-line scalars fold line breaks into spaces', () => {
    const file = 'name: x\nsearch: index=main\n   | stats count   \n\n  by host\nother: 1\n';
    const spl = read(file);
    assert.equal(spl.text, 'index=main | stats count\nby host');
    assert.equal(spl.toFileOffset(spl.text.indexOf('|')), file.indexOf('|'));
    assert.equal(spl.toFileOffset(spl.text.indexOf('by')), file.indexOf('by'));
    assert.equal(spl.range.start.line, 1);
    assert.equal(spl.range.start.column, 8);
  });

  it("single quotes: '' is one quote and lines fold", () => {
    const file = "search: '`sysmon` CommandLine=''*-enc*''\n  | table dest'\n";
    const spl = read(file);
    assert.equal(spl.text, "`sysmon` CommandLine='*-enc*' | table dest");
    assert.equal(spl.toFileOffset(spl.text.indexOf("'")), nth(file, "''"));
    assert.equal(spl.toFileOffset(spl.text.lastIndexOf("'")), nth(file, "''", 2));
    assert.equal(spl.toFileOffset(spl.text.indexOf('table')), file.indexOf('table'));
  });

  it('double quotes: escapes map to their backslash, escaped breaks join lines', () => {
    const file = 'search: "a=\\"x\\\\y\\" \\tb=1\\\n    c=2 | eval d=\\u00e9\n  e"\n';
    const spl = read(file);
    assert.equal(spl.text, 'a="x\\y" \tb=1c=2 | eval d=\u00e9 e');
    assert.equal(spl.toFileOffset(2), file.indexOf('\\"'));
    assert.equal(spl.toFileOffset(spl.text.indexOf('\t')), file.indexOf('\\t'));
    assert.equal(spl.toFileOffset(spl.text.indexOf('c=2')), file.indexOf('c=2'));
    assert.equal(spl.toFileOffset(spl.text.indexOf('\u00e9')), file.indexOf('\\u00e9'));
  });

  it('literal block scalars keep line breaks and strip indentation', () => {
    const file = 'definition: |\n    search index=a\n      | eval x=1\n\n    | head 5\nnext: 1\n';
    const spl = read(file, 'definition');
    assert.equal(spl.text, 'search index=a\n  | eval x=1\n\n| head 5\n');
    assert.equal(spl.toFileOffset(spl.text.indexOf('head')), file.indexOf('head'));
    assert.equal(spl.range.start.offset, file.indexOf('|'));
  });

  it('folded block scalars join text lines, keep more-indented lines, obey chomping', () => {
    const file = 'search: >-\n  index=a\n  | stats count\n\n  by host\n    | more\n  end\n\n\n';
    const spl = read(file);
    assert.equal(spl.text, 'index=a | stats count\nby host\n  | more\nend');
    assert.equal(spl.toFileOffset(spl.text.indexOf('end')), file.indexOf('end'));
    const kept = read('search: >+\n  a\n  b\n\n\nx: 1\n');
    assert.equal(kept.text, 'a b\n\n\n');
  });

  it('reads block headers with an indentation indicator and a comment', () => {
    const file = 'search: |2- # kept apart\n     | from x\n   y\nz: 1\n';
    const spl = read(file);
    assert.equal(spl.text, '   | from x\n y');
    assert.equal(spl.toFileOffset(0), file.indexOf('   | from'));
  });

  it('maps files with CRLF line breaks', () => {
    const file = "name: x\r\nsearch: 'a\r\n  b\r\n\r\n  c'\r\n";
    const spl = read(file);
    assert.equal(spl.text, 'a b\nc');
    assert.equal(spl.toFileOffset(1), file.indexOf('\r\n  b'));
    assert.equal(spl.toFileOffset(3), file.indexOf('\r\n\r\n') + 2);
  });

  it('keeps # inside plain scalars and stops at a comment', () => {
    const file = 'search: a#b c # note\nx: 1\n';
    assert.equal(read(file).text, 'a#b c');
  });

  it('maps the end of the text to the end of the value', () => {
    const file = "search: 'index=a'\n";
    const spl = read(file);
    assert.equal(spl.toFileOffset(spl.text.length), file.lastIndexOf("'"));
    assert.equal(spl.toFileOffset(999), file.lastIndexOf("'"));
    assert.equal(spl.toFileOffset(-5), file.indexOf('i'));
  });
});

describe('readYamlScalar problems', () => {
  it('reports YAML syntax errors with their position', () => {
    const file = "name: x\nsearch: 'index=a\n";
    const { diagnostics } = readYamlScalar(file, 'search');
    const [first] = diagnostics;
    assert.ok(first, 'expected a diagnostic');
    assert.equal(first.source, 'yaml');
    assert.equal(first.severity, 'error');
    assert.ok(first.range.start.offset >= file.indexOf("'"), JSON.stringify(first.range));
    assert.match(first.message, /quote/);
    assert.match(first.message, /two quotes/);
  });

  it('reports a key whose value is not text', () => {
    const { spl, diagnostics } = readYamlScalar('search:\n  a: 1\n', 'search');
    assert.equal(spl, undefined);
    assert.equal(diagnostics[0]?.code, 'yaml-not-text');
    assert.equal(diagnostics[0]?.range.start.line, 1);
  });

  it('returns nothing for a missing key, and rejects a file that is not a mapping', () => {
    assert.deepEqual(readYamlScalar('name: x\n', 'search'), { diagnostics: [] });
    assert.equal(readYamlScalar('- a\n- b\n', 'search').diagnostics[0]?.code, 'yaml-not-mapping');
  });

  it('keeps a plain scalar that YAML reads as a number as its source text', () => {
    const { spl } = readYamlScalar('definition: 0.10\n', 'definition');
    assert.equal(spl?.text, '0.10');
  });
});
