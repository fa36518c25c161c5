import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareRows, rowFromServer, type ComparableRow } from '../../server/src/splunk';

describe('rowFromServer', () => {
  it("keeps the user's fields as text, drops Splunk's bookkeeping fields but not _time and _raw", () => {
    const row = rowFromServer({
      _bkt: 'main~1~X',
      _cd: '1:2',
      _si: ['idx', 'main'],
      _time: '2024-01-01T00:00:00.000+00:00',
      _raw: '<Event/>',
      count: 3,
      ok: true,
      user: ['alice', 'bob'],
      single: ['only'],
      gone: null,
    });
    assert.deepEqual(row, {
      _time: '2024-01-01T00:00:00.000+00:00',
      _raw: '<Event/>',
      count: '3',
      ok: 'true',
      user: ['alice', 'bob'],
      single: 'only',
    });
  });
});

describe('compareRows', () => {
  it("matches _time by instant: the server writes it in the user's time zone, the local run in UTC", () => {
    const local: ComparableRow[] = [{ _time: '2024-05-01T12:00:00.000+00:00', user: 'a' }];
    const server: ComparableRow[] = [
      { _time: '2024-05-01T14:00:00.000+02:00', user: 'a' },
      { _time: '2024-05-01T12:00:01.000+00:00', user: 'a' },
    ];
    const comparison = compareRows(local, server);
    assert.equal(comparison.inBoth, 1);
    assert.deepEqual(comparison.onlyServer, [server[1]]);
  });

  it('matches rows as multisets over the fields both sides have', () => {
    const local: ComparableRow[] = [
      { host: 'a', n: '1', localOnly: 'x' },
      { host: 'a', n: '1', localOnly: 'y' },
      { host: 'b', n: '2' },
    ];
    const server: ComparableRow[] = [
      { host: 'a', n: '1', _time: 't' },
      { host: 'c', n: '3' },
    ];
    const result = compareRows(local, server);
    assert.deepEqual(result.fields, ['host', 'n']);
    assert.equal(result.inBoth, 1);
    // The duplicate local row finds only one server partner.
    assert.deepEqual(result.onlyLocal, [
      { host: 'a', n: '1', localOnly: 'y' },
      { host: 'b', n: '2' },
    ]);
    assert.deepEqual(result.onlyServer, [{ host: 'c', n: '3' }]);
    assert.deepEqual(result.localOnlyFields, ['localOnly']);
    assert.deepEqual(result.serverOnlyFields, ['_time']);
  });

  it('compares multivalue fields in order, an absent field apart from an empty one', () => {
    const result = compareRows(
      [{ u: ['a', 'b'] }, { u: ['x'] }, { u: '' }, { v: '1' }],
      [{ u: ['b', 'a'] }, { u: 'x' }, { v: '1' }, { u: '', v: '1' }],
      ['u'],
    );
    assert.deepEqual(result.fields, ['u']);
    assert.deepEqual(result.onlyLocal, [{ u: ['a', 'b'] }]);
    assert.deepEqual(result.onlyServer, [{ u: ['b', 'a'] }]);
    assert.equal(result.inBoth, 3);
  });

  it('finds identical sides identical', () => {
    const rows = [{ a: '1' }, { a: '1' }];
    const result = compareRows(rows, rows);
    assert.equal(result.inBoth, 2);
    assert.deepEqual([result.onlyLocal, result.onlyServer], [[], []]);
  });
});
