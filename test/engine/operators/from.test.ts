import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runSearch, type RunResult } from '../../../server/src/core/engine/run';

const ROOT = resolve(import.meta.dirname, '../../..');
const EVENTS = join(ROOT, 'sample-data/events');

/** Runs over the 20 sample Sysmon events. */
function runOnSample(text: string): Promise<RunResult> {
  return runSearch({ text, datasets: [{ path: EVENTS }], now: 1_767_225_600 });
}

describe('from datamodel', () => {
  it('returns the events the dataset takes, as many as tstats counts there', async () => {
    // Search Reference, from: `from datamodel:<name>` reads a data model dataset; the dataset's
    // events are those tstats aggregates over the same dataset.
    const from = await runOnSample(
      '| from datamodel:Endpoint.Filesystem | stats count by EventCode',
    );
    const tstats = await runOnSample(
      '| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest',
    );
    assert.deepEqual(from.messages, []);
    assert.deepEqual(from.results, [
      { EventCode: '11', count: '1' },
      { EventCode: '15', count: '7' },
    ]);
    assert.equal(
      tstats.results.reduce((sum, row) => sum + Number(row.count), 0),
      8,
    );
    assert.deepEqual(
      from.stages.map((s) => [s.command, s.in, s.out]),
      [
        ['from', 20, 8],
        ['stats', 8, 2],
      ],
    );
  });

  it('names the dataset fields without the dataset prefix and keeps the event (unverified)', async () => {
    // Search Reference, from does not say; security_content's own detections use plain names
    // after `from datamodel` (log4shell_jndi_payload_injection_attempt.yml: `stats count by
    // action, dest, ...`, and `regex _raw=...`). tstats names the same fields Filesystem.<field>.
    const run = await runOnSample(
      '| from datamodel:Endpoint.Filesystem | search process_name=rp.exe EventCode=15',
    );
    const [row] = run.results;
    assert.ok(row);
    assert.equal(run.results.length, 1);
    assert.equal(row.file_name, 'wermgr.exe');
    assert.match(String(row.file_path), /\\Temp\\RP_[^\\]+\\System32\\wermgr\.exe$/);
    assert.equal(row.dest, 'FIN-WKS-07.corp.example.com');
    assert.match(String(row._raw), /^<Event xmlns/);
    assert.deepEqual(
      Object.keys(row).filter((field) => field.startsWith('Filesystem.')),
      [],
    );
  });

  it('reads the space form the corpus writes: from datamodel Model.Dataset', async () => {
    // Search Reference, from: a colon or a space separates the dataset type from its name.
    const colon = await runOnSample('| from datamodel:Endpoint.Filesystem | stats count');
    const space = await runOnSample('| from datamodel Endpoint.Filesystem | stats count');
    assert.deepEqual(space.results, [{ count: '8' }]);
    assert.deepEqual(space.results, colon.results);
  });

  it('reports an unknown data model or dataset at its name, with did-you-mean', async () => {
    const model = await runOnSample('| from datamodel:Endpont.Filesystem');
    assert.deepEqual(
      model.messages.map((m) => [m.code, m.severity, m.range?.start.offset]),
      [['spl.engine.datamodel', 'error', 7]],
    );
    assert.match(model.messages[0]?.message ?? '', /did you mean 'Endpoint'/);
    const dataset = await runOnSample('| from datamodel Endpoint.Filesytem');
    assert.match(dataset.messages[0]?.message ?? '', /did you mean 'Filesystem'/);
    assert.equal(dataset.messages[0]?.range?.start.offset, 17);
  });

  it('refuses other dataset types and extra arguments before running', async () => {
    const lookup = await runOnSample('| from lookup:users');
    assert.match(lookup.messages[0]?.message ?? '', /only datamodel datasets/);
    const extra = await runOnSample('| from datamodel:Endpoint.Filesystem extra');
    assert.match(extra.messages[0]?.message ?? '', /one dataset/);
    assert.deepEqual(extra.stages, []);
  });
});
