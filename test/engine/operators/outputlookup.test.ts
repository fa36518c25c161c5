import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runStages } from './harness';

describe('outputlookup', () => {
  it('passes its rows on unchanged and says it wrote nothing', async () => {
    // Search Reference, outputlookup: the command writes the results and returns them as they are.
    const input = [{ user: 'bob' }, { user: 'alice' }];
    const { rows, diagnostics } = await runStages(
      '| outputlookup append=true seen_users.csv | eval n=1',
      input,
    );
    assert.deepEqual(rows, [
      { user: 'bob', n: '1' },
      { user: 'alice', n: '1' },
    ]);
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.code, d.message]),
      [
        [
          'info',
          'spl.engine.outputlookup-not-written',
          "outputlookup passed its 2 rows on without writing 'seen_users.csv': local runs never change lookup files.",
        ],
      ],
    );
  });

  it('refuses options that would change the rows', async () => {
    const { diagnostics } = await runStages('| outputlookup output_format=splunk_mv_csv x.csv');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['spl.engine.unsupported-option'],
    );
  });
});
