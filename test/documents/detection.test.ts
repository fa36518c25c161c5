import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  detectionFilterMacroName,
  maxYamlLength,
  readDetectionYaml,
  readYamlScalar,
} from '../../server/src/core/syntax/documents/index';

const detection = `name: Suspicious Certutil Download
id: 0f2c1b7e-0000-4000-8000-000000000001
search: '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=certutil.exe
  by Processes.dest | \`suspicious_certutil_download_filter\`'
tests:
- name: True Positive Test
  attack_data:
  - data: https://example.com/datasets/certutil/sysmon.log
    source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational
    sourcetype: XmlWinEventLog
  - data:
      ../events/second.log
- name: Data only
  attack_data:
  - data: local.log
`;

describe('readDetectionYaml', () => {
  it('reads the name, the search and the datasets of every test', () => {
    const result = readDetectionYaml(detection);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.name, 'Suspicious Certutil Download');
    const search = result.search;
    assert.ok(search);
    assert.ok(search.text.startsWith('| tstats count from datamodel=Endpoint.Processes'));
    assert.equal(search.toFileOffset(2), detection.indexOf('tstats'));
    assert.deepEqual(result.tests, [
      {
        name: 'True Positive Test',
        datasets: [
          {
            data: 'https://example.com/datasets/certutil/sysmon.log',
            source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
            sourcetype: 'XmlWinEventLog',
          },
          { data: '../events/second.log' },
        ],
      },
      { name: 'Data only', datasets: [{ data: 'local.log' }] },
    ]);
  });

  it('warns when a detection has no search', () => {
    const result = readDetectionYaml('name: Empty\ntests: []\n');
    assert.equal(result.search, undefined);
    assert.equal(result.diagnostics[0]?.code, 'detection-no-search');
    assert.deepEqual(result.tests, []);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const result = readDetectionYaml(`search: ${text}\n${text}`);
        for (const diagnostic of result.diagnostics) {
          assert.ok(diagnostic.range.start.offset <= diagnostic.range.end.offset);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses files above the size limit with a diagnostic', () => {
    const { spl, diagnostics } = readYamlScalar(`search: ${'a'.repeat(maxYamlLength)}\n`, 'search');
    assert.equal(spl, undefined);
    assert.equal(diagnostics[0]?.code, 'yaml-too-large');
  });
});

describe('detectionFilterMacroName', () => {
  // spl-semantics.md "macros.conf": the filter macro is the detection file name, lower-cased,
  // with spaces, `-`, `.` and `/` made `_`, plus `_filter`.
  it('derives the filter macro from the file name', () => {
    assert.equal(
      detectionFilterMacroName('windows_wermgr_alternate_data_stream_in_temp_dir.yml'),
      'windows_wermgr_alternate_data_stream_in_temp_dir_filter',
    );
    assert.equal(
      detectionFilterMacroName('Office 365-Mail.Rule/Change.yml'),
      'office_365_mail_rule_change_filter',
    );
    assert.equal(detectionFilterMacroName('no_extension'), 'no_extension_filter');
    assert.equal(detectionFilterMacroName('Upper.YAML'), 'upper_filter');
  });
});
