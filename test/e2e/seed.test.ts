import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runSearch } from '../../server/src/core/engine/run';
import { loadMacroFiles } from '../../server/src/core/macros';

const ROOT = resolve(import.meta.dirname, '../..');
const DETECTION = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir';
const FILTER_MACRO = 'windows_wermgr_alternate_data_stream_in_temp_dir_filter';

const common = {
  file_hash:
    'MD5=620F0B67A91F7F74151BC5BE745B7110,SHA256=AD7FACB2586FC6E966C004D7D1D16B024F5805FF7CB47C7A85DABD8B48892CA7,IMPHASH=00000000000000000000000000000000',
  file_name: 'wermgr.exe',
  signature: 'FileCreateStreamHash',
  signature_id: '15',
  user_id: 'S-1-5-18',
  vendor_product: 'Microsoft Sysmon',
  count: '1',
};

/** The two true positives; the old-Sysmon event without Contents is dropped by the stats. */
const EXPECTED_ROWS = [
  {
    ...common,
    dest: 'ENG-WKS-12.corp.example.com',
    dvc: 'ENG-WKS-12.corp.example.com',
    file_path:
      'C:\\Users\\asmith\\AppData\\Local\\Temp\\RP_9e4d2a71-08b3-4c6f-b2d5-71f0a3c9e864\\System32\\wermgr.exe',
    process_exec: 'planet.exe',
    process_guid: '{5d2c8a11-5a33-693a-b107-000000002400}',
    process_id: '12876',
    process_name: 'planet.exe',
    process_path: 'C:\\Users\\asmith\\Desktop\\tools\\planet.exe',
    Contents: '-',
    TargetFilename:
      'C:\\Users\\asmith\\AppData\\Local\\Temp\\RP_9e4d2a71-08b3-4c6f-b2d5-71f0a3c9e864\\System32\\wermgr.exe:WDFOO',
    firstTime: '2026-11-20T16:40:52',
    lastTime: '2026-11-20T16:40:52',
  },
  {
    ...common,
    dest: 'FIN-WKS-07.corp.example.com',
    dvc: 'FIN-WKS-07.corp.example.com',
    file_path:
      'C:\\Users\\jdoe\\AppData\\Local\\Temp\\RP_5c1b0e0a-3f7d-4a55-9a1e-0d4b7c6e2f18\\System32\\wermgr.exe',
    process_exec: 'rp.exe',
    process_guid: '{7e41b3c9-a1c6-6938-8c04-000000002000}',
    process_id: '6240',
    process_name: 'rp.exe',
    process_path: 'C:\\Users\\jdoe\\Downloads\\rp.exe',
    Contents: '0'.repeat(4096),
    TargetFilename:
      'C:\\Users\\jdoe\\AppData\\Local\\Temp\\RP_5c1b0e0a-3f7d-4a55-9a1e-0d4b7c6e2f18\\System32\\wermgr.exe:WDFOO',
    firstTime: '2026-11-19T09:14:03',
    lastTime: '2026-11-19T09:14:03',
  },
];

// spl-semantics.md "Transforming and other commands": stats gives the by-fields, then the
// aggregations in the order written.
const EXPECTED_FIELDS = [
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
  'Contents',
  'TargetFilename',
  'count',
  'firstTime',
  'lastTime',
];

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `spl` from the sources, with `| makeresults | contingency host` on standard input. */
function cli(...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'server/src/cli/main.ts'), ...args],
      {
        cwd: ROOT,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end('| makeresults | contingency host');
  });
}

describe('the wermgr seed detection end to end', () => {
  // The CLI runs start at once and overlap with the in-process run; each test awaits its own.
  const jsonRun = cli('run', `${DETECTION}.yml`, '--format', 'json');
  const tableRun = cli(
    'run',
    `${DETECTION}.spl`,
    '--data',
    'sample-data/events',
    '--macros',
    'sample-data/macros',
  );

  it('returns exactly the true positives, the stage counts and why one event was dropped', async () => {
    const text = readFileSync(join(ROOT, `${DETECTION}.spl`), 'utf8');
    const result = await runSearch({
      text,
      macroIndex: loadMacroFiles([join(ROOT, 'sample-data/macros')]).index,
      implicitFilterMacros: [FILTER_MACRO],
      datasets: [{ path: join(ROOT, 'sample-data/events') }],
    });
    assert.deepEqual(result.fields, EXPECTED_FIELDS);
    assert.deepEqual(result.results, EXPECTED_ROWS);
    // 20 events: the search keeps the 3 EventCode 15 wermgr streams in Temp; stats drops the one
    // without Contents; the ctime conversions and the filter macro keep both rows.
    assert.deepEqual(
      result.stages.map((s) => [s.command, s.in, s.out]),
      [
        ['search', 20, 3],
        ['stats', 3, 2],
        ['convert', 2, 2],
        ['convert', 2, 2],
        ['search', 2, 2],
      ],
    );
    // spl-semantics.md "Transforming and other commands": a null by-field drops the event.
    assert.deepEqual(
      result.messages.map((m) => [m.code, m.message, m.range?.start.line, m.range?.start.column]),
      [
        [
          'spl.engine.by-field-missing',
          "1 of 3 events has no 'Contents', so the by clause dropped it (a null by-field drops the event; use fillnull first to keep them).",
          3,
          63,
        ],
      ],
    );
    // The stats and ctime stages point at the macro calls in the user's text.
    assert.equal(
      text.slice(result.stages[2]?.range.start.offset, result.stages[2]?.range.end.offset),
      '`security_content_ctime(firstTime)`',
    );
  });

  it('spl run --format json prints exactly fields, results, stages and messages', async () => {
    const run = await jsonRun;
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as Record<string, unknown[]>;
    assert.deepEqual(Object.keys(output), ['fields', 'results', 'stages', 'messages']);
    assert.deepEqual(output.results, EXPECTED_ROWS);
    for (const stage of output.stages ?? []) {
      assert.deepEqual(Object.keys(stage as object), ['command', 'in', 'out', 'ms']);
    }
    const [message] = output.messages as { range: { start: { line: number } } }[];
    assert.deepEqual(Object.keys(message ?? {}), ['severity', 'code', 'message', 'range']);
    // In the YAML file, the by clause's Contents sits on line 16 (0-based 15).
    assert.equal(message?.range.start.line, 15);
  });

  it('spl run prints the table, the stage counts and file:line:col messages', async () => {
    const run = await tableRun;
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^-- result 1 of 2 --\ndest {12}ENG-WKS-12\.corp\.example\.com\n/);
    assert.match(
      run.stdout,
      /\nStages:\n +command +in +out +ms {2}stage\n +search +20 +3 +\d+\.\d {2}`sysmon` EventCode=15 .*\n +stats +3 +2 .*\n +convert +2 +2 +\d+\.\d {2}`security_content_ctime\(firstTime\)`\n/,
    );
    assert.match(
      run.stdout,
      new RegExp(
        `\\n${DETECTION}\\.spl:4:64 warning spl\\.engine\\.by-field-missing 1 of 3 events has no 'Contents'`,
      ),
    );
  });

  it('exits 1 when the search has errors and 2 on usage errors', async () => {
    const [unsupported, badLimit, missing] = await Promise.all([
      cli('run', '-'),
      cli('run', '-', '--timeout', '0'),
      cli('run', 'no/such/file.spl'),
    ]);
    assert.equal(unsupported.status, 1);
    assert.match(
      unsupported.stdout,
      /<stdin>:1:17 error spl\.engine\.unsupported-command 'contingency'/,
    );
    assert.equal(badLimit.status, 2);
    assert.match(badLimit.stderr, /--timeout takes a positive number/);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^spl run: cannot read no\/such\/file\.spl/);
  });
});
