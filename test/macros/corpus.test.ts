import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandMacros, loadMacroFiles } from '../../server/src/core/macros';
import {
  detectionFilterMacroName,
  readDetectionYaml,
} from '../../server/src/core/syntax/documents';

const repoRoot = resolve(__dirname, '../..');
const corpus = join(repoRoot, '../shared/corpus/security_content');

function detectionFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return detectionFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

/**
 * Macros the corpus calls that live in apps we do not carry. Empty: sample-data/macros/cim has
 * the CIM and Enterprise Security ones (drop_dm_object_name, cim_corporate_web_domain_search,
 * get_asset); every other call resolves to the corpus's own macros.
 */
const macrosFromAppsWeDoNotCarry: readonly string[] = [];

test('every corpus detection expands with the corpus macros plus sample-data/macros/cim', () => {
  const { index, diagnostics: fileDiagnostics } = loadMacroFiles([
    join(corpus, 'macros'),
    join(repoRoot, 'sample-data/macros/cim'),
  ]);
  assert.deepEqual(
    fileDiagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  const files = detectionFiles(join(corpus, 'detections'));
  assert.equal(files.length, 1711);
  const undefinedMacros = new Map<string, number>();
  const failures: string[] = [];
  for (const file of files) {
    const detection = readDetectionYaml(readFileSync(file, 'utf8'));
    if (!detection.search) continue;
    // security_content's build generates each detection's `<file name>_filter` macro (`search *`).
    const result = expandMacros(detection.search.text, index, {
      implicitFilterMacros: [detectionFilterMacroName(basename(file))],
    });
    for (const d of result.diagnostics) {
      if (d.code === 'spl.macro.undefined') {
        const name = /'([^']+)'/.exec(d.message)?.[1] ?? d.message;
        undefinedMacros.set(name, (undefinedMacros.get(name) ?? 0) + 1);
      } else if (d.severity === 'error') failures.push(`${basename(file)}: ${d.code} ${d.message}`);
    }
  }
  const missing = [...undefinedMacros.keys()].sort();
  console.log(
    `detections calling a macro no file defines: ${[...undefinedMacros.values()].reduce((a, b) => a + b, 0)}; macros: ${missing.join(', ') || 'none'}`,
  );
  assert.deepEqual(failures, []);
  assert.deepEqual(missing, [...macrosFromAppsWeDoNotCarry].sort());
});
