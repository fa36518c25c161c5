// Runs a benchmark the way the product ships: bundled by esbuild (dist/ is), not through tsx,
// whose per-function helpers distort the figures of code that creates many closures.
//   node bench/bundled.mjs <name> [args...]     (bench/<name>.ts)
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node bench/bundled.mjs <name> [args...]');
  process.exit(2);
}
const outfile = `bench/.generated/${name}.js`;
await build({
  entryPoints: [`bench/${name}.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
