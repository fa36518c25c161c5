import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import {
  detectionFilterMacroName,
  readDetectionYaml,
  readYamlScalar,
} from '../../server/src/core/syntax/documents/index';
import type { Diagnostic } from '../../server/src/core/text/diagnostic';
import { assertMapsBack } from './mapsBack';

const repoRoot = resolve(import.meta.dirname, '../..');
const corpus = resolve(repoRoot, '../shared/corpus/security_content');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yml'))
    .map((file) => join(dir, file))
    .sort();
}

/**
 * A few corpus files are not valid YAML (an unclosed quote, continuation lines that are not
 * indented). For those the reader must report the parser's errors at their positions, not crash.
 */
function assertReportsParserErrors(fileText: string, diagnostics: readonly Diagnostic[]): void {
  const errors = parseDocument(fileText).errors;
  assert.ok(errors.length > 0, 'diagnostics on a file that yaml parses cleanly');
  assert.deepEqual(
    diagnostics
      .filter((d) => d.source === 'yaml' && d.severity === 'error')
      .map((d) => d.range.start.offset),
    errors.map((error) => error.pos[0]),
  );
}

/**
 * yaml takes ~2 ms a file here, so the full parse is repeated on every `crossCheckEvery`th file
 * only. The reader already compares its decoded text with yaml's value and reports
 * 'yaml-positions-approximate' when they differ, so an empty diagnostic list is itself the check.
 */
const crossCheckEvery = 8;

describe('real detection and macro files', () => {
  it('maps the SPL of every corpus detection back to its file', () => {
    const files = yamlFilesUnder(join(corpus, 'detections'));
    assert.ok(files.length >= 1711, `found ${files.length} detections`);
    let callingTheirFilter = 0;
    let brokenFiles = 0;
    for (const [index, file] of files.entries()) {
      const fileText = readFileSync(file, 'utf8');
      const { search, diagnostics, name } = readDetectionYaml(fileText);
      if (diagnostics.length > 0) {
        assertReportsParserErrors(fileText, diagnostics);
        brokenFiles += 1;
        continue;
      }
      assert.ok(search, file);
      assertMapsBack(fileText, search, file);
      if (index % crossCheckEvery === 0) {
        const expected = parseDocument(fileText).toJS() as { search?: string; name?: string };
        assert.equal(search.text, expected.search, file);
        assert.equal(name, expected.name, file);
      }
      if (search.text.includes(`\`${detectionFilterMacroName(basename(file))}\``)) {
        callingTheirFilter += 1;
      }
    }
    // spl-semantics.md "macros.conf": every detection calls `<file name>_filter`.
    assert.ok(callingTheirFilter > files.length * 0.95, `${callingTheirFilter} of ${files.length}`);
    assert.ok(brokenFiles < 10, `${brokenFiles} detections are not valid YAML`);
  });

  it('maps the definition of every corpus macro back to its file', () => {
    for (const file of yamlFilesUnder(join(corpus, 'macros'))) {
      const fileText = readFileSync(file, 'utf8');
      const { spl, diagnostics } = readYamlScalar(fileText, 'definition');
      if (diagnostics.length > 0) {
        assertReportsParserErrors(fileText, diagnostics);
        continue;
      }
      assert.ok(spl, file);
      const expected = parseDocument(fileText).toJS() as { definition: unknown };
      assert.equal(spl.text, String(expected.definition), file);
      assertMapsBack(fileText, spl, file);
    }
  });

  it('reads the sample detections, with their tests', () => {
    const dir = resolve(repoRoot, 'sample-data/detections');
    const files = yamlFilesUnder(dir);
    assert.ok(files.length > 0);
    for (const file of files) {
      const fileText = readFileSync(file, 'utf8');
      const detection = readDetectionYaml(fileText);
      assert.deepEqual(detection.diagnostics, [], file);
      assert.ok(detection.search, file);
      assertMapsBack(fileText, detection.search, file);
      assert.ok(detection.tests.length > 0, file);
      for (const test of detection.tests) assert.ok(test.datasets.length > 0, file);
    }
  });
});
