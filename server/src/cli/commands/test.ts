import type { Command } from 'commander';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadMacroFiles, type MacroIndex } from '../../core/macros';
import {
  isExpectationsPath,
  mayHoldDetectionTests,
  reasonLine,
  runDetectionTests,
  toJunitXml,
  type DetectionTestReport,
} from '../../core/testing';
import { collectFiles, displayPath, type FileSelection } from '../lint/files';
import { defaultMacroPaths } from '../macroPaths';
import { defaultLookupPaths } from '../runInputs';

interface TestOptions {
  readonly datasetRoot?: string;
  readonly junit?: string;
  readonly macros?: string[];
  readonly lookups?: string[];
  readonly timeout?: string;
}

const detectionSelection: FileSelection = {
  patterns: ['**/*.{yml,yaml}'],
  accepts: (path) => /\.ya?ml$/i.test(path) && !isExpectationsPath(path),
  description: 'detection .yml/.yaml files',
};

export function registerTest(program: Command): void {
  program
    .command('test')
    .description(
      "Run detections' tests locally on their datasets: pass when the search returns a result, or meets <name>.expected.yml.",
    )
    .argument(
      '[paths...]',
      'detection files, folders (walked) or globs; default: the current folder',
    )
    .option(
      '--dataset-root <dir>',
      'an attack_data clone: test data URLs map to <dir>/datasets/... (default: the nearest attack_data/ folder at or above each detection)',
    )
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option(
      '--macros <paths...>',
      'macros.conf, macro .yml files or folders (default: the nearest macros/ folder)',
    )
    .option(
      '--lookups <paths...>',
      'CSV lookup files or folders (default: the nearest lookups/ folder)',
    )
    .option('--timeout <seconds>', 'wall time of each test run (default 300)')
    .action(async (paths: string[], options: TestOptions) => {
      process.exitCode = await testCommand(paths, options);
    });
}

function usageError(message: string): number {
  process.stderr.write(`spl test: ${message}\n`);
  return 2;
}

/** Exit 0 when every test passed or was skipped, 1 when one failed, 2 on usage errors. */
async function testCommand(paths: readonly string[], options: TestOptions): Promise<number> {
  const cwd = process.cwd();
  const timeout = options.timeout === undefined ? undefined : Number(options.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    return usageError(`--timeout takes a positive number of seconds, not '${options.timeout}'.`);
  }
  const datasetRoot = options.datasetRoot === undefined ? undefined : resolve(options.datasetRoot);
  if (
    datasetRoot !== undefined &&
    !(existsSync(datasetRoot) && statSync(datasetRoot).isDirectory())
  ) {
    return usageError(`--dataset-root ${options.datasetRoot} is not a folder.`);
  }
  const collected = collectFiles(paths, detectionSelection, cwd, [], cwd);
  if (collected.errors.length > 0) return usageError(collected.errors.join('\n'));
  const detections = collected.files.flatMap((path) => {
    const text = readSmall(path);
    return text !== undefined && mayHoldDetectionTests(text) ? [{ path, text }] : [];
  });
  if (detections.length === 0) {
    return usageError(
      `no detection with \`tests:\` in ${paths.length > 0 ? paths.join(', ') : '.'}.`,
    );
  }

  const show = (path: string) => displayPath(path, cwd);
  const macroIndexes = new Map<string, MacroIndex>();
  const reports: DetectionTestReport[] = [];
  for (const { path, text } of detections) {
    const macroPaths = options.macros ?? defaultMacroPaths(path);
    const key = macroPaths.join('\0');
    const macroIndex = macroIndexes.get(key) ?? loadMacroFiles(macroPaths).index;
    macroIndexes.set(key, macroIndex);
    const report = await runDetectionTests(path, text, {
      macroIndex,
      lookupPaths: options.lookups ?? defaultLookupPaths(path),
      ...(datasetRoot === undefined ? {} : { datasetRoot }),
      ...(timeout === undefined ? {} : { limits: { timeLimitMs: timeout * 1000 } }),
    });
    reports.push(report);
    process.stdout.write(formatReport(report, show));
  }
  const outcomes = reports.flatMap((report) => report.outcomes);
  const count = (status: string) => outcomes.filter((o) => o.status === status).length;
  process.stdout.write(
    `\n${outcomes.length} tests: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped\n`,
  );
  if (options.junit !== undefined) {
    try {
      writeFileSync(options.junit, toJunitXml(reports, show));
    } catch (error) {
      return usageError(`cannot write ${options.junit}: ${(error as Error).message}`);
    }
  }
  return count('fail') > 0 ? 1 : 0;
}

const labels = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

function formatReport(report: DetectionTestReport, show: (path: string) => string): string {
  return report.outcomes
    .map((outcome) => {
      const detail =
        outcome.status === 'skip'
          ? ''
          : ` (${outcome.resultCount} result${outcome.resultCount === 1 ? '' : 's'}, ${outcome.ms} ms)`;
      const reasons = outcome.reasons.map((reason) => `      ${reasonLine(reason, show)}\n`);
      // Where the events went, stage by stage: the count that falls to 0 is where to look.
      const stages =
        outcome.status === 'fail' && outcome.stages.length > 0
          ? `      events per stage: ${outcome.stages.map((s) => `${s.command} ${s.in}→${s.out}`).join(', ')}\n`
          : '';
      return `${labels[outcome.status]}  ${show(report.path)}: ${report.name} › ${outcome.name}${detail}\n${reasons.join('')}${stages}`;
    })
    .join('');
}

/** Detections are a few kilobytes; a huge YAML is not one, and is left out unread. */
function readSmall(path: string): string | undefined {
  try {
    return statSync(path).size > 2_000_000 ? undefined : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
