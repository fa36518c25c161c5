import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** Which files a command reads when it walks a folder or expands a glob. */
export interface FileSelection {
  /** Globs relative to a walked folder, e.g. `**\/*.spl`. */
  readonly patterns: readonly string[];
  /** Whether a file named on the command line belongs to the selection. */
  accepts(path: string): boolean;
  /** What the selection reads, for the error about a file outside it. */
  readonly description: string;
}

export const lintSelection: FileSelection = {
  patterns: ['**/*.{spl,splunk,yml,yaml}', '**/macros.conf'],
  accepts: (path) => /\.(spl|splunk|ya?ml)$/i.test(path) || /(^|[\\/])macros\.conf$/.test(path),
  description: '.spl, .yml/.yaml and macros.conf files',
};

/** Every YAML file is taken; `spl fmt` then leaves alone those without a detection search. */
export const formatSelection: FileSelection = {
  patterns: ['**/*.{spl,splunk,yml,yaml}'],
  accepts: (path) => /\.(spl|splunk|ya?ml)$/i.test(path),
  description: '.spl and detection .yml/.yaml files',
};

const SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface CollectedFiles {
  /** Absolute paths, sorted, without duplicates or ignored files. */
  readonly files: string[];
  /** Bad arguments: paths that do not exist, globs that match nothing, files of another kind. */
  readonly errors: string[];
}

/**
 * The files that the command-line arguments name: files as given, folders walked, globs expanded
 * (relative to `cwd`). `ignore` globs are relative to `root`, and an ignored folder ignores
 * everything under it.
 */
export function collectFiles(
  args: readonly string[],
  selection: FileSelection,
  cwd: string,
  ignore: readonly string[],
  root: string,
): CollectedFiles {
  const found = new Set<string>();
  const errors: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    const path = resolve(cwd, arg);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        for (const file of globSync([...selection.patterns], {
          cwd: path,
          absolute: true,
          ignore: SKIPPED,
        }))
          found.add(resolve(file));
      } else if (selection.accepts(path)) found.add(path);
      else errors.push(`${arg}: not one of the ${selection.description} this command reads.`);
    } else if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, ignore: SKIPPED }).filter((file) =>
        selection.accepts(file),
      );
      if (matches.length === 0) errors.push(`${arg}: no ${selection.description} match this glob.`);
      for (const file of matches) found.add(resolve(file));
    } else {
      errors.push(`${arg}: no such file or folder.`);
    }
  }
  const ignored = ignoredPaths(ignore, root);
  const files = [...found].filter((file) => !isIgnored(file, ignored)).sort();
  return { files, errors };
}

function ignoredPaths(ignore: readonly string[], root: string): Set<string> {
  if (ignore.length === 0) return new Set();
  return new Set(
    globSync([...ignore], { cwd: root, absolute: true, dot: true, onlyFiles: false }).map((p) =>
      resolve(p),
    ),
  );
}

function isIgnored(file: string, ignored: ReadonlySet<string>): boolean {
  if (ignored.size === 0) return false;
  for (let path = file; ; path = dirname(path)) {
    if (ignored.has(path)) return true;
    if (dirname(path) === path) return false;
  }
}

/** The repository root: the nearest folder at or above `from` with a `.git`, else `from`. */
export function repositoryRoot(from: string): string {
  for (let directory = resolve(from); ; directory = dirname(directory)) {
    if (existsSync(join(directory, '.git'))) return directory;
    if (dirname(directory) === directory) return resolve(from);
  }
}

/** A path as reports print it: relative to `base` when inside it, with `/` separators. */
export function displayPath(file: string, base: string): string {
  const path = relative(base, file);
  if (path === '' || path.startsWith('..')) return file.split(sep).join('/');
  return path.split(sep).join('/');
}
