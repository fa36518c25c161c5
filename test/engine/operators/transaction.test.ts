import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { ResultRecord } from '../../../server/src/core/engine/results';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { codes, runStages } from './harness';

// The rules come from Splunk's Search Reference, transaction (help.splunk.com
// spl-search-reference/10.0/search-commands/transaction); ../shared/reference/spl-semantics.md
// does not cover transaction. Rules marked "unverified" are our reading, not confirmed there.

const repoRoot = resolve(__dirname, '../../..');

type Input = Record<string, FieldValue>[];

async function transactions(spl: string, input: Input): Promise<ResultRecord[]> {
  const run = await runStages(spl, input);
  assert.deepEqual(codes(run), []);
  return run.rows;
}

/** Each transaction as its sorted `_raw` lines, oldest transaction first. */
function groups(rows: readonly ResultRecord[]): string[][] {
  return rows.map((row) => String(row._raw).split('\n')).reverse();
}

describe('transaction grouping', () => {
  const logins: Input = [
    { _time: 100, user: 'alice', action: 'login', _raw: 'a1' },
    { _time: 160, user: 'bob', action: 'login', _raw: 'b1' },
    { _time: 130, user: 'alice', action: 'logout', _raw: 'a2' },
    { _time: 190, user: 'alice', action: 'login', _raw: 'a3' },
  ];

  it('groups events by the field and builds the output row', async () => {
    // Search Reference, transaction: _time of the earliest event, duration from first to last
    // event, eventcount, _raw of the members, other fields as the union of the members' values.
    const rows = await transactions('| transaction user', logins);
    assert.equal(rows.length, 2);
    const alice = rows.find((row) => row.user === 'alice');
    assert.deepEqual(alice, {
      _time: '1970-01-01T00:01:40.000+00:00',
      user: 'alice',
      action: ['login', 'logout'],
      _raw: 'a1\na2\na3',
      duration: '90',
      eventcount: '3',
    });
  });

  it('outputs the newest transaction first (unverified)', async () => {
    const rows = await transactions('| transaction user', logins);
    assert.deepEqual(
      rows.map((row) => row.user),
      ['bob', 'alice'],
    );
  });

  it('groups by two fields: an event joins only the transaction with both its values', async () => {
    // Search Reference, transaction: with two fields, one transaction per combination of values.
    const rows = await transactions('| transaction ObjectDN AttributeValue', [
      { _time: 1, ObjectDN: 'cn=x', AttributeValue: 'v1', _raw: 'x1' },
      { _time: 2, ObjectDN: 'cn=x', AttributeValue: 'v2', _raw: 'x2' },
      { _time: 3, ObjectDN: 'cn=x', AttributeValue: 'v1', _raw: 'x3' },
      { _time: 4, ObjectDN: 'cn=y', AttributeValue: 'v1', _raw: 'y1' },
    ]);
    assert.deepEqual(groups(rows), [['x1', 'x3'], ['x2'], ['y1']]);
  });

  it('connected=true joins an event with one of the values (the transitive rule)', async () => {
    // Search Reference, transaction, connected: an event joins when it shares a value already in
    // the transaction and contradicts none.
    const rows = await transactions('| transaction host session', [
      { _time: 1, host: 'h', _raw: 'only-host' },
      { _time: 2, host: 'h', session: 's', _raw: 'both' },
      { _time: 3, session: 's', _raw: 'only-session' },
    ]);
    assert.deepEqual(groups(rows), [['only-host', 'both', 'only-session']]);
  });

  it('connected=true opens a new transaction for an event sharing no value', async () => {
    // Search Reference, transaction, connected: none of the event's fields in the transaction
    // opens a new one when connected=true, adds it when connected=false.
    const input: Input = [
      { _time: 1, host: 'h', _raw: 'host' },
      { _time: 2, session: 's', _raw: 'session' },
    ];
    assert.equal((await transactions('| transaction host session', input)).length, 2);
    const loose = await transactions('| transaction host session connected=false', input);
    assert.deepEqual(groups(loose), [['host', 'session']]);
  });

  it('drops events with none of the fields (unverified)', async () => {
    const rows = await transactions('| transaction user', [
      { _time: 1, user: 'a', _raw: 'a' },
      { _time: 2, _raw: 'no user' },
    ]);
    assert.deepEqual(groups(rows), [['a']]);
  });
});

describe('transaction limits', () => {
  const times = (...seconds: number[]): Input =>
    seconds.map((second) => ({ _time: second, user: 'u', _raw: String(second) }));

  it('maxspan splits when first to last event would exceed the span', async () => {
    // Search Reference, transaction, maxspan: the events of a transaction span at most maxspan.
    const rows = await transactions('| transaction user maxspan=2m', times(0, 60, 150));
    assert.deepEqual(groups(rows), [['0'], ['60', '150']]);
  });

  it('maxpause splits at a gap longer than the pause', async () => {
    // Search Reference, transaction, maxpause: no pause between events longer than maxpause.
    const rows = await transactions('| transaction user maxpause=5m', times(0, 200, 600));
    assert.deepEqual(groups(rows), [['0', '200'], ['600']]);
  });

  it('maxevents caps the events of one transaction', async () => {
    // Search Reference, transaction, maxevents: the most events one transaction holds.
    const rows = await transactions('| transaction user maxevents=2', times(1, 2, 3));
    assert.deepEqual(groups(rows), [['1'], ['2', '3']]);
  });

  it('keeps splitting right past the point where expired transactions are closed early', async () => {
    const input: Input = Array.from({ length: 3000 }, (_, i) => ({ _time: i, user: `u${i % 3}` }));
    const rows = await transactions('| transaction user maxspan=299s', input);
    assert.equal(rows.length, 30);
    assert.ok(rows.every((row) => row.eventcount === '100' && row.duration === '297'));
  });

  it('reports rows without _time and leaves them out', async () => {
    const run = await runStages('| transaction user', [{ user: 'u', _raw: 'x' }, ...times(5)]);
    assert.deepEqual(codes(run), ['spl.engine.transaction-untimed']);
    assert.equal(run.rows.length, 1);
  });

  it('stops reading at the buffered-rows limit and says so', async () => {
    const run = await runStages('| transaction user', times(1, 2, 3), {
      limits: { maxBufferedRows: 2 },
    });
    assert.deepEqual(codes(run), ['spl.engine.limit.buffered-rows']);
    assert.equal(run.rows[0]?.eventcount, '2');
  });
});

describe('transaction startswith and endswith', () => {
  const tasks: Input = [
    { _time: 100, Task_Name: 'A', EventCode: '4698', _raw: 'A created' },
    { _time: 110, Task_Name: 'A', EventCode: '4699', _raw: 'A deleted' },
    { _time: 120, Task_Name: 'B', EventCode: '4699', _raw: 'B deleted' },
    { _time: 130, Task_Name: 'C', EventCode: '4698', _raw: 'C created' },
  ];
  const paired = '| transaction Task_Name startswith=(EventCode=4698) endswith=(EventCode=4699)';

  it('keeps transactions that run from a start event to an end event', async () => {
    // Search Reference, transaction, startswith/endswith: the events that open and close a
    // transaction. A transaction without its start is evicted, and with endswith an event
    // before any end event is an orphan (both unverified).
    const rows = await transactions(paired, tasks);
    assert.deepEqual(groups(rows), [['A created', 'A deleted']]);
  });

  it('keepevicted=true keeps evicted transactions with closed_txn=0', async () => {
    // Search Reference, transaction, keepevicted: closed_txn tells closed (1) from evicted (0).
    const rows = await transactions(`${paired} keepevicted=true`, tasks);
    assert.deepEqual(
      rows.map((row) => [row.Task_Name, row.closed_txn]),
      [
        ['B', '0'],
        ['A', '1'],
      ],
    );
  });

  it('startswith alone: a group that never meets its start is evicted', async () => {
    // Search Reference, transaction, keepevicted: evicted transactions are dropped unless kept.
    const input: Input = [
      { _time: 1, user: 'u', EventCode: '4781', _raw: 'rename' },
      { _time: 2, user: 'u', EventCode: '1', _raw: 'later' },
      { _time: 3, user: 'v', EventCode: '1', _raw: 'never started' },
    ];
    const spl = '| transaction user startswith=(EventCode=4781)';
    assert.deepEqual(groups(await transactions(spl, input)), [['rename', 'later']]);
    const kept = await transactions(`${spl} keepevicted=true`, input);
    assert.deepEqual(groups(kept), [['rename', 'later'], ['never started']]);
  });

  it('drops events that come before any end event of their group (unverified)', async () => {
    const rows = await transactions('| transaction Task_Name endswith=(EventCode=4699)', [
      { _time: 1, Task_Name: 'A', EventCode: '4698', _raw: 'start' },
      { _time: 2, Task_Name: 'A', EventCode: '4699', _raw: 'end' },
      { _time: 3, Task_Name: 'A', EventCode: '4698', _raw: 'after the end' },
    ]);
    assert.deepEqual(groups(rows), [['start', 'end']]);
  });

  it('reads quoted values and two terms', async () => {
    const rows = await transactions(
      '| transaction ObjectDN startswith=(EventCode=5136 OperationType="%%14674") ' +
        'endswith=(EventCode=5136 OperationType="%%14675")',
      [
        { _time: 1, ObjectDN: 'o', EventCode: '5136', OperationType: '%%14674', _raw: 'add' },
        { _time: 2, ObjectDN: 'o', EventCode: '4662', OperationType: '%%14675', _raw: 'other' },
        { _time: 3, ObjectDN: 'o', EventCode: '5136', OperationType: '%%14675', _raw: 'delete' },
      ],
    );
    assert.deepEqual(groups(rows), [['add', 'other', 'delete']]);
  });

  it('takes a quoted search and eval(...)', async () => {
    // Search Reference, transaction: startswith/endswith take a search or eval expression.
    const input: Input = [
      { _time: 1, user: 'u', n: '1', _raw: 'first' },
      { _time: 2, user: 'u', n: '5', _raw: 'second' },
    ];
    const quoted = await transactions('| transaction user startswith="n=5"', input);
    assert.deepEqual(groups(quoted), [['second']]);
    const evaluated = await transactions('| transaction user startswith=eval(n<3)', input);
    assert.deepEqual(groups(evaluated), [['first', 'second']]);
  });

  it('reports invalid options at planning', async () => {
    const run = await runStages('| transaction user maxspan=soon startswith=(a=) maxopentxn=5');
    assert.deepEqual(codes(run).sort(), [
      'spl.engine.invalid-option',
      'spl.engine.invalid-option',
      'spl.engine.unsupported-option',
    ]);
  });
});

describe('transaction in a corpus detection', () => {
  it("runs short_lived_scheduled_task's transaction stages", async () => {
    const file = resolve(
      repoRoot,
      '../shared/corpus/security_content/detections/endpoint/short_lived_scheduled_task.yml',
    );
    const search = String((parse(readFileSync(file, 'utf8')) as { search: string }).search);
    const stages = search.slice(search.indexOf('| transaction'), search.indexOf('| rename'));
    const rows = await transactions(stages, [
      { _time: 100, Task_Name: 'quick', EventCode: '4698', _raw: 'q1' },
      { _time: 110, Task_Name: 'quick', EventCode: '4699', _raw: 'q2' },
      { _time: 100, Task_Name: 'slow', EventCode: '4698', _raw: 's1' },
      { _time: 200, Task_Name: 'slow', EventCode: '4699', _raw: 's2' },
    ]);
    assert.deepEqual(
      rows.map((row) => [row.Task_Name, row.duration, row.short_lived]),
      [['quick', '10', 'TRUE']],
    );
  });
});
