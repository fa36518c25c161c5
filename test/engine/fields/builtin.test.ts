import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { findResourcesDir, loadFieldConfig } from '../../../server/src/core/engine/fields';
import { createInputReport, readEvents } from '../../../server/src/core/engine/input';
import type { Row } from '../../../server/src/core/engine/value';

const repoRoot = resolve(__dirname, '../../..');
const sample = join(repoRoot, 'sample-data/events/wermgr_ads_sysmon.log');

async function sampleRows(): Promise<Row[]> {
  const { extractor, diagnostics } = loadFieldConfig({});
  assert.deepEqual(diagnostics, []);
  const rows: Row[] = [];
  for await (const row of readEvents({ path: sample }, {}, createInputReport())) {
    extractor.apply(row);
    rows.push(row);
  }
  return rows;
}

describe('built-in Sysmon configuration with the real eval evaluator', () => {
  it('gives the wermgr true positive every CIM field of sysmon-fields.md', async () => {
    const rows = await sampleRows();
    const event = rows.find((r) => r.get('ProcessId') === '6240' && r.get('EventCode') === '15');
    assert.ok(event);
    const target =
      'C:\\Users\\jdoe\\AppData\\Local\\Temp\\RP_5c1b0e0a-3f7d-4a55-9a1e-0d4b7c6e2f18\\System32\\wermgr.exe';
    // sysmon-fields.md "CIM fields ... for EventCode 15", row by row.
    const expected: Record<string, string> = {
      dest: 'FIN-WKS-07.corp.example.com',
      dvc: 'FIN-WKS-07.corp.example.com',
      file_hash:
        'MD5=620F0B67A91F7F74151BC5BE745B7110,SHA256=AD7FACB2586FC6E966C004D7D1D16B024F5805FF7CB47C7A85DABD8B48892CA7,IMPHASH=00000000000000000000000000000000',
      file_path: target,
      file_name: 'wermgr.exe',
      process_exec: 'rp.exe',
      process_name: 'rp.exe',
      process_path: 'C:\\Users\\jdoe\\Downloads\\rp.exe',
      process_guid: '{7e41b3c9-a1c6-6938-8c04-000000002000}',
      process_id: '6240',
      signature: 'FileCreateStreamHash',
      signature_id: '15',
      user_id: 'S-1-5-18',
      vendor_product: 'Microsoft Sysmon',
      Contents: '0'.repeat(4096),
      TargetFilename: `${target}:WDFOO`,
      Image: 'C:\\Users\\jdoe\\Downloads\\rp.exe',
      EventCode: '15',
      EventID: '15',
      Computer: 'FIN-WKS-07.corp.example.com',
      ProcessID: '3184',
      UserID: 'S-1-5-18',
    };
    assert.deepEqual(
      Object.fromEntries(Object.keys(expected).map((k) => [k, event.get(k)])),
      expected,
    );
  });

  it('leaves entities encoded, drops empty values and looks up each EventCode', async () => {
    const rows = await sampleRows();
    const outlook = rows.find((r) => String(r.get('Image')).endsWith('OUTLOOK.EXE'));
    // sysmon-fields.md "Raw fields": entities such as &amp; are not decoded.
    assert.equal(outlook?.get('file_name'), 'Invoice_4471 &amp; credit note.xlsx');
    const legacy = rows.find((r) => r.get('host') === 'LEGACY-SRV-02.corp.example.com');
    assert.equal(legacy?.has('Contents'), false);
    const signatures = new Map(rows.map((r) => [r.get('EventCode'), r.get('signature')]));
    assert.deepEqual(Object.fromEntries(signatures), {
      '1': 'ProcessCreate',
      '3': 'NetworkConnect',
      '5': 'ProcessTerminate',
      '7': 'ImageLoad',
      '10': 'ProcessAccess',
      '11': 'FileCreate',
      '12': 'RegistryEvent (Object create and delete)',
      '13': 'RegistryEvent (Value Set)',
      '15': 'FileCreateStreamHash',
      '22': 'DNSEvent (DNS query)',
    });
  });

  it('gives no Sysmon CIM fields to events from another source', async () => {
    const { extractor } = loadFieldConfig({});
    const row: Row = new Map<string, string>([
      ['_raw', '<Event><System><EventID>4688</EventID><Computer>dc1</Computer></System></Event>'],
      ['sourcetype', 'XmlWinEventLog'],
      ['source', 'XmlWinEventLog:Security'],
      ['host', 'dc1'],
    ]);
    extractor.apply(row);
    assert.deepEqual(
      [row.get('EventCode'), row.get('Computer'), row.has('vendor_product')],
      ['4688', 'dc1', false],
    );
  });

  it('finds server/resources from the sources and from the bundle folder dist/', () => {
    const resources = join(repoRoot, 'server', 'resources');
    assert.equal(findResourcesDir(), resources);
    assert.equal(findResourcesDir(join(repoRoot, 'dist')), resources);
  });
});
