import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetSpec } from '../core/engine/input';
import { readDetectionYaml } from '../core/syntax/documents';
import { findDatasetRoot, locateDataset } from '../core/testing';
import type {
  RunDataset,
  SampleDataCandidate,
  SampleDataOrigin,
  SampleDataResult,
} from '../protocol/runSearch';
import type { WorkspaceSettings } from './settings';

/** The events a run reads, and where each dataset came from (for the results panel). */
export interface SampleDataChoice {
  readonly datasets: readonly DatasetSpec[];
  readonly described: readonly RunDataset[];
}

export interface SampleDataSources {
  readonly settings: WorkspaceSettings;
  /** The workspace's default sample data (WorkspaceFields.samplePaths: the field index's). */
  readonly defaultPaths: () => readonly string[];
  /** `spl.datasetRoot`, absolute: where attack_data URLs of `tests:` lead. */
  readonly datasetRoot?: string;
}

/**
 * The sample data of a run, first found of: the request's paths, `spl.sampleDataPaths`, the
 * detection's own `tests:` datasets, the workspace default. Only paths inside the workspace are
 * read (event files are attacker-controlled input; settings and YAML must not widen that).
 */
export function chooseSampleData(
  uri: string,
  text: string,
  sources: SampleDataSources,
  requested?: readonly string[],
): SampleDataChoice {
  const { settings } = sources;
  const plain = (paths: readonly string[], origin: SampleDataOrigin): SampleDataChoice => ({
    datasets: paths.map((path) => ({ path })),
    described: paths.map((path) => ({ path, origin })),
  });
  if (requested && requested.length > 0) {
    return plain(settings.resolvePaths(requested), 'request');
  }
  const configured = settings.settings.sampleDataPaths;
  if (configured.length > 0) return plain(settings.resolvePaths(configured), 'setting');
  const tests = detectionDatasets(uri, text, sources).filter((d) => d.usable);
  if (tests.length > 0) {
    return {
      datasets: tests.map(({ spec }) => spec),
      described: tests.map(({ spec }) => ({
        path: spec.path,
        origin: 'detection-test' as const,
        ...(spec.sourcetype !== undefined ? { sourcetype: spec.sourcetype } : {}),
      })),
    };
  }
  return plain(
    sources.defaultPaths().filter((path) => settings.inWorkspace(path)),
    'workspace-default',
  );
}

/** `spl/sampleData`: what a run would read now, and the detection's own datasets. */
export function sampleDataOf(
  uri: string,
  text: string,
  sources: SampleDataSources,
): SampleDataResult {
  const choice = chooseSampleData(uri, text, sources);
  return {
    selected: choice.described.map(({ path, origin }) => ({ path, origin, usable: true })),
    detectionDatasets: detectionDatasets(uri, text, sources).map(
      ({ spec, usable }): SampleDataCandidate => ({
        path: spec.path,
        origin: 'detection-test',
        usable,
      }),
    ),
  };
}

interface TestDataset {
  readonly spec: DatasetSpec;
  readonly usable: boolean;
}

/**
 * The `tests:` datasets of a detection YAML: relative paths from the detection's folder, attack_data
 * URLs through `spl.datasetRoot` or the nearest local attack_data clone (core/testing's mapping, as
 * `spl test` does).
 */
function detectionDatasets(uri: string, text: string, sources: SampleDataSources): TestDataset[] {
  const { settings } = sources;
  if (!uri.startsWith('file:') || !/\.ya?ml$/i.test(uri)) return [];
  const folder = dirname(fileURLToPath(uri));
  const detection = readDetectionYaml(text);
  if (detection.tests.length === 0) return [];
  const root = sources.datasetRoot ?? findDatasetRoot(folder);
  return detection.tests.flatMap((test) =>
    test.datasets.map((dataset) => {
      const location = locateDataset(dataset.data, folder, root);
      const path = 'path' in location ? location.path : dataset.data;
      return {
        spec: {
          path,
          ...(dataset.source !== undefined ? { source: dataset.source } : {}),
          ...(dataset.sourcetype !== undefined ? { sourcetype: dataset.sourcetype } : {}),
        },
        usable: location.kind === 'found' && settings.inWorkspace(path),
      };
    }),
  );
}
