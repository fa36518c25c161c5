import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { decodeXmlWinEvent } from '../../../server/src/core/engine/input';
import { loadFieldConfig } from '../../../server/src/core/engine/fields';
import { readAll, repoRoot } from './helpers';

const sharedData = join(repoRoot, '../shared/data');

function sharedFiles(): string[] {
  const attack = readdirSync(join(sharedData, 'attack_data'), {
    recursive: true,
    withFileTypes: true,
  })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const evtx = readdirSync(join(sharedData, 'evtx'))
    .filter((name) => name.endsWith('.log'))
    .map((name) => join(sharedData, 'evtx', name));
  return [...attack, ...evtx].sort();
}

/** Fields the built-in configuration computes or the reader sets, i.e. not read from the XML. */
const NOT_FROM_XML = new Set([
  '_raw',
  '_time',
  'host',
  'source',
  'sourcetype',
  'index',
  'linecount',
  'dest',
  'dvc',
  'file_hash',
  'file_name',
  'file_path',
  'process_exec',
  'process_guid',
  'process_id',
  'process_name',
  'process_path',
  'signature',
  'signature_id',
  'user_id',
  'vendor_product',
]);

describe('every event of ../shared/data', () => {
  const files = sharedFiles();
  const { extractor } = loadFieldConfig({ builtin: true });

  it('finds the shared data', () => assert.ok(files.length >= 38, `${files.length} files`));

  for (const file of files) {
    const name = relative(sharedData, file);
    it(`${name}: as many events as lines holding <Event, and regex fields == XML parser`, async () => {
      const expectedEvents = readFileSync(file, 'latin1')
        .split('\n')
        .filter((line) => line.includes('<Event')).length;
      const { rows, report } = await readAll({ path: file });
      assert.equal(rows.length, expectedEvents);
      assert.equal(report.events, expectedEvents);
      for (const row of rows) {
        if (row.get('sourcetype') !== 'XmlWinEventLog') continue;
        const decoded = decodeXmlWinEvent(String(row.get('_raw')));
        assert.ok(decoded.ok, decoded.ok ? '' : decoded.message);
        extractor.apply(row);
        // The XML parser normalizes line ends to \n, as XML requires; _raw keeps them as read.
        const extracted = new Map(
          [...row]
            .filter(([k]) => !NOT_FROM_XML.has(k))
            .map(([k, v]) => [k, String(v).replace(/\r\n/g, '\n')]),
        );
        assert.deepEqual(
          extracted,
          decoded.fields,
          `event at ${name}: ${String(row.get('_raw')).slice(0, 300)}`,
        );
      }
    });
  }
});
