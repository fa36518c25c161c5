import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConf } from '../../../server/src/core/engine/fields/confFile';

describe('parseConf', () => {
  it('reads stanzas, settings, comments and continued lines', () => {
    const text = [
      '# comment',
      'global = 1',
      '[alpha]',
      'KEY = some value  ',
      '  # indented comment',
      'LONG = first \\',
      'second',
      '[source::...\\app\\*.log]',
      'X=y',
    ].join('\n');
    const { conf, diagnostics } = parseConf('props.conf', text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      conf.stanzas.map((s) => [s.name, [...s.settings.values()].map((v) => [v.key, v.value])]),
      [
        ['default', [['global', '1']]],
        [
          'alpha',
          [
            ['KEY', 'some value'],
            ['LONG', 'first \nsecond'],
          ],
        ],
        ['source::...\\app\\*.log', [['X', 'y']]],
      ],
    );
    const key = conf.stanzas[1]!.settings.get('KEY')!;
    assert.deepEqual(
      [key.valueRange.start.line, key.valueRange.start.column, key.valueRange.end.column],
      [3, 6, 16],
    );
  });

  it('reports lines it cannot read, with their range, and keeps going', () => {
    const { conf, diagnostics } = parseConf(
      't.conf',
      '[ok]\nthis is not a setting\n[broken\nA = 1\nA = 2\n',
    );
    assert.deepEqual(
      diagnostics.map((d) => [
        d.file,
        d.code,
        d.severity,
        d.range.start.line,
        d.range.start.column,
        d.range.end.column,
      ]),
      [
        ['t.conf', 'conf-syntax', 'error', 1, 0, 21],
        ['t.conf', 'conf-syntax', 'error', 2, 0, 7],
        ['t.conf', 'conf-duplicate', 'warning', 4, 0, 1],
      ],
    );
    assert.equal(conf.stanzas.at(-1)?.settings.get('A')?.value, '2');
  });
});
