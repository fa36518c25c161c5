import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sysmonEventXml, sysmonUtcTime } from '../../../bench/generate-events';
import {
  createInputReport,
  readEvents,
  type DatasetSpec,
  type InputReport,
  type ReadOptions,
} from '../../../server/src/core/engine/input';
import type { Row } from '../../../server/src/core/engine/value';

export const repoRoot = resolve(__dirname, '../../..');
export const sampleEvents = join(repoRoot, 'sample-data/events/wermgr_ads_sysmon.log');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'spl-input-'));
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A one-line Sysmon event whose Image names it, so tests can tell events apart. */
export function sysmonLine(n: number, image = `C:\\Tools\\tool${n}.exe`): string {
  const time = Date.UTC(2026, 10, 20, 12, 0, n % 60, 250);
  return sysmonEventXml({
    eventId: 1,
    version: 5,
    time,
    recordId: 1000 + n,
    computer: `HOST-${n % 3}`,
    data: [
      ['RuleName', '-'],
      ['UtcTime', sysmonUtcTime(time)],
      ['ProcessId', String(100 + n)],
      ['Image', image],
    ],
  });
}

export async function readAll(
  spec: DatasetSpec,
  options: ReadOptions = {},
): Promise<{ rows: Row[]; report: InputReport }> {
  const report = createInputReport();
  const rows: Row[] = [];
  for await (const row of readEvents(spec, options, report)) rows.push(row);
  return { rows, report };
}
