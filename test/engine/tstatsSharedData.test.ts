import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runSearch } from '../../server/src/core/engine/run';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';

describe('tstats over ../shared/data', () => {
  it('gives the registry fields of a real Sysmon value-set event', async () => {
    const result = await runSearch({
      text:
        '| tstats count from datamodel=Endpoint.Registry by Registry.registry_path ' +
        'Registry.registry_value_data Registry.process_guid Registry.dest',
      datasets: [
        {
          path: resolve(
            ROOT,
            '../shared/data/attack_data/datasets/attack_techniques/T1098/dsrm_account/windows-sysmon.log',
          ),
          source: SOURCE,
          sourcetype: 'xmlwineventlog',
        },
      ],
    });
    assert.deepEqual(result.results, [
      {
        'Registry.registry_path':
          'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\DSRMAdminLogonBehavior',
        'Registry.registry_value_data': '0x00000002',
        'Registry.process_guid': '{5AE44C2C-A85D-62D7-6B23-000000006902}',
        'Registry.dest': 'win-dc-root-42062-811.attackrange.local',
        count: '1',
      },
    ]);
  });
});
