import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { version } from '../../../../package.json';
import { findConfigFile, readConfig, CONFIG_FILE_NAME } from '../lint/config';
import { collectFiles, lintSelection, repositoryRoot } from '../lint/files';
import type { LintRun } from '../lint/lintFiles';
import { lintFilesInParallel } from '../lint/parallel';
import { countSeverities, jsonReport, textReport } from '../lint/reports';
import { sarifReport } from '../lint/sarif';
import { colourEnabled, palette, progressBar, type OutputStream } from '../terminal';

interface LintOptions {
  readonly format: string;
  readonly maxWarnings?: string;
  readonly config?: string;
  readonly macros?: string[];
  readonly fix?: boolean;
  readonly timings?: boolean;
  readonly threads?: string;
  readonly quiet?: boolean;
}

export interface LintIo {
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: NodeJS.ProcessEnv;
  /** The script this process runs, started again in worker threads; undefined: one thread. */
  readonly entryScript?: string;
}

const FORMATS = ['text', 'json', 'sarif'];

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description(
      'Check .spl files, detection YAML, macro YAML and macros.conf with the rules the editor uses.',
    )
    .argument('[paths...]', 'files, folders (walked) or globs; default: the current folder')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option(
      '--config <file>',
      `the config file; default: the nearest ${CONFIG_FILE_NAME} at or above the current folder`,
    )
    .option(
      '--macros <paths...>',
      "macros.conf files, macro .yml files or folders (default: the config's macroPaths, else the nearest macros/ folder or macros.conf above each file)",
    )
    .option(
      '--fix',
      'apply the safe fixes (formatting of .spl files, a missing _filter call) and report them',
    )
    .option(
      '--threads <n>',
      'threads that share the files, at most 4 and one per core (default 1: measured on a busy 2-core machine, a second thread cost more than it saved)',
    )
    .option('--timings', 'print where the time went on standard error (also SPL_TIMINGS=1)')
    .action(async (paths: string[], options: LintOptions, command: Command) => {
      const quiet = (command.optsWithGlobals() as { quiet?: boolean }).quiet === true;
      process.exitCode = await lintCommand(
        paths,
        { ...options, quiet },
        {
          cwd: process.cwd(),
          stdout: process.stdout,
          stderr: process.stderr,
          env: process.env,
          entryScript: process.argv[1],
        },
      );
    });
}

/** Exit 0 clean, 1 errors or too many warnings, 2 usage, configuration or file errors. */
export async function lintCommand(
  paths: readonly string[],
  options: LintOptions,
  io: LintIo,
): Promise<number> {
  const started = performance.now();
  const fail = (messages: readonly string[]): number => {
    for (const message of messages) io.stderr.write(`spl lint: ${message}\n`);
    return 2;
  };
  if (!FORMATS.includes(options.format)) {
    return fail([`--format takes ${FORMATS.join(', ')}, not '${options.format}'.`]);
  }
  let maxWarnings = Infinity;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      return fail([
        `--max-warnings takes a whole number of 0 or more, not '${options.maxWarnings}'.`,
      ]);
  }
  let threads: number | undefined;
  if (options.threads !== undefined) {
    threads = Number(options.threads);
    if (!Number.isInteger(threads) || threads < 1)
      return fail([`--threads takes a whole number of 1 or more, not '${options.threads}'.`]);
  }
  const configFile = options.config ?? findConfigFile(io.cwd);
  const loaded = readConfig(configFile, io.cwd);
  if ('errors' in loaded) return fail(loaded.errors);
  const config =
    options.macros === undefined
      ? loaded.config
      : { ...loaded.config, macroPaths: options.macros.map((path) => resolve(io.cwd, path)) };
  const missingMacroPath = config.macroPaths.find((path) => !existsSync(path));
  if (missingMacroPath !== undefined)
    return fail([`${missingMacroPath}: no such macro file or folder.`]);
  const collected = collectFiles(paths, lintSelection, io.cwd, config.ignore, config.root);
  if (collected.errors.length > 0) return fail(collected.errors);
  const showProgress = !options.quiet && options.format === 'text';
  const run = await lintFilesInParallel(
    collected.files,
    config,
    {
      fix: options.fix === true,
      ...(showProgress ? { onProgress: progressBar(io.stderr, 'spl lint') } : {}),
    },
    { entryScript: io.entryScript, ...(threads !== undefined ? { threads } : {}) },
  );
  const outputStart = performance.now();
  if (options.format === 'json') io.stdout.write(jsonReport(run.reports, io.cwd));
  else if (options.format === 'sarif')
    io.stdout.write(sarifReport(run.reports, repositoryRoot(io.cwd), version));
  else {
    const colours = palette(colourEnabled(io.stdout, io.env));
    io.stdout.write(
      textReport(run.reports, { base: io.cwd, colours, quiet: options.quiet === true }),
    );
  }
  if (options.timings === true || io.env.SPL_TIMINGS === '1') {
    io.stderr.write(timingsReport(run, started, performance.now() - outputStart));
  }
  if (run.failures.length > 0) return fail(run.failures);
  const counts = countSeverities(run.reports);
  return counts.error > 0 || counts.warning > maxWarnings ? 1 : 0;
}

/**
 * Where the time went, in ms: start-up is the process's life before the command began (Node
 * itself plus loading the bundle). With several threads the stages are their times added up, so
 * only the wall total compares with start-up; with one, `other` is what no stage accounts for
 * (finding files and the config, reading YAML around the search, per-file overhead).
 */
function timingsReport(run: LintRun, started: number, outputMs: number): string {
  const t = run.timings;
  const total = performance.now();
  const cpu = process.cpuUsage();
  const stages: [string, number][] = [
    ['read', t.readMs],
    ['macros', t.macrosMs],
    ['parse', t.parseMs],
    ['rules', t.rulesMs],
    ['fix', t.fixMs],
    ['output', outputMs],
  ];
  const measured = stages.reduce((sum, [, ms]) => sum + ms, 0);
  const figures: [string, number][] = [
    ['startup', started],
    ...stages,
    ...(run.threads === 1 ? [['other', total - started - measured] as [string, number]] : []),
    ['total', total],
    // CPU time of the whole process: on a busy machine it moves far less than wall time.
    ['cpu', (cpu.user + cpu.system) / 1000],
  ];
  return `timings (ms, ${run.reports.length} files, ${run.threads} thread${run.threads === 1 ? '' : 's'}): ${figures.map(([name, ms]) => `${name}=${ms.toFixed(1)}`).join(' ')}\n`;
}
