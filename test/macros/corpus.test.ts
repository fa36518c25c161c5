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

/** Only PyYAML (security_content's build) reads these: a quoted search continues at column 0. */
const detectionsStrictYamlRejects = [
  'okta_threatinsight_login_failure_with_high_unknown_users.yml',
  'okta_threatinsight_suspected_passwordspray_attack.yml',
];

test('every corpus detection expands with the corpus macros plus sample-data/macros/cim', () => {
  const { index, diagnostics: fileDiagnostics } = loadMacroFiles([
    join(corpus, 'macros'),
    join(repoRoot, 'sample-data/macros/cim'),
  ]);
  // base64decode.yml continues a quoted definition at column 0, which only PyYAML accepts.
  assert.deepEqual(
    fileDiagnostics.map((d) => [basename(d.file), d.code]),
    [['base64decode.yml', 'spl.macro.yamlLenient']],
  );
  const files = detectionFiles(join(corpus, 'detections'));
  assert.equal(files.length, 1711);
  const undefinedMacros = new Map<string, Set<string>>();
  const failures: string[] = [];
  const unreadable: string[] = [];
  let expanded = 0;
  for (const file of files) {
    const detection = readDetectionYaml(readFileSync(file, 'utf8'));
    if (detection.diagnostics.some((d) => d.severity === 'error')) unreadable.push(basename(file));
    if (!detection.search) continue;
    expanded += 1;
    // security_content's build generates each detection's `<file name>_filter` macro (`search *`).
    const result = expandMacros(detection.search.text, index, {
      implicitFilterMacros: [detectionFilterMacroName(basename(file))],
    });
    for (const d of result.diagnostics) {
      if (d.code === 'spl.macro.undefined') {
        const name = /'([^']+)'/.exec(d.message)?.[1] ?? d.message;
        undefinedMacros.set(name, (undefinedMacros.get(name) ?? new Set()).add(basename(file)));
      } else if (d.severity === 'error') failures.push(`${basename(file)}: ${d.code} ${d.message}`);
    }
  }
  const missing = [...undefinedMacros.keys()].sort();
  const callers = new Set([...undefinedMacros.values()].flatMap((set) => [...set]));
  console.log(
    `${expanded} detections expanded; ${callers.size} call a macro no file defines; macros: ${missing.join(', ') || 'none'}`,
  );
  assert.equal(expanded, 1711);
  assert.deepEqual(unreadable.sort(), detectionsStrictYamlRejects);
  assert.deepEqual(failures, []);
  assert.deepEqual(missing, [...macrosFromAppsWeDoNotCarry].sort());
});
