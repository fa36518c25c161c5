import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { formatCsv } from '../../server/src/cli/csv';
import { join } from 'node:path';
import { CIM_MACROS, CORPUS, ROOT, spl } from './helpers';

const SEED = [
  'run',
  'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl',
  '--data',
  'sample-data/events',
  '--macros',
  'sample-data/macros',
];

describe('spl run formats', () => {
  it('csv: one header and one line per result, read back by a CSV parser; --explain on stderr', () => {
    const run = spl([...SEED, '--format', 'csv', '--explain']);
    assert.equal(run.status, 0, run.stderr);
    const records = parse(run.stdout, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 2);
    assert.deepEqual(records.map((r) => r.dest).sort(), [
      'ENG-WKS-12.corp.example.com',
      'FIN-WKS-07.corp.example.com',
    ]);
    assert.match(run.stderr, /Stages:\n +command +in +out +ms {2}stage\n +search +20 +3 /);
  });

  it('json stays one document on stdout, the stage counts inside it', () => {
    const run = spl([...SEED, '--format', 'json', '--explain']);
    const output = JSON.parse(run.stdout) as { stages: { in: number; out: number }[] };
    assert.deepEqual(output.stages.map((s) => [s.in, s.out]).slice(0, 2), [
      [20, 3],
      [3, 2],
    ]);
  });

  it('refuses an unknown format with exit 2', () => {
    const run = spl([...SEED, '--format', 'xml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format takes table, json or csv, not 'xml'/);
  });
});

describe('spl run on a detection with attack_data test URLs', () => {
  it('reads the datasets under --dataset-root, as spl test does, and tstats finds the rows', () => {
    const run = spl([
      'run',
      join(CORPUS, 'detections/endpoint/windows_indirect_command_execution_via_pcalua.yml'),
      '--dataset-root',
      join(ROOT, '../shared/data/attack_data'),
      '--macros',
      join(CORPUS, 'macros'),
      CIM_MACROS,
      '--format',
      'json',
    ]);
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { results: Record<string, string>[] };
    assert.equal(output.results.length, 4);
    const processes = output.results.map((row) => `${row.parent_process_name}>${row.process_name}`);
    assert.deepEqual(processes.sort(), [
      'cmd.exe>pcalua.exe',
      'cmd.exe>pcalua.exe',
      'pcalua.exe>calc.exe',
      'pcalua.exe>calc.exe',
    ]);
  });

  it('without a dataset root the URL datasets are not found, and the run reads nothing', () => {
    const run = spl([
      'run',
      join(CORPUS, 'detections/endpoint/windows_indirect_command_execution_via_pcalua.yml'),
      '--macros',
      join(CORPUS, 'macros'),
      CIM_MACROS,
      '--format',
      'json',
    ]);
    const output = JSON.parse(run.stdout) as { results: unknown[] };
    assert.equal(output.results.length, 0);
  });
});

describe('formatCsv (RFC 4180)', () => {
  it('quotes commas, quotes and newlines, doubles quotes, joins multivalues with a newline', () => {
    const csv = formatCsv(
      ['a', 'b', 'c'],
      [{ a: 'x,y', b: 'say "hi"', c: ['one', 'two'] }, { a: 'plain' }],
    );
    assert.equal(csv, 'a,b,c\r\n"x,y","say ""hi""","one\ntwo"\r\nplain,,\r\n');
    assert.deepEqual(parse(csv), [
      ['a', 'b', 'c'],
      ['x,y', 'say "hi"', 'one\ntwo'],
      ['plain', '', ''],
    ]);
  });
});
