/**
 * The corpus detections whose `tests:` datasets are in ../shared/data/attack_data, each run on its
 * datasets as Security Content's unit test does: it passes when the search returns at least one
 * result. Macros come from the corpus (plus the CIM macros in sample-data), filter macros are
 * `search *`, and each dataset keeps the source and sourcetype its test entry gives.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runSearch } from '../../server/src/core/engine/run';
import { loadMacroFiles } from '../../server/src/core/macros';
import {
  detectionFilterMacroName,
  readDetectionYaml,
} from '../../server/src/core/syntax/documents';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/security_content');
const DATASETS = resolve(ROOT, '../shared/data/attack_data/datasets');
const URL_PREFIX = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/';
/** The detections found this way when the test was written; fewer means the lookup broke. */
const EXPECTED_AT_LEAST = 11;
/**
 * Detections whose dataset cannot give a result, in Splunk as here, and why. Each must still run
 * without errors and return nothing, so a change in that is noticed.
 */
const EMPTY_BY_DATA: Record<string, string> = {
  detect_certipy_file_modifications:
    'the dataset has no process creation (EventCode 1) for the two certipy.exe processes that ' +
    'wrote the files (ProcessGuid {78198d03-3b4d-...} and {78198d03-3bcf-...}), so the join on ' +
    'dest and process_guid matches nothing',
};

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

interface LocalDetection {
  readonly file: string;
  readonly search: string;
  readonly datasets: { path: string; source?: string; sourcetype?: string }[];
}

function localDetections(): LocalDetection[] {
  return yamlFiles(join(CORPUS, 'detections')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    // Reading the YAML of all 1,711 files costs seconds: only those naming a local dataset count.
    const urls = text.match(/https:\/\/media\.githubusercontent\.com\/[^\s'"]+/g) ?? [];
    if (
      !urls.some(
        (url) =>
          url.startsWith(URL_PREFIX) && existsSync(join(DATASETS, url.slice(URL_PREFIX.length))),
      )
    )
      return [];
    const detection = readDetectionYaml(text);
    const datasets = detection.tests
      .flatMap((test) => test.datasets)
      .filter((d) => d.data.startsWith(URL_PREFIX))
      .map((d) => ({
        path: join(DATASETS, d.data.slice(URL_PREFIX.length)),
        ...(d.source !== undefined && { source: d.source }),
        ...(d.sourcetype !== undefined && { sourcetype: d.sourcetype }),
      }))
      .filter((d) => existsSync(d.path));
    return detection.search && datasets.length > 0
      ? [{ file, search: detection.search.text, datasets }]
      : [];
  });
}

describe(
  'corpus detections over their attack_data datasets',
  { skip: !existsSync(DATASETS) },
  () => {
    const detections = localDetections();
    const { index } = loadMacroFiles([
      join(CORPUS, 'macros'),
      join(ROOT, 'sample-data/macros/cim'),
    ]);

    it(`finds at least ${EXPECTED_AT_LEAST} detections with local datasets`, () => {
      assert.ok(detections.length >= EXPECTED_AT_LEAST, `found ${detections.length}`);
    });

    for (const detection of detections) {
      const name = basename(detection.file, '.yml');
      const emptyBecause = EMPTY_BY_DATA[name];
      const title = emptyBecause
        ? `${name} returns nothing: ${emptyBecause}`
        : `${name} returns at least one result`;
      it(title, async () => {
        const result = await runSearch({
          text: detection.search,
          macroIndex: index,
          implicitFilterMacros: [detectionFilterMacroName(basename(detection.file))],
          datasets: detection.datasets,
          lookupPaths: [join(CORPUS, 'lookups')],
        });
        const errors = result.messages.filter((m) => m.severity === 'error');
        console.log(`${String(result.results.length).padStart(5)}  ${name}`);
        assert.deepEqual(errors, []);
        if (emptyBecause) {
          assert.equal(result.results.length, 0);
          return;
        }
        assert.ok(
          result.results.length > 0,
          JSON.stringify(result.stages.map((s) => [s.command, s.in, s.out])),
        );
      });
    }
  },
);
