import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, runStages } from './harness';

// Search Reference, join: with no field list, join uses the fields both result sets have.
// Unverified choice: "both result sets have" is every field name appearing in any row of each
// side, internal fields included.

const processes = [
  { process_id: '1', dest: 'h1', process_name: 'a.exe' },
  { process_id: '2', dest: 'h1', process_name: 'b.exe' },
  { process_id: '1', dest: 'h2', process_name: 'c.exe' },
];
const registry =
  '[| makeresults count=2 | streamstats count as n | eval process_id="1", dest=if(n=1, "h1", "h9"), registry_path="p".n | fields - _time, n]';

describe('join without a field list', () => {
  it('joins on every field both sides have', async () => {
    const run = await runStages(`| join ${registry}`, processes);
    assert.deepEqual(codes(run), []);
    assert.deepEqual(run.rows, [
      { process_id: '1', dest: 'h1', process_name: 'a.exe', registry_path: 'p1' },
    ]);
  });

  it('keeps unmatched rows with type=left', async () => {
    const run = await runStages(`| join type=left ${registry}`, processes);
    assert.deepEqual(
      run.rows.map((row) => row.registry_path ?? null),
      ['p1', null, null],
    );
  });

  it('matches nothing, and says so, when the two sides share no field', async () => {
    const sub = '[| makeresults | eval other="x" | fields - _time]';
    const inner = await runStages(`| join ${sub}`, processes);
    assert.deepEqual(inner.rows, []);
    assert.deepEqual(codes(inner), ['spl.engine.join-no-common-field']);
    const left = await runStages(`| join type=left ${sub}`, processes);
    assert.deepEqual(left.rows, processes);
  });

  it('gives nothing over no input', async () => {
    const run = await runStages(`| join ${registry}`, []);
    assert.deepEqual([run.rows, codes(run)], [[], []]);
  });
});
