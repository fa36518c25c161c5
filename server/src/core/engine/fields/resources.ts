import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKER = join('sysmon', 'props.conf');

/**
 * Finds server/resources by walking up from this module's directory. That works both from the
 * sources run by tsx (server/src/core/engine/fields/) and from the esbuild bundle (dist/cli.js),
 * whose __dirname is dist/ beside server/.
 */
export function findResourcesDir(startDir: string = __dirname): string | undefined {
  for (let dir = startDir; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'server', 'resources'), join(dir, 'resources')]) {
      if (existsSync(join(candidate, MARKER))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The built-in props.conf and transforms.conf, in the order they are layered. */
export function builtinConfFiles(resourcesDir: string): string[] {
  return [
    join(resourcesDir, 'sysmon', 'props.conf'),
    join(resourcesDir, 'sysmon', 'transforms.conf'),
  ];
}
