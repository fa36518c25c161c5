import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
