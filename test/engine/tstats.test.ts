import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runSearch, type RunRequest } from '../../server/src/core/engine/run';
import { loadMacroFiles } from '../../server/src/core/macros';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';
const macros = loadMacroFiles([join(ROOT, 'sample-data/macros')]).index;

/** One Sysmon event rendered as Windows writes it, on one line. */
function sysmonEvent(code: number, utcTime: string, data: Record<string, string>): string {
  const fields = Object.entries({ UtcTime: utcTime, ...data })
    .map(([name, value]) => `<Data Name='${name}'>${value}</Data>`)
    .join('');
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon'/>" +
    `<EventID>${code}</EventID><Version>5</Version><Channel>Microsoft-Windows-Sysmon/Operational</Channel>` +
    "<Computer>wks1.corp.example</Computer><Security UserID='S-1-5-18'/></System>" +
    `<EventData>${fields}</EventData></Event>`
  );
}

const EVENTS = [
  sysmonEvent(1, '2026-11-20 10:05:00.000', {
    ProcessGuid: '{aaaa-1}',
    ProcessId: '100',
    Image: 'C:\\Windows\\System32\\cmd.exe',
    CommandLine: 'cmd.exe /c whoami',
    ParentImage: 'C:\\Windows\\explorer.exe',
    ParentCommandLine: 'explorer.exe',
    User: 'CORP\\alice',
    IntegrityLevel: 'High',
  }),
  sysmonEvent(1, '2026-11-20 10:40:00.000', {
    ProcessGuid: '{aaaa-2}',
    ProcessId: '101',
    Image: 'C:\\Windows\\System32\\cmd.exe',
    CommandLine: 'cmd.exe /c dir',
    ParentImage: 'C:\\Windows\\explorer.exe',
    User: 'CORP\\alice',
  }),
  // An older Sysmon wrote no User: a null by-field.
  sysmonEvent(1, '2026-11-20 11:10:00.000', {
    ProcessGuid: '{aaaa-3}',
    ProcessId: '102',
    Image: 'C:\\Windows\\System32\\whoami.exe',
    CommandLine: 'whoami',
    ParentImage: 'C:\\Windows\\System32\\cmd.exe',
  }),
  sysmonEvent(11, '2026-11-20 10:06:00.000', {
    ProcessGuid: '{aaaa-1}',
    Image: 'C:\\Windows\\System32\\cmd.exe',
    TargetFilename: 'C:\\Temp\\out.txt',
    CreationUtcTime: '2026-11-20 10:06:00.000',
  }),
  sysmonEvent(23, '2026-11-20 10:07:00.000', {
    Image: 'C:\\Windows\\System32\\cmd.exe',
    TargetFilename: 'C:\\Temp\\old.txt',
  }),
  sysmonEvent(13, '2026-11-20 10:08:00.000', {
    EventType: 'SetValue',
    Image: 'C:\\Windows\\System32\\reg.exe',
    TargetObject: 'HKLM\\System\\CurrentControlSet\\Control\\Lsa\\RunAsPPL',
    Details: 'DWORD (0x00000000)',
  }),
  sysmonEvent(3, '2026-11-20 10:09:00.000', {
    Image: 'C:\\Users\\alice\\AppData\\evil.exe',
    User: 'CORP\\alice',
    Protocol: 'tcp',
    Initiated: 'true',
    SourceIp: '10.0.0.5',
    SourcePort: '50000',
    DestinationIp: '10.0.0.1',
    DestinationPort: '389',
  }),
];

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spl-tstats-'));
  writeFileSync(join(dir, 'sysmon.log'), `${EVENTS.join('\n')}\n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(text: string, extra: Partial<RunRequest> = {}) {
  return runSearch({
    text,
    macroIndex: macros,
    datasets: [{ path: join(dir, 'sysmon.log'), source: SOURCE, sourcetype: 'xmlwineventlog' }],
    ...extra,
  });
}

async function rows(text: string, extra: Partial<RunRequest> = {}) {
  const result = await run(text, extra);
  assert.deepEqual(
    result.messages.filter((m) => m.severity === 'error'),
    [],
  );
  return result.results;
}

describe('tstats over the CIM data models from Sysmon events', () => {
  it('names dataset fields with the dataset prefix and keeps only the dataset events', async () => {
    // spl-semantics.md "Transforming and other commands": tstats fields carry the dataset prefix.
    assert.deepEqual(
      await rows('| tstats count from datamodel=Endpoint.Processes by Processes.process_name'),
      [
        { 'Processes.process_name': 'cmd.exe', count: '2' },
        { 'Processes.process_name': 'whoami.exe', count: '1' },
      ],
    );
  });

  it('counts the events tstats read as its stage input, and its rows as its output', async () => {
    const result = await run('| tstats count from datamodel=Endpoint.Processes by Processes.dest');
    const [stage] = result.stages;
    assert.deepEqual([stage?.command, stage?.in, stage?.out], ['tstats', EVENTS.length, 1]);
  });

  it('filters with search-command semantics: case-insensitive values, wildcards', async () => {
    // spl-semantics.md "Transforming and other commands": tstats' where is a search expression;
    // "The search command": values compare case-insensitively, `*` matches any run.
    assert.deepEqual(
      await rows(
        '| tstats count from datamodel=Endpoint.Processes where Processes.process="CMD.EXE /c *" ' +
          'Processes.parent_process_name=explorer.exe by Processes.user',
      ),
      [{ 'Processes.user': 'CORP\\alice', count: '2' }],
    );
  });

  it('drops rows with a null by-field unless fillnull_value fills it', async () => {
    // spl-semantics.md "Transforming and other commands": a null by-field drops the event;
    // fillnull_value=X keeps it with the literal X (security_content_summariesonly gives "null").
    const text = 'from datamodel=Endpoint.Processes by Processes.user';
    assert.deepEqual(await rows(`| tstats count ${text}`), [
      { 'Processes.user': 'CORP\\alice', count: '2' },
    ]);
    assert.deepEqual(await rows(`| tstats \`security_content_summariesonly\` count ${text}`), [
      { 'Processes.user': 'CORP\\alice', count: '2' },
      { 'Processes.user': 'null', count: '1' },
    ]);
  });

  it('runs the security_content chain: drop_dm_object_name, then security_content_ctime', async () => {
    // spl-semantics.md: drop_dm_object_name(Processes) is `rename Processes.* AS *`;
    // security_content_ctime formats with %Y-%m-%dT%H:%M:%S.
    const text =
      '| tstats `security_content_summariesonly` count min(_time) as firstTime ' +
      'from datamodel=Endpoint.Processes where Processes.process_name=whoami.exe ' +
      'by Processes.dest Processes.process_integrity_level | `drop_dm_object_name("Processes")` ' +
      '| `security_content_ctime(firstTime)`';
    assert.deepEqual(await rows(text), [
      {
        dest: 'wks1.corp.example',
        process_integrity_level: 'null',
        count: '1',
        firstTime: '2026-11-20T11:10:00',
      },
    ]);
  });

  it('aggregates like stats: values, dc, min, max, latest', async () => {
    const [row] = await rows(
      '| tstats values(Processes.process_id) as ids dc(Processes.process_guid) as guids ' +
        'max(_time) as last latest(Processes.process) as newest from datamodel=Endpoint.Processes',
    );
    assert.deepEqual(row, {
      ids: ['100', '101', '102'],
      guids: '3',
      last: String(Date.UTC(2026, 10, 20, 11, 10) / 1000),
      newest: 'whoami',
    });
  });

  it('bins _time by span= in the by clause', async () => {
    const result = await rows(
      '| tstats count from datamodel=Endpoint.Processes by _time span=1h, Processes.process_name',
    );
    assert.deepEqual(
      result.map((r) => [r._time, r['Processes.process_name'], r.count]),
      [
        ['2026-11-20T10:00:00.000+00:00', 'cmd.exe', '2'],
        ['2026-11-20T11:00:00.000+00:00', 'whoami.exe', '1'],
      ],
    );
  });

  it('maps file, registry and network events to their datasets', async () => {
    assert.deepEqual(
      await rows(
        '| tstats count from datamodel=Endpoint.Filesystem by Filesystem.action Filesystem.file_name',
      ),
      [
        { 'Filesystem.action': 'created', 'Filesystem.file_name': 'out.txt', count: '1' },
        { 'Filesystem.action': 'deleted', 'Filesystem.file_name': 'old.txt', count: '1' },
      ],
    );
    assert.deepEqual(
      await rows(
        '| tstats count from datamodel=Endpoint.Registry by Registry.action Registry.registry_key_name ' +
          'Registry.registry_value_name Registry.registry_value_data Registry.registry_value_type',
      ),
      [
        {
          'Registry.action': 'modified',
          'Registry.registry_key_name': 'Lsa',
          'Registry.registry_value_name': 'RunAsPPL',
          'Registry.registry_value_data': '0x00000000',
          'Registry.registry_value_type': 'REG_DWORD',
          count: '1',
        },
      ],
    );
    assert.deepEqual(
      await rows(
        '| tstats count from datamodel=Network_Traffic.All_Traffic where All_Traffic.dest_port=389 ' +
          'by All_Traffic.app All_Traffic.src_ip All_Traffic.transport All_Traffic.direction',
      ),
      [
        {
          'All_Traffic.app': 'C:\\Users\\alice\\AppData\\evil.exe',
          'All_Traffic.src_ip': '10.0.0.5',
          'All_Traffic.transport': 'tcp',
          'All_Traffic.direction': 'outbound',
          count: '1',
        },
      ],
    );
  });

  it('accepts datamodel=Model with nodename=, from datamodel:X and the summary options', async () => {
    const expected = [{ count: '3' }];
    assert.deepEqual(
      await rows('| tstats count from datamodel=Endpoint where nodename=Processes'),
      expected,
    );
    assert.deepEqual(
      await rows(
        '| tstats summariesonly=true allow_old_summaries=true count from datamodel:Endpoint.Processes',
      ),
      expected,
    );
  });

  it('runs a subsearch in the where clause first', async () => {
    const text =
      '| tstats count from datamodel=Endpoint.Processes where [| makeresults ' +
      '| eval Processes.process_name="whoami.exe" | fields Processes.process_name] by Processes.process_id';
    assert.deepEqual(await rows(text), [{ 'Processes.process_id': '102', count: '1' }]);
  });

  it('counts indexed fields when no data model is named', async () => {
    assert.deepEqual(await rows('| tstats count where sourcetype=xmlwineventlog by source'), [
      { source: SOURCE, count: String(EVENTS.length) },
    ]);
  });

  it('reads data models and mappings the user adds (dataModelPaths)', async () => {
    const file = join(dir, 'custom.yml');
    writeFileSync(
      file,
      [
        'datamodel: Custom',
        'datasets:',
        '  Launches:',
        '    fields: [exe, high]',
        'mappings:',
        '  - dataset: Custom.Launches',
        '    constraint: EventCode=1',
        '    fields:',
        '      exe: upper(process_name)',
        '      high: if(IntegrityLevel=="High", "yes", "no")',
      ].join('\n'),
    );
    assert.deepEqual(
      await rows('| tstats count from datamodel=Custom.Launches by Launches.exe Launches.high', {
        dataModelPaths: [file],
      }),
      [
        { 'Launches.exe': 'CMD.EXE', 'Launches.high': 'no', count: '1' },
        { 'Launches.exe': 'CMD.EXE', 'Launches.high': 'yes', count: '1' },
        { 'Launches.exe': 'WHOAMI.EXE', 'Launches.high': 'no', count: '1' },
      ],
    );
  });

  it('explains what it cannot run, at the right place', async () => {
    const unknown = await run('| tstats count from datamodel=Endpoint.Proceses');
    const error = unknown.messages.find((m) => m.code === 'spl.engine.datamodel');
    assert.match(error?.message ?? '', /did you mean 'Processes'/);
    assert.equal(error?.range?.start.offset, '| tstats count from datamodel='.length);

    const typo = await run(
      '| tstats count from datamodel=Endpoint.Processes by Processes.original_file_nam',
    );
    const warning = typo.messages.find((m) => m.code === 'spl.engine.datamodel-field');
    assert.match(warning?.message ?? '', /did you mean 'Processes\.original_file_name'\?/);
    assert.equal(
      warning?.range?.start.offset,
      '| tstats count from datamodel=Endpoint.Processes by '.length,
    );

    const prestats = await run('| tstats prestats=true count from datamodel=Endpoint.Processes');
    assert.ok(prestats.messages.some((m) => m.code === 'spl.engine.unsupported-option'));

    const unmapped = await run('| tstats count from datamodel=Web.Web by Web.url');
    assert.deepEqual(unmapped.results, []);
    assert.ok(
      unmapped.messages.some(
        (m) => m.severity === 'info' && /No mapping populates Web.Web/.test(m.message),
      ),
    );
  });
});
