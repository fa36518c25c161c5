import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * What the packaged extension must hold: what VS Code loads (dist/webview for the results panel),
 * and every file of server/resources, which the bundled server finds beside dist/
 * (server/src/core/engine/fields/resources.ts).
 */
export function expectedVsixFiles(): string[] {
  const resources = globSync('server/resources/**', { cwd: repoRoot, onlyFiles: true });
  return [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    'extension/dist/client.js',
    'extension/dist/server.js',
    'extension/dist/webview/results.css',
    'extension/dist/webview/results.js',
    'extension/language-configuration.json',
    'extension/package.json',
    'extension/readme.md',
    'extension/syntaxes/spl-markdown.injection.tmLanguage.json',
    'extension/syntaxes/spl-yaml.injection.tmLanguage.json',
    'extension/syntaxes/spl.tmLanguage.json',
    ...resources.map((path) => `extension/${path}`),
  ].sort();
}

/**
 * Packages the extension from the current dist/ with vsce, as `npm run package` does, into
 * `outFile`, and returns vsce's output (its warnings included).
 */
export function packageVsix(outFile: string): string {
  for (const bundle of ['dist/client.js', 'dist/server.js', 'dist/webview/results.js']) {
    if (!existsSync(resolve(repoRoot, bundle))) {
      throw new Error(`${bundle} is missing: run \`npm run build\` before packaging`);
    }
  }
  mkdirSync(dirname(outFile), { recursive: true });
  const result = spawnSync(
    resolve(repoRoot, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--out', outFile],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`vsce package failed:\n${output}`);
  return output;
}

/** The paths inside a .vsix (a zip), read from the zip's central directory. */
export function listVsix(file: string): string[] {
  const zip = readFileSync(file);
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const nameLength = zip.readUInt16LE(entry + 28);
    const skip = nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
    names.push(zip.toString('utf8', entry + 46, entry + 46 + nameLength));
    entry += 46 + skip;
  }
  return names.sort();
}
