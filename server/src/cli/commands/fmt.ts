import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { findConfigFile, readConfig } from '../lint/config';
import { collectFiles, displayPath, formatSelection } from '../lint/files';
import { formatFile } from '../lint/fixes';
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
      'Format searches in place, one stage per line: .spl files whole, and the search: of detection YAML as a `search: |-` block (only when the YAML reads back as exactly the formatted search; other YAML is left alone). --check lists the files that would change.',
    )
    .argument(
      '[paths...]',
      '.spl files, detection .yml/.yaml files, folders (walked) or globs; default: the current folder',
    )
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
 * usage or file errors. A file that cannot be formatted safely (a syntax error, a YAML error, a
 * detection whose YAML would not read back as the formatted search) is named with the reason and
 * left as written; it does not fail --check. YAML without a `search:` is not counted.
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
  let considered = 0;
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
    const result = formatFile(file, text);
    if (result === undefined) continue;
    considered += 1;
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
    io.stdout.write(
      `${changed.length} of ${considered} file${considered === 1 ? '' : 's'} ${options.check ? 'would change' : 'changed'}.\n`,
    );
  }
  if (failed) return 2;
  return options.check && changed.length > 0 ? 1 : 0;
}
