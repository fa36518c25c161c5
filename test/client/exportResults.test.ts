import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { toCsv, toJson } from '../../client/src/results/exportResults';

test('CSV quotes commas, quotes and line breaks, puts multivalues one per line, ends lines CRLF', () => {
  const csv = toCsv(
    ['dest', 'cmd', 'tags'],
    [
      { dest: 'a,b', cmd: 'say "hi"', tags: ['x', 'y'] },
      { dest: 'c', cmd: '' },
    ],
  );
  assert.equal(csv, 'dest,cmd,tags\r\n"a,b","say ""hi""","x\ny"\r\nc,,\r\n');
  assert.deepEqual(parse(csv), [
    ['dest', 'cmd', 'tags'],
    ['a,b', 'say "hi"', 'x\ny'],
    ['c', '', ''],
  ]);
});

test('cells a spreadsheet would run as formulas are defused; numbers are left alone', () => {
  const csv = toCsv(
    ['v'],
    [{ v: '=HYPERLINK("http://x")' }, { v: '+1+cmd' }, { v: '@SUM(A1)' }, { v: '-12.5' }],
  );
  assert.deepEqual(parse(csv).slice(1), [
    ['\'=HYPERLINK("http://x")'],
    ["'+1+cmd"],
    ["'@SUM(A1)"],
    ['-12.5'],
  ]);
});

test('JSON has the shape of spl run --format json results', () => {
  const json = JSON.parse(toJson(['a'], [{ a: ['1', '2'] }]));
  assert.deepEqual(json, { fields: ['a'], results: [{ a: ['1', '2'] }] });
});
