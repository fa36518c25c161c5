import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConf } from '../../server/src/core/conf/readConf';

// spl-semantics.md "macros.conf (spec)": a value continues on the next line after a trailing
// backslash; the backslash goes and the line break stays.
test('a continued value joins its lines and maps every character back to the file', () => {
  const text = '[m]\r\ndefinition = a \\\r\n  b\r\n';
  const { stanzas, problems } = readConf(text);
  assert.deepEqual(problems, []);
  const setting = stanzas[0]!.settings.get('definition')!;
  assert.equal(setting.value, 'a \n  b');
  for (let i = 0; i < setting.value.length; i++) {
    if (setting.value[i] === '\n') continue;
    assert.equal(text[setting.toFile(i)], setting.value[i], `value offset ${i}`);
  }
  assert.equal(setting.valueRange.end.line, 2);
});

test('settings before any header form the implicit default stanza', () => {
  const { stanzas } = readConf('# c\nglobal = 1\n[a]\nx = 2\n');
  assert.deepEqual(
    stanzas.map((s) => [s.name, s.implicit, [...s.settings.keys()]]),
    [
      ['default', true, ['global']],
      ['a', false, ['x']],
    ],
  );
  assert.equal(readConf('[a]\nx = 1\n').stanzas.length, 1);
});

test('problems come back as data with their ranges; a broken header keeps the stanza before it', () => {
  const { stanzas, problems } = readConf('[ok]\njunk\n[broken\nA = 1\nA = 2\n = 3\n');
  assert.deepEqual(
    problems.map((p) => [p.kind, p.range.start.line, p.range.start.column, p.range.end.column]),
    [
      ['not-a-setting', 1, 0, 4],
      ['unclosed-header', 2, 0, 7],
      ['duplicate-key', 4, 0, 1],
      ['empty-key', 5, 1, 1],
    ],
  );
  assert.equal(stanzas.at(-1)?.name, 'ok');
  assert.equal(stanzas.at(-1)?.settings.get('A')?.value, '2');
  assert.equal(problems[2]?.stanza, 'ok');
});

test('header and key ranges point at the names', () => {
  const { stanzas } = readConf('  [ source::x ]\n  KEY = v\n');
  const stanza = stanzas[0]!;
  assert.deepEqual([stanza.nameRange.start.column, stanza.nameRange.end.column], [4, 13]);
  assert.deepEqual([stanza.headerRange.start.column, stanza.headerRange.end.column], [2, 15]);
  const key = stanza.settings.get('KEY')!;
  assert.deepEqual([key.keyRange.start.column, key.keyRange.end.column], [2, 5]);
  assert.deepEqual([key.valueRange.start.column, key.valueRange.end.column], [8, 9]);
});
