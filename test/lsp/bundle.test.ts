import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { fileUri, LspSession, repoRoot } from './lspSession';

// The other LSP tests run the TypeScript source; VS Code runs the esbuild bundle, where a
// dependency can break in ways the source never shows (an ESM package reading import.meta).
const bundle = resolve(repoRoot, 'dist/server.js');

test(
  'the bundled language server starts and publishes diagnostics',
  { skip: !existsSync(bundle) && 'run `npm run build` first' },
  async () => {
    const session = await LspSession.startBundled('sample-data');
    try {
      const uri = fileUri('sample-data/scratch.spl');
      await session.open(uri, 'spl', '| statz count');
      const published = await session.diagnostics(uri);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        ['spl.syntax.unknown-command'],
      );
      // Sysmon's event code names come from server/resources, found from dist/ when bundled.
      const values = fileUri('sample-data/values.spl');
      await session.open(values, 'spl', 'index=a EventCode=');
      const items = await session.completion(values, 0, 18);
      assert.equal(items.find((item) => item.label === '23')?.detail, 'Sysmon FileDelete');
    } finally {
      await session.stop();
    }
  },
);

test('the bundled CLI starts', () => {
  const result = spawnSync(process.execPath, [resolve(repoRoot, 'bin/spl.js'), '--version'], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/);
});
