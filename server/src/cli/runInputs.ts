import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatasetSpec } from '../core/engine/input';
import type { DetectionTest } from '../core/syntax/documents';

/** A detection's test datasets whose data files exist, relative to the detection file. */
export function testDatasets(
  detectionPath: string,
  tests: readonly DetectionTest[],
): DatasetSpec[] {
  const specs: DatasetSpec[] = [];
  for (const test of tests) {
    for (const dataset of test.datasets) {
      const path = resolve(dirname(detectionPath), dataset.data);
      if (!existsSync(path)) continue;
      specs.push({
        path,
        ...(dataset.source !== undefined ? { source: dataset.source } : {}),
        ...(dataset.sourcetype !== undefined ? { sourcetype: dataset.sourcetype } : {}),
      });
    }
  }
  return specs;
}

/**
 * The lookup folder used when --lookups is not given: the nearest `lookups/` folder at or above
 * the input's folder (the current folder for standard input), as security_content lays it out.
 */
export function defaultLookupPaths(inputPath: string): string[] {
  let directory = resolve(inputPath === '-' ? '.' : dirname(inputPath));
  while (true) {
    const folder = join(directory, 'lookups');
    if (existsSync(folder) && statSync(folder).isDirectory()) return [folder];
    const parent = dirname(directory);
    if (parent === directory) return [];
    directory = parent;
  }
}
