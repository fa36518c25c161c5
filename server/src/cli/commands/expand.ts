import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { expandMacros, loadMacroFiles } from '../../core/macros';
import { detectionFilterMacroName, readDetectionYaml } from '../../core/syntax/documents';
import type { Diagnostic } from '../../core/text/diagnostic';
import { LineIndex } from '../../core/text/lineIndex';
import { cliMacroEvaluator, readInput } from '../io';
import { formatDiagnostic } from '../report';

/**
 * The macro files used when --macros is not given: walking up from the input's folder (the
 * current folder for standard input), the first folder that holds a `macros/` directory or a
 * `macros.conf` file supplies it.
 */
export function defaultMacroPaths(inputPath: string): string[] {
  let directory = resolve(inputPath === '-' ? '.' : dirname(inputPath));
  while (true) {
    const folder = join(directory, 'macros');
    if (existsSync(folder) && statSync(folder).isDirectory()) return [folder];
    const conf = join(directory, 'macros.conf');
    if (existsSync(conf)) return [conf];
    const parent = dirname(directory);
    if (parent === directory) return [];
    directory = parent;
  }
}

export interface ExpandCommandOptions {
  readonly macros?: string[];
}

export interface ExpandOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `spl expand`, without touching the process: what to print where, and the exit code. */
export function expandCommand(file: string, options: ExpandCommandOptions): ExpandOutcome {
  const input = readInput(file);
  const isDetection = /\.ya?ml$/i.test(input.path);
  const detection = isDetection ? readDetectionYaml(input.text) : undefined;
  const search = detection
    ? detection.search
    : { text: input.text, toFileOffset: (o: number) => o };
  const macroPaths = options.macros ?? defaultMacroPaths(file);
  const loaded = loadMacroFiles(macroPaths);
  const lines: string[] = [];
  let stdout = '';
  let errors = 0;
  const print = (path: string, d: Diagnostic): void => {
    if (d.severity === 'error') errors += 1;
    lines.push(formatDiagnostic(path, d));
    for (const related of d.related ?? []) {
      lines.push(
        `  ${related.uri ?? path}:${related.range.start.line + 1}:${related.range.start.column + 1} ${related.message}`,
      );
    }
  };
  if (macroPaths.length === 0) {
    lines.push(
      `${input.path}: note: no macros/ folder or macros.conf found above the input; pass --macros to expand macros.`,
    );
  }
  for (const d of loaded.diagnostics) print(d.file, d);
  for (const d of detection?.diagnostics ?? []) print(input.path, d);
  if (search) {
    // security_content generates each detection's filter macro at build time (`search *`).
    const implicitFilterMacros = isDetection
      ? [detectionFilterMacroName(basename(input.path))]
      : [];
    const result = expandMacros(search.text, loaded.index, {
      implicitFilterMacros,
      evaluateEval: cliMacroEvaluator(),
    });
    const fileLines = new LineIndex(input.text);
    for (const d of result.diagnostics) {
      const range = fileLines.range(
        search.toFileOffset(d.range.start.offset),
        search.toFileOffset(d.range.end.offset),
      );
      print(input.path, { ...d, range });
    }
    stdout = result.text.endsWith('\n') ? result.text : `${result.text}\n`;
  }
  const stderr = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  return { stdout, stderr, exitCode: errors > 0 || !search ? 1 : 0 };
}

export function registerExpand(program: Command): void {
  program
    .command('expand')
    .description(
      'Print a search with every macro expanded, as Splunk runs it (Ctrl/Cmd+Shift+E in Splunk Web).',
    )
    .argument('<file>', 'a .spl file, a detection .yml (its search:), or - for standard input')
    .option(
      '--macros <paths...>',
      'macros.conf files, macro .yml files or folders to walk; default: the nearest macros/ folder or macros.conf at or above the file',
    )
    .action((file: string, options: ExpandCommandOptions) => {
      const outcome = expandCommand(file, options);
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      process.exitCode = outcome.exitCode;
    });
}
