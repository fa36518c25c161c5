import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { findConfigFile, readConfig } from '../lint/config';
import { collectFiles, displayPath, formatSelection } from '../lint/files';
import { formatSplFile } from '../lint/fixes';
import type { OutputStream } from '../terminal';

interface FmtOptions {
  readonly check?: boolean;
  readonly quiet?: boolean;
}

export interface FmtIo {
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description(
      'Format .spl files in place (one stage per line), or check that they are formatted. Detection YAML is left as written.',
    )
    .argument('[paths...]', '.spl files, folders (walked) or globs; default: the current folder')
    .option('--check', 'change nothing; list the files that would change and exit 1 if any would')
    .action((paths: string[], options: FmtOptions, command: Command) => {
      const quiet = (command.optsWithGlobals() as { quiet?: boolean }).quiet === true;
      process.exitCode = fmtCommand(
        paths,
        { ...options, quiet },
        {
          cwd: process.cwd(),
          stdout: process.stdout,
          stderr: process.stderr,
        },
      );
    });
}

/**
 * Exit 0 when every file is (now) formatted, 1 with --check when some file would change, 2 on
 * usage or file errors. A search with syntax errors is never reformatted; it is named with the
 * error, and counts as a failure of --check only if it is not formatted already.
 */
export function fmtCommand(paths: readonly string[], options: FmtOptions, io: FmtIo): number {
  const problems: string[] = [];
  const config = readConfig(findConfigFile(io.cwd), io.cwd);
  if ('errors' in config) problems.push(...config.errors);
  const ignore = 'config' in config ? config.config.ignore : [];
  const root = 'config' in config ? config.config.root : io.cwd;
  const collected = collectFiles(paths, formatSelection, io.cwd, ignore, root);
  problems.push(...collected.errors);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(`spl fmt: ${problem}\n`);
    return 2;
  }
  const changed: string[] = [];
  let failed = false;
  for (const file of collected.files) {
    const path = displayPath(file, io.cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr.write(`spl fmt: ${path}: cannot read: ${(error as Error).message}\n`);
      failed = true;
      continue;
    }
    const result = formatSplFile(text);
    if ('error' in result) {
      io.stderr.write(`${path}: not formatted: ${result.error}\n`);
      continue;
    }
    if (!result.changed) continue;
    changed.push(path);
    if (options.check) continue;
    try {
      writeFileSync(file, result.text);
    } catch (error) {
      io.stderr.write(`spl fmt: ${path}: cannot write: ${(error as Error).message}\n`);
      failed = true;
    }
  }
  if (!options.quiet || options.check) {
    for (const path of changed)
      io.stdout.write(`${options.check ? 'would reformat' : 'formatted'} ${path}\n`);
  }
  if (!options.quiet) {
    const files = collected.files.length;
    io.stdout.write(
      `${changed.length} of ${files} file${files === 1 ? '' : 's'} ${options.check ? 'would change' : 'changed'}.\n`,
    );
  }
  if (failed) return 2;
  return options.check && changed.length > 0 ? 1 : 0;
}
