import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * security_content names its test data by URL into the splunk/attack_data repository (served by
 * media.githubusercontent.com or raw.githubusercontent.com); a local clone keeps the same paths
 * under its `datasets/` folder.
 */
const attackDataUrl =
  /^https?:\/\/(?:media|raw)\.githubusercontent\.com\/(?:media\/)?splunk\/attack_data\/[^/]+\/datasets\/(.+)$/i;

export type DatasetLocation =
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'no-root'; readonly relative: string }
  | { readonly kind: 'unmapped' };

/**
 * Where the events of one `data:` value live on this machine. URLs into attack_data map to
 * `<datasetRoot>/datasets/<rest>`; other values are paths, relative to the detection's folder.
 */
export function locateDataset(
  data: string,
  detectionFolder: string,
  datasetRoot: string | undefined,
): DatasetLocation {
  const match = attackDataUrl.exec(data);
  if (match) {
    const relative = decodeURIComponent(match[1] ?? '');
    if (datasetRoot === undefined) return { kind: 'no-root', relative };
    return existing(join(datasetRoot, 'datasets', relative));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(data)) return { kind: 'unmapped' };
  return existing(isAbsolute(data) ? data : resolve(detectionFolder, data));
}

function existing(path: string): DatasetLocation {
  return existsSync(path) ? { kind: 'found', path } : { kind: 'missing', path };
}

/**
 * The dataset root used when none is given: the nearest `attack_data` folder with a `datasets/`
 * inside, beside the detection's folder or any folder above it (security_content and attack_data
 * cloned side by side).
 */
export function findDatasetRoot(detectionFolder: string): string | undefined {
  let directory = resolve(detectionFolder);
  while (true) {
    const candidate = join(directory, 'attack_data');
    const datasets = join(candidate, 'datasets');
    if (existsSync(datasets) && statSync(datasets).isDirectory()) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
