import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandMacros, loadMacroFiles } from '../../server/src/core/macros';

const repoRoot = resolve(import.meta.dirname, '../..');
const macroFolder = resolve(repoRoot, 'sample-data/macros');
const detection = readFileSync(
  resolve(repoRoot, 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl'),
  'utf8',
);
const { index, diagnostics: fileDiagnostics } = loadMacroFiles([macroFolder]);

// What Splunk runs (Ctrl/Cmd+Shift+E): `sysmon` as the detection's page defines it today
// (sysmon-fields.md), security_content_ctime as spl-semantics.md gives it, the filter `search *`.
const expected = String.raw`(source=WinEventLog:Microsoft-Windows-Sysmon/Operational OR source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational OR source=Syslog:Linux-Sysmon/Operational) EventCode=15 TargetFilename="*\\Temp\\*" TargetFilename="*wermgr.exe:*"
| stats count min(_time) as firstTime max(_time) as lastTime
    by dest dvc file_hash file_name file_path process_exec process_guid process_id process_name
    process_path signature signature_id user_id vendor_product Contents TargetFilename
| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)
| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime)
| search *
`;

test('the sample macros load without diagnostics', () => {
  assert.deepEqual(fileDiagnostics, []);
});

test('the wermgr detection expands to the exact search Splunk runs', () => {
  const result = expandMacros(detection, index);
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.text, expected);
});

test('the source map points into the user text, or at the call and into the definition', () => {
  const { text, sourceMap } = expandMacros(detection, index);

  const inSysmon = sourceMap.toOriginal(text.indexOf('XmlWinEventLog'));
  assert.equal(inSysmon.offset, 0, 'inside `sysmon`: the call starts the search');
  assert.equal(inSysmon.inMacro?.definition.name, 'sysmon');
  const sysmon = inSysmon.inMacro?.definition;
  assert.ok(sysmon);
  assert.equal(
    sysmon.definition.slice(inSysmon.inMacro?.definitionOffset),
    text.slice(text.indexOf('XmlWinEventLog'), text.indexOf(')') + 1),
  );
  const sysmonFile = readFileSync(sysmon.file, 'utf8');
  const fileOffset = sysmon.definitionToFile(sysmon.definition.indexOf('OR source=Syslog'));
  assert.equal(
    sysmonFile.slice(fileOffset, fileOffset + 16),
    'OR source=Syslog',
    'across the YAML line fold',
  );

  const eventCode = sourceMap.toOriginal(text.indexOf('EventCode=15') + 4);
  assert.deepEqual(eventCode, { offset: detection.indexOf('EventCode=15') + 4 });

  const firstCtime = text.indexOf('| convert') + 2;
  const convert = sourceMap.toOriginal(firstCtime);
  assert.equal(convert.offset, detection.indexOf('`security_content_ctime(firstTime)`'));
  assert.equal(convert.inMacro?.definition.name, 'security_content_ctime');
  assert.equal(convert.inMacro?.definitionOffset, 0);
  assert.equal(convert.inMacro?.callChain.length, 1);

  // The argument's characters come from the user's text, so they map there exactly.
  const argument = sourceMap.toOriginal(text.indexOf('ctime(firstTime)') + 6);
  assert.deepEqual(argument, { offset: detection.indexOf('ctime(firstTime)') + 6 });

  const filter = sourceMap.toOriginal(text.indexOf('search *'));
  assert.equal(
    filter.inMacro?.definition.name,
    'windows_wermgr_alternate_data_stream_in_temp_dir_filter',
  );

  const callText = '`security_content_ctime(lastTime)`';
  const range = sourceMap.toOriginalRange(
    text.indexOf('| convert', firstCtime) + 2,
    text.indexOf('ctime(lastTime)') + 6,
  );
  assert.equal(detection.slice(range.start.offset, range.end.offset), callText);
  assert.equal(range.start.line, 5);
  assert.equal(range.start.column, 2);
});

test('inside a nested macro, the chain leads from the user call to the innermost definition', () => {
  const search =
    '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)`';
  const result = expandMacros(search, index);
  assert.equal(
    result.text,
    '| tstats summariesonly=false allow_old_summaries=true fillnull_value=null count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.* AS *',
  );
  const at = result.text.indexOf('false');
  const location = result.sourceMap.toOriginal(at);
  assert.equal(location.offset, search.indexOf('`security_content_summariesonly`'));
  assert.equal(location.inMacro?.definition.name, 'summariesonly_config');
  assert.equal(location.inMacro?.definitionOffset, 0);
  const chain = location.inMacro?.callChain ?? [];
  assert.deepEqual(
    chain.map((site) => site.definition.name),
    ['security_content_summariesonly', 'summariesonly_config'],
  );
  assert.equal(chain[0]?.within, undefined);
  assert.equal(chain[1]?.within?.name, 'security_content_summariesonly');
  const outer = chain[1]?.within?.definition ?? '';
  assert.equal(outer.slice(chain[1]?.callStart, chain[1]?.callEnd), '`summariesonly_config`');

  // A problem found in the expanded text is reported at the user's call, with the definition related.
  const diagnostic = result.sourceMap.toOriginalDiagnostic({
    severity: 'error',
    code: 'test.inside',
    message: 'inside the nested macro',
    range: {
      start: { offset: at, line: 0, column: at },
      end: { offset: at + 5, line: 0, column: at + 5 },
    },
    source: 'syntax',
  });
  assert.equal(
    search.slice(diagnostic.range.start.offset, diagnostic.range.end.offset),
    '`security_content_summariesonly`',
  );
  const related = diagnostic.related?.[0];
  assert.ok(related);
  assert.ok(related.uri?.endsWith('summariesonly_config.yml'));
  const file = readFileSync(related.uri ?? '', 'utf8');
  const relatedLine = file.split('\n')[related.range.start.line] ?? '';
  assert.equal(
    relatedLine.slice(related.range.start.column, related.range.start.column + 5),
    'false',
  );

  const rename = result.sourceMap.toOriginal(result.text.indexOf('Processes.* AS'));
  assert.deepEqual(
    rename,
    { offset: search.indexOf('Processes)`') },
    'the argument maps to where the user wrote it',
  );
});
