import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectedVsixFiles, listVsix, packageVsix } from './vsix';

test('vsce packages the extension with no warnings, holding what it needs and nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spl-vsix-'));
  try {
    const vsix = join(dir, 'spl-toolkit.vsix');
    const output = packageVsix(vsix);
    assert.doesNotMatch(output, /WARNING/i, output);
    assert.deepEqual(listVsix(vsix), expectedVsixFiles());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
