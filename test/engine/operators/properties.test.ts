import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareScalars } from '../../../server/src/core/engine/operators/order';
import { runStages } from './harness';

const value = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map(String),
  fc.constantFrom('a', 'B', 'b', 'x1', '10.5', ''),
);
const rows = fc.array(fc.record({ k: value, v: value }, { requiredKeys: ['v'] }), {
  maxLength: 30,
});

describe('operator invariants (fast-check)', () => {
  it('sort 0 returns the same rows, in order (spl-semantics.md: numbers first, then text)', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (input) => {
        const run = await runStages('| sort 0 v', input);
        const out = run.rows.map((r) => r.v as string);
        assert.deepEqual([...out].sort(), input.map((r) => r.v).sort());
        for (let i = 1; i < out.length; i++) {
          assert.ok(compareScalars(out[i - 1] as string, out[i] as string) <= 0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('stats count by k counts every event that has k once (spl-semantics.md null-drop rule)', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (input) => {
        const run = await runStages('| stats count by k', input);
        const total = run.rows.reduce((sum, r) => sum + Number(r.count), 0);
        assert.equal(total, input.filter((r) => r.k !== undefined).length);
        assert.equal(new Set(run.rows.map((r) => r.k)).size, run.rows.length);
      }),
      { numRuns: 40 },
    );
  });

  it('dedup k keeps the first event of each value and drops events without k', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (input) => {
        const run = await runStages('| dedup k', input);
        const firsts = input.filter(
          (r, i) => r.k !== undefined && input.findIndex((s) => s.k === r.k) === i,
        );
        assert.deepEqual(
          run.rows,
          firsts.map((r) => ({ ...r })),
        );
      }),
      { numRuns: 40 },
    );
  });
});
