import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runStages } from './harness';

describe('replace and addtotals', () => {
  it('replace changes whole values, wildcards carry over, in limits the fields', async () => {
    // Search Reference, replace: `old with new` pairs; `*` in new takes what `*` in old matched.
    const { rows, diagnostics } = await runStages(
      '| replace "::ffff:*" with * , "%%8448" with "Success removed" in src, op',
      [
        { src: '::ffff:10.0.0.1', op: '%%8448', other: '::ffff:1.1.1.1' },
        { src: 'x::ffff:1', op: '%%8448 ' },
      ],
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(rows, [
      { src: '10.0.0.1', op: 'Success removed', other: '::ffff:1.1.1.1' },
      { src: 'x::ffff:1', op: '%%8448 ' },
    ]);
  });

  it('replace without in changes every field; a malformed call is refused', async () => {
    const { rows } = await runStages('| replace a* with b*', [{ x: 'abc', y: ['ax', 'q'] }]);
    assert.deepEqual(rows, [{ x: 'bbc', y: ['bx', 'q'] }]);
    const bad = await runStages('| replace a* b*');
    assert.deepEqual(
      bad.diagnostics.map((d) => d.code),
      ['spl.engine.missing-argument'],
    );
  });

  it('addtotals sums the numeric values of the listed fields into fieldname', async () => {
    // Search Reference, addtotals: the row total goes to fieldname (default Total).
    const { rows } = await runStages('| addtotals fieldname=Score, a, b* | addtotals', [
      { a: '1', b1: '2.5', b2: 'x', c: '100' },
      { c: 'text' },
    ]);
    assert.deepEqual(rows, [
      { a: '1', b1: '2.5', b2: 'x', c: '100', Score: '3.5', Total: '107' },
      { c: 'text' },
    ]);
  });
});
