// Runs test/electron/suite.ts inside a real VS Code desktop (Electron) that @vscode/test-electron
// downloads, for machines with internet access; `npm run test:electron`. Here, where nothing can
// be downloaded, test/vscode runs the same checks in code-server instead.
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { problemsFile, problemsText } from '../vscode/fixtures';

const repoRoot = resolve(import.meta.dirname, '../..');

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'spl-electron-'));
  // VS Code's extension host loads plain JavaScript: bundle the suite, leaving `vscode` to it.
  const suite = join(root, 'suite.js');
  try {
    await build({
      entryPoints: [resolve(import.meta.dirname, 'suite.ts')],
      outfile: suite,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'warning',
    });
    const workspace = join(root, 'workspace');
    cpSync(resolve(repoRoot, 'sample-data'), workspace, { recursive: true });
    writeFileSync(join(workspace, problemsFile), problemsText);
    await runTests({
      // The downloaded VS Code is kept between runs in a git-ignored folder.
      cachePath: resolve(repoRoot, '.test-output/vscode-test'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        join(root, 'user-data'),
      ],
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
