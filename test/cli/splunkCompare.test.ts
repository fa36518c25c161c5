import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { scratch } from './helpers';
import { splAsync, writeFiles } from './splunkHelpers';
import { MOCK_TOKEN, startMockSplunk, type MockSplunk } from '../splunk/mockSplunk';

// The mock answers `count=N` with rows {index: 0..N-1, host: host<index>}; the local searches
// below build rows of the same shape with makeresults, one of them on purpose not all alike.
const DIFFERENT =
  '| makeresults count=4 | streamstats count as index | eval index=index-1' +
  ' | eval host=if(index==0, "other", "host".index) | where index<3 | table index host\n';
const SAME =
  '| makeresults count=3 | streamstats count as index | eval index=index-1' +
  ' | eval host="host".index | table index host\n';

let mock: MockSplunk;
let env: NodeJS.ProcessEnv;
const work = scratch();
before(async () => {
  mock = await startMockSplunk();
  env = { SPL_SPLUNK_URL: mock.baseUrl, SPL_SPLUNK_TOKEN: MOCK_TOKEN };
  writeFiles(work.dir, { 'different.spl': DIFFERENT, 'same.spl': SAME });
});
after(async () => {
  await mock.stop();
  work.remove();
});

describe('spl run --compare', () => {
  it('lists the rows only one side has and exits 1', async () => {
    const run = await splAsync(['run', join(work.dir, 'different.spl'), '--compare'], env);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /Compared on index, host: local 3 rows, Splunk 4 rows, 2 in both\./);
    assert.match(run.stdout, /Only local \(1\):\nindex +host\n-+ +-+\n0 +other\n/);
    assert.match(run.stdout, /Only on Splunk \(2\):\nindex +host\n-+ +-+\n0 +host0\n3 +host3\n/);
  });

  it('gives both lists in json', async () => {
    const run = await splAsync(
      ['run', join(work.dir, 'different.spl'), '--compare', '--format', 'json'],
      env,
    );
    const comparison = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(comparison.onlyLocal, [{ index: '0', host: 'other' }]);
    assert.deepEqual(comparison.onlyServer, [
      { index: '0', host: 'host0' },
      { index: '3', host: 'host3' },
    ]);
    assert.deepEqual([comparison.localCount, comparison.serverCount], [3, 4]);
  });

  it('compares only the fields --compare-fields names', async () => {
    const run = await splAsync(
      ['run', join(work.dir, 'different.spl'), '--compare', '--compare-fields', 'index'],
      env,
    );
    assert.equal(run.status, 1, run.stderr);
    // Row 0 differs only in host, so on index alone it is in both; row 3 is only on Splunk.
    assert.match(run.stdout, /Compared on index: local 3 rows, Splunk 4 rows, 3 in both\./);
    assert.match(run.stdout, /Only on Splunk \(1\):\nindex +host\n-+ +-+\n3 +host3\n/);
  });

  it('refuses --compare-fields without --compare', async () => {
    const run = await splAsync(
      ['run', join(work.dir, 'same.spl'), '--splunk', '--compare-fields', 'index'],
      env,
    );
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--compare-fields needs --compare\./);
  });

  it('exits 0 when both sides have the same rows', async () => {
    const run = await splAsync(['run', join(work.dir, 'same.spl'), '--compare'], env);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /local 3 rows, Splunk 3 rows, 3 in both\.\nThe rows are the same\./);
  });
});
