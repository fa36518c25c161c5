import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  carryViewState,
  cellText,
  nextSort,
  TableModel,
  visibleWindow,
} from '../../client/webview/model/tableModel';

const rows: Record<string, string | string[]>[] = [
  { host: 'b', n: '10', tags: ['x', 'Alpha'] },
  { host: 'A', n: '9' },
  { host: 'c', n: 'n/a' },
  { host: 'd', n: '' },
  { host: 'e', n: '-1.5' },
];
const model = new TableModel(['host', 'n', 'tags'], rows);

test('a multivalue cell shows one value per line', () => {
  assert.equal(cellText(['a', 'b']), 'a\nb');
  assert.equal(cellText(undefined), '');
});

test('sorting puts numbers (as numbers) before text and empty cells last, both ways', () => {
  // ../shared/reference/spl-semantics.md, sort: "order numeric, then IP, then lexicographic"
  // (lexicographic: by code unit, so upper case before lower case).
  assert.deepEqual(
    model.view({ filter: '', sort: { field: 'n', direction: 'asc' } }),
    [4, 1, 0, 2, 3],
  );
  assert.deepEqual(
    model.view({ filter: '', sort: { field: 'n', direction: 'desc' } }),
    [2, 0, 1, 4, 3],
  );
  assert.deepEqual(
    model.view({ filter: '', sort: { field: 'host', direction: 'asc' } }),
    [1, 0, 2, 3, 4],
  );
  const text = new TableModel(['h'], [{ h: 'b' }, { h: 'B' }, { h: 'a10' }, { h: 'a9' }]);
  assert.deepEqual(text.view({ filter: '', sort: { field: 'h', direction: 'asc' } }), [1, 2, 3, 0]);
});

test('the filter matches any cell, case-insensitively, including multivalue values', () => {
  assert.deepEqual(model.view({ filter: 'ALPHA' }), [0]);
  assert.deepEqual(model.view({ filter: '  9 ' }), [1]);
  assert.deepEqual(model.view({ filter: 'zzz' }), []);
  assert.deepEqual(model.view({ filter: '' }), [0, 1, 2, 3, 4]);
});

test('filter and sort combine, and equal keys keep the run order', () => {
  const same = new TableModel(
    ['k', 'i'],
    [
      { k: '1', i: 'a' },
      { k: '0', i: 'b' },
      { k: '1', i: 'c' },
    ],
  );
  assert.deepEqual(same.view({ filter: '', sort: { field: 'k', direction: 'desc' } }), [0, 2, 1]);
  assert.deepEqual(same.view({ filter: 'c', sort: { field: 'k', direction: 'asc' } }), [2]);
});

test('header clicks cycle ascending, descending, run order', () => {
  const asc = nextSort(undefined, 'n');
  assert.deepEqual(asc, { field: 'n', direction: 'asc' });
  const desc = nextSort(asc, 'n');
  assert.deepEqual(desc, { field: 'n', direction: 'desc' });
  assert.equal(nextSort(desc, 'n'), undefined);
  assert.deepEqual(nextSort(desc, 'host'), { field: 'host', direction: 'asc' });
});

test('a re-run keeps sort and filter only when the columns stay', () => {
  const state = { filter: 'x', sort: { field: 'n', direction: 'asc' as const } };
  assert.deepEqual(carryViewState(['host', 'n'], ['host', 'n'], state), state);
  assert.deepEqual(carryViewState(['host', 'n'], ['n', 'host'], state), { filter: '' });
  assert.deepEqual(carryViewState(undefined, ['host'], state), { filter: 'x' });
  assert.deepEqual(carryViewState(undefined, ['n'], state), state);
});

test('the visible window covers the viewport plus overscan and stays within the rows', () => {
  assert.deepEqual(visibleWindow(0, 220, 22, 10_000, 5), { start: 0, end: 16 });
  assert.deepEqual(visibleWindow(22 * 1000, 220, 22, 10_000, 5), { start: 995, end: 1016 });
  assert.deepEqual(visibleWindow(22 * 9_999, 220, 22, 10_000, 5), { start: 9994, end: 10_000 });
  assert.deepEqual(visibleWindow(0, 220, 22, 3, 5), { start: 0, end: 3 });
  assert.deepEqual(visibleWindow(-50, 0, 0, 0), { start: 0, end: 0 });
});
