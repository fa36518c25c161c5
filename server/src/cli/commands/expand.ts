import type { Command } from 'commander';
import { expandMacros, loadMacroFiles } from '../../core/macros';
import { detectionFilterMacroName } from '../../core/syntax/documents';
import type { Diagnostic } from '../../core/text/diagnostic';
import { cliMacroEvaluator, readInput } from '../io';
import { defaultMacroPaths } from '../macroPaths';
import { formatDiagnostic } from '../report';
import { splSourceOf } from '../splSource';

export interface ExpandCommandOptions {
  readonly macros?: string[];
  /** Leave out notes; diagnostics still print. */
  readonly quiet?: boolean;
}

export interface ExpandOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `spl expand`, without touching the process: what to print where, and the exit code. */
export function expandCommand(file: string, options: ExpandCommandOptions): ExpandOutcome {
  const source = splSourceOf(readInput(file));
  const macroPaths = options.macros ?? defaultMacroPaths(file);
  const loaded = loadMacroFiles(macroPaths);
  const lines: string[] = [];
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
  if (macroPaths.length === 0 && options.quiet !== true) {
    lines.push(
      `${source.path}: note: no macros/ folder or macros.conf found above the input; pass --macros to expand macros.`,
    );
  }
  for (const d of loaded.diagnostics) print(d.file, d);
  for (const d of source.diagnostics) print(source.path, d);
  // security_content generates each detection's filter macro at build time (`search *`).
  const implicitFilterMacros =
    source.detectionName !== undefined ? [detectionFilterMacroName(source.detectionName)] : [];
  const result = expandMacros(source.spl, loaded.index, {
    implicitFilterMacros,
    evaluateEval: cliMacroEvaluator(),
  });
  for (const d of result.diagnostics)
    print(source.path, { ...d, range: source.toFileRange(d.range) });
  // A YAML file without `search:` has nothing to print; its error says why.
  const nothingToExpand = source.spl === '' && errors > 0;
  let stdout = nothingToExpand ? '' : result.text;
  if (stdout !== '' && !stdout.endsWith('\n')) stdout += '\n';
  const stderr = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  return { stdout, stderr, exitCode: errors > 0 ? 1 : 0 };
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
    .action((file: string, options: ExpandCommandOptions, command: Command) => {
      const quiet = (command.optsWithGlobals() as { quiet?: boolean }).quiet === true;
      let outcome: ExpandOutcome;
      try {
        outcome = expandCommand(file, { ...options, quiet });
      } catch (error) {
        // Only reading the input throws; everything after it reports diagnostics.
        process.stderr.write(`spl expand: cannot read ${file}: ${(error as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      process.exitCode = outcome.exitCode;
    });
}
