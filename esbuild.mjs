// Bundles the VS Code client, the language server and the CLI (VS Code's recommended practice);
// tsc only type-checks.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // Some dependencies are ESM that read import.meta.url (tinyglobby's fdir); a CJS bundle has no
  // import.meta, so give it the bundle file's own URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', external: [] },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js', external: [] },
];

await Promise.all(
  entries.map((e) =>
    build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external }),
  ),
);

// The results webview runs in a browser under a strict CSP: one script (IIFE) and one stylesheet,
// served from dist/webview, the panel's only local resource root.
const webviewBuild = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: common.minify,
  logLevel: 'warning',
};
await Promise.all(
  [
    ['client/webview/main.ts', 'dist/webview/results.js'],
    ['client/webview/results.css', 'dist/webview/results.css'],
  ].map(([entry, outfile]) => build({ ...webviewBuild, entryPoints: [entry], outfile })),
);
