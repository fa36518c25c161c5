import type { Command } from 'commander';
import { lintSpl } from '../../core/analysis';
import { loadMacroFiles } from '../../core/macros';
import { outline, parseSpl } from '../../core/syntax';
import type { Diagnostic } from '../../core/text/diagnostic';
import { cliMacroEvaluator, readInput } from '../io';
import { formatDiagnostic } from '../report';
import { splSourceOf } from '../splSource';
import { defaultMacroPaths } from '../macroPaths';

interface ParseCommandOptions {
  readonly macros?: string[];
  readonly outline: boolean;
}

/**
 * `spl parse`: the stages of a search and every syntax and macro diagnostic, in the file's own
 * coordinates. Exit 1 when any diagnostic is an error.
 */
function parseCommand(file: string, options: ParseCommandOptions): number {
  const source = splSourceOf(readInput(file));
  const parsed = parseSpl(source.spl);
  const macros = loadMacroFiles(options.macros ?? defaultMacroPaths(file));
  const lint = lintSpl(source.spl, {
    index: macros.index,
    evaluateEval: cliMacroEvaluator(),
    ...(source.detectionName !== undefined ? { detectionFileName: source.detectionName } : {}),
  });
  if (options.outline) {
    const text = outline(parsed, source.spl);
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  const inFile = (d: Diagnostic): Diagnostic => ({ ...d, range: source.toFileRange(d.range) });
  const reported = [
    ...macros.diagnostics.map((d) => ({ file: d.file, diagnostic: d as Diagnostic })),
    ...source.diagnostics.map((d) => ({ file: source.path, diagnostic: d })),
    ...[...parsed.diagnostics, ...lint]
      .map(inFile)
      .sort((a, b) => a.range.start.offset - b.range.start.offset)
      .map((d) => ({ file: source.path, diagnostic: d })),
  ];
  for (const { file: path, diagnostic } of reported) {
    process.stdout.write(`${formatDiagnostic(path, diagnostic)}\n`);
  }
  const errors = reported.filter(({ diagnostic }) => diagnostic.severity === 'error').length;
  process.stdout.write(
    `${reported.length === 0 ? 'no problems' : `${errors} error(s), ${reported.length - errors} other diagnostic(s)`}\n`,
  );
  return errors > 0 ? 1 : 0;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('Print the stages of a search and its syntax and macro diagnostics.')
    .argument('<file>', 'a .spl file, a detection .yml (its search:), or - for standard input')
    .option('--macros <paths...>', 'macro files or folders; default: the nearest macros/ folder')
    .option('--no-outline', 'print only the diagnostics')
    .action((file: string, options: ParseCommandOptions) => {
      process.exitCode = parseCommand(file, options);
    });
}
