import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runStages } from './harness';

describe('foreach', () => {
  it('runs the eval template once per matching field, with <<FIELD>> and <<MATCHSTR>>', async () => {
    // Search Reference, foreach: <<FIELD>> is the field name, <<MATCHSTR>> what the wildcard matched.
    const { rows, diagnostics } = await runStages(
      "| eval anomalies=\"\" | foreach stdev_* [ eval anomalies=if('<<MATCHSTR>>' > 'avg_<<MATCHSTR>>' + 3 * '<<FIELD>>', anomalies . \"<<MATCHSTR>> \", anomalies)]",
      [
        {
          logins: '50',
          avg_logins: '10',
          stdev_logins: '5',
          files: '12',
          avg_files: '10',
          stdev_files: '2',
        },
      ],
    );
    assert.deepEqual(diagnostics, []);
    assert.equal(rows[0]?.anomalies, 'logins ');
  });

  it('matches every field with * and MATCHSEG1 for the first wildcard', async () => {
    const { rows } = await runStages(
      '| foreach * [ eval <<FIELD>> = if(<<FIELD>>="null", null(), <<FIELD>>)] | foreach n_*_x [eval seg_<<MATCHSEG1>>=1]',
      [{ a: 'null', b: 'kept', n_q_x: 'v' }],
    );
    assert.deepEqual(rows, [{ b: 'kept', n_q_x: 'v', seg_q: '1' }]);
  });

  it('refuses modes and templates it cannot run', async () => {
    const mode = await runStages('| foreach mode=multivalue x [eval y=1]');
    assert.deepEqual(
      mode.diagnostics.map((d) => d.code),
      ['spl.engine.unsupported-option'],
    );
    const template = await runStages('| foreach x [stats count]');
    assert.match(template.diagnostics[0]?.message ?? '', /one eval command/);
  });
});
