/**
 * `spl lint` over the whole security_content corpus (1,711 detections, 189 macros and the other
 * YAML beside them), cold: a fresh process each run, as pre-commit and CI start it. Baselines in
 * the same run: `node -e ''` (Node's own start-up) and a process that only lists and reads the
 * same files. The CLI's --timings line says how its own time splits.
 * Run: node --import tsx bench/lint.ts [runs]   (builds dist/ first)
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const repoRoot = resolve(import.meta.dirname, '..');
const corpus = join(repoRoot, '../shared/corpus/security_content');
const runs = Number(process.argv[2] ?? 5);

function wall(args: readonly string[]): { ms: number; stderr: string; status: number | null } {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { ms: performance.now() - start, stderr: run.stderr, status: run.status };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const readOnly = `const { globSync } = require('tinyglobby'); const fs = require('node:fs');
for (const f of globSync(['**/*.{spl,yml,yaml}', '**/macros.conf'], { cwd: ${JSON.stringify(corpus)}, absolute: true })) fs.readFileSync(f, 'utf8');`;
const lintArgs = [
  'bin/spl.js',
  'lint',
  corpus,
  '--format',
  'json',
  '--timings',
  '--macros',
  join(corpus, 'macros'),
  join(repoRoot, 'sample-data/macros/cim'),
];

const node: number[] = [];
const read: number[] = [];
const lint: number[] = [];
const splits = new Map<string, number[]>();
for (let i = 0; i < runs; i++) {
  node.push(wall(['-e', '']).ms);
  read.push(wall(['-e', readOnly]).ms);
  const run = wall(lintArgs);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`spl lint exited ${run.status}: ${run.stderr}`);
  lint.push(run.ms);
  for (const [, name, ms] of run.stderr.matchAll(/(\w+)=([\d.]+)/g)) {
    splits.set(name as string, [...(splits.get(name as string) ?? []), Number(ms)]);
  }
}

const lintMs = median(lint);
console.log(
  `spl lint over the corpus, cold, median of ${runs} runs: ${lintMs.toFixed(0)} ms wall (goal < 3000 ms)`,
);
console.log(
  `  = ${(lintMs / median(node)).toFixed(1)}x node -e '' (${median(node).toFixed(0)} ms)`,
);
console.log(
  `  = ${(lintMs / median(read)).toFixed(1)}x listing and reading the files alone (${median(read).toFixed(0)} ms)`,
);
const total = median(splits.get('total') ?? []);
console.log(
  `  CPU time of the lint process (user + system): ${median(splits.get('cpu') ?? []).toFixed(0)} ms; its wall total ${total.toFixed(0)} ms`,
);
console.log('  inside the process (median ms, share of its total):');
for (const [name, values] of splits) {
  if (name === 'total' || name === 'cpu') continue;
  const ms = median(values);
  console.log(
    `    ${name.padEnd(8)} ${ms.toFixed(0).padStart(6)}  ${((ms / total) * 100).toFixed(0).padStart(3)}%`,
  );
}
