import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatasetSpec } from '../core/engine/input';
import { nearestLookupFolder } from '../core/engine/lookupFiles';
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
 * the input's folder (the current folder for standard input).
 */
export function defaultLookupPaths(inputPath: string): string[] {
  return nearestLookupFolder(inputPath === '-' ? '.' : dirname(inputPath));
}
