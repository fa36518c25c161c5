import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandCommand } from '../../server/src/cli/commands/expand';
import { defaultMacroPaths } from '../../server/src/cli/macroPaths';

const repoRoot = resolve(import.meta.dirname, '../..');
const detections = join(repoRoot, 'sample-data/detections');
const sampleMacros = join(repoRoot, 'sample-data/macros');

test('the default macro path is the nearest macros/ folder at or above the file', () => {
  assert.deepEqual(
    defaultMacroPaths(join(detections, 'windows_wermgr_alternate_data_stream_in_temp_dir.spl')),
    [sampleMacros],
  );
});

test('spl expand prints the expanded .spl search and exits 0', () => {
  const outcome = expandCommand(
    join(detections, 'windows_wermgr_alternate_data_stream_in_temp_dir.spl'),
    {},
  );
  assert.equal(outcome.stderr, '');
  assert.equal(outcome.exitCode, 0);
  assert.ok(
    outcome.stdout.startsWith('(source=WinEventLog:Microsoft-Windows-Sysmon/Operational OR '),
  );
  assert.ok(
    outcome.stdout.endsWith(
      '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime)\n| search *\n',
    ),
  );
});

test("spl expand reads a detection YAML's search:", () => {
  const outcome = expandCommand(
    join(detections, 'windows_wermgr_alternate_data_stream_in_temp_dir.yml'),
    {},
  );
  assert.equal(outcome.exitCode, 0);
  assert.equal(outcome.stderr, '');
  assert.match(outcome.stdout, /^\(source=WinEventLog:[^\n]* \| search \*\n$/);
});

test('macro errors print as file:line:col severity code message, exit 1', () => {
  const folder = mkdtempSync(join(tmpdir(), 'spl-expand-'));
  try {
    const spl = join(folder, 'broken.spl');
    writeFileSync(spl, 'index=main\n| `sysmn` | `security_content_ctime(a, b)`\n');
    const outcome = expandCommand(spl, { macros: [sampleMacros] });
    assert.equal(outcome.exitCode, 1);
    assert.equal(outcome.stdout, 'index=main\n| `sysmn` | `security_content_ctime(a, b)`\n');
    const lines = outcome.stderr.trimEnd().split('\n');
    assert.equal(
      lines[0],
      `${spl}:2:3 error spl.macro.undefined Macro 'sysmn' is not defined; did you mean 'sysmon'?`,
    );
    assert.match(
      lines[1] ?? '',
      new RegExp(`^${spl}:2:13 error spl\\.macro\\.arity .*takes 1 argument`),
    );

    // In a detection, positions are those of the YAML file, and the filter macro is conventional.
    const yml = join(folder, 'my_detection.yml');
    writeFileSync(
      yml,
      "name: My detection\nsearch: 'index=main | `nope`\n  | `my_detection_filter`'\n",
    );
    const detection = expandCommand(yml, { macros: [sampleMacros] });
    assert.equal(detection.exitCode, 1);
    assert.equal(detection.stdout, 'index=main | `nope` | search *\n');
    assert.match(detection.stderr, new RegExp(`^${yml}:2:23 error spl\\.macro\\.undefined `));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
