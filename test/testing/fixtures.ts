import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const sampleMacros = join(repoRoot, 'sample-data/macros');
export const sampleEvents = join(repoRoot, 'sample-data/events/wermgr_ads_sysmon.log');
export const wermgrStem = 'windows_wermgr_alternate_data_stream_in_temp_dir';
export const wermgrYaml = join(repoRoot, `sample-data/detections/${wermgrStem}.yml`);
export const wermgrSearch = readFileSync(
  join(repoRoot, `sample-data/detections/${wermgrStem}.spl`),
  'utf8',
);

/** A fresh folder for detections written by a test. */
export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), 'spl-testing-'));
}

/** A detection YAML whose single test replays `data` entries (each a data value). */
export function detectionYaml(search: string, data: readonly string[]): string {
  const entries = data
    .map(
      (value) =>
        `      - data: ${value}\n` +
        '        source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\n' +
        '        sourcetype: XmlWinEventLog\n',
    )
    .join('');
  const block = search
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `name: Scratch Detection\nsearch: |-\n${block}\ntests:\n  - name: True Positive Test\n    attack_data:\n${entries}`;
}

/** Writes `<folder>/<stem>.yml` (and its expected results when given); returns the YAML's path. */
export function writeDetection(
  folder: string,
  stem: string,
  yaml: string,
  expected?: string,
): string {
  const path = join(folder, `${stem}.yml`);
  writeFileSync(path, yaml);
  if (expected !== undefined) writeFileSync(join(folder, `${stem}.expected.yml`), expected);
  return path;
}

/** The wermgr sample detection copied into `folder`, its data given as an absolute path. */
export function copyWermgr(folder: string, expected?: string): string {
  const text = readFileSync(wermgrYaml, 'utf8').replace(
    '../events/wermgr_ads_sysmon.log',
    sampleEvents,
  );
  const path = join(folder, `${wermgrStem}.yml`);
  writeFileSync(path, text);
  if (expected === undefined) {
    copyFileSync(
      join(repoRoot, `sample-data/detections/${wermgrStem}.expected.yaml`),
      join(folder, `${wermgrStem}.expected.yaml`),
    );
  } else writeFileSync(join(folder, `${wermgrStem}.expected.yml`), expected);
  return path;
}
