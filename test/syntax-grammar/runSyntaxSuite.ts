/**
 * Runs the hand-written parser's own test suite (test/syntax/*.test.ts) against the Chevrotain
 * parser: copies the suite to a temporary folder with `parseSpl`, `parseEvalExpression` and
 * `parseSearchExpression` bound to the Chevrotain functions, then runs node's test runner on it.
 * Usage: node --import tsx test/syntax-grammar/runSyntaxSuite.ts [test name filter]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../..');
const suiteDir = join(repoRoot, 'test/syntax');
const syntaxIndex = join(repoRoot, 'server/src/core/syntax/index');
const grammarIndex = join(repoRoot, 'server/src/core/syntax/grammar/index');

const shim = `export * from '${syntaxIndex}';
export {
  parseSplWithChevrotain as parseSpl,
  parseEvalExpressionWithChevrotain as parseEvalExpression,
  parseSearchExpressionWithChevrotain as parseSearchExpression,
} from '${grammarIndex}';
`;

function rewrite(source: string): string {
  return source
    .replaceAll("'../../server/src/core/syntax/index'", "'./chevrotainShim'")
    .replaceAll("'../../", `'${repoRoot}/`)
    .replaceAll("resolve(__dirname, '../..')", JSON.stringify(repoRoot));
}

// Inside node_modules/.cache: packages resolve from there, and no test glob picks the copy up.
mkdirSync(join(repoRoot, 'node_modules/.cache'), { recursive: true });
const workDir = mkdtempSync(join(repoRoot, 'node_modules/.cache/syntax-suite-'));
try {
  writeFileSync(join(workDir, 'chevrotainShim.ts'), shim);
  const files = readdirSync(suiteDir).filter((file) => file.endsWith('.ts'));
  for (const file of files)
    writeFileSync(join(workDir, file), rewrite(readFileSync(join(suiteDir, file), 'utf8')));
  const tests = files
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(workDir, file));
  const filter = process.argv[2] ? ['--test-name-pattern', process.argv[2]] : [];
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...filter, ...tests], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
