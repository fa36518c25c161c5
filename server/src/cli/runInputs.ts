import { dirname, resolve } from 'node:path';
import type { DatasetSpec } from '../core/engine/input';
import { nearestLookupFolder } from '../core/engine/lookupFiles';
import { findDatasetRoot, locateDataset } from '../core/testing';
import type { DetectionTest } from '../core/syntax/documents';

/**
 * A detection's test datasets whose data files exist on this machine: relative paths start at the
 * detection's folder, attack_data URLs map into the dataset root (as `spl test` maps them).
 */
export function testDatasets(
  detectionPath: string,
  tests: readonly DetectionTest[],
  datasetRoot?: string,
): DatasetSpec[] {
  const folder = dirname(resolve(detectionPath));
  const root = datasetRoot ?? findDatasetRoot(folder);
  const specs: DatasetSpec[] = [];
  for (const test of tests) {
    for (const dataset of test.datasets) {
      const location = locateDataset(dataset.data, folder, root);
      if (location.kind !== 'found') continue;
      specs.push({
        path: location.path,
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
