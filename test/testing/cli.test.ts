import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  copyWermgr,
  detectionYaml,
  repoRoot,
  sampleEvents,
  sampleMacros,
  scratchFolder,
  writeDetection,
} from './fixtures';

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `spl` from the sources as a separate process, in the repository root. */
function spl(...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'server/src/cli/main.ts'), ...args],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const folder = scratchFolder();
copyWermgr(folder);
writeDetection(
  folder,
  'no_rows',
  detectionYaml('`sysmon` EventCode=15 | stats count by NoSuchField', [sampleEvents]),
);
writeDetection(
  folder,
  'not_here',
  detectionYaml('`sysmon`', [
    'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/nowhere/x.log',
  ]),
);
const junit = join(folder, 'report.xml');

describe('spl test', () => {
  // The processes start at once and overlap; each test awaits its own.
  const mixed = spl('test', folder, '--macros', sampleMacros, '--junit', junit);
  const sample = spl('test', 'sample-data/detections');
  const usage = spl('test', 'no/such/folder');

  it('prints pass, fail and skip with the reasons, writes JUnit XML and exits 1', async () => {
    const run = await mixed;
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /^FAIL {2}.*no_rows\.yml: Scratch Detection › True Positive Test \(0 results, \d+ ms\)$/m,
    );
    assert.match(run.stdout, /no_rows\.yml:\d+:\d+ spl\.engine\.by-field-missing /);
    assert.match(run.stdout, /^ {6}events per stage: search 20→7, stats 7→0$/m);
    assert.match(run.stdout, /^SKIP {2}.*not_here\.yml: /m);
    assert.match(run.stdout, /not_here\.yml:\d+:\d+ spl\.test\.dataset-no-root /);
    assert.match(run.stdout, /^PASS {2}.*windows_wermgr_.*\(2 results, \d+ ms\)$/m);
    assert.match(run.stdout, /\n3 tests: 1 passed, 1 failed, 1 skipped\n$/);

    const xml = readFileSync(junit, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const suites = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      xml,
    ).testsuites;
    assert.deepEqual([suites.tests, suites.failures, suites.skipped], ['3', '1', '1']);
  });

  it('exits 0 when every test passes; the sample detection finds its macros and data itself', async () => {
    const run = await sample;
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /1 tests: 1 passed, 0 failed, 0 skipped/);
  });

  it('exits 2 on a path that does not exist', async () => {
    const missing = await usage;
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no\/such\/folder: no such file or folder/);
  });
});
