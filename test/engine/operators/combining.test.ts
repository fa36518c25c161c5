import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { codes, runStages } from './harness';

const lookups = [resolve(import.meta.dirname, 'fixtures')];

describe('generating, lookup and subsearch operators', () => {
  it('makeresults gives count= rows holding _time (Search Reference, makeresults)', async () => {
    const run = await runStages('| makeresults count=2');
    assert.deepEqual(run.rows, [
      { _time: '2026-01-01T00:00:00.000+00:00' },
      { _time: '2026-01-01T00:00:00.000+00:00' },
    ]);
  });

  it('lookup OUTPUT adds columns; several matching rows give a multivalue field (Search Reference, lookup)', async () => {
    const run = await runStages(
      '| lookup users.csv user OUTPUT department',
      [{ user: 'alice' }, { user: 'bob' }, { user: 'eve' }],
      { lookupPaths: lookups },
    );
    assert.deepEqual(run.rows, [
      { user: 'alice', department: 'finance' },
      { user: 'bob', department: ['it', 'security'] },
      { user: 'eve' },
    ]);
  });

  it('lookup OUTPUTNEW leaves fields the row already has (Search Reference, lookup)', async () => {
    const run = await runStages(
      '| lookup users user AS who OUTPUTNEW department AS dept',
      [{ who: 'alice', dept: 'kept' }, { who: 'alice' }],
      { lookupPaths: lookups },
    );
    assert.deepEqual(run.rows, [
      { who: 'alice', dept: 'kept' },
      { who: 'alice', dept: 'finance' },
    ]);
  });

  it('finds a lookup through the <name>.yml that names its CSV, as security_content lays them out', async () => {
    const run = await runStages('| lookup staff user OUTPUT floor', [{ user: 'alice' }], {
      lookupPaths: lookups,
    });
    assert.deepEqual(run.rows, [{ user: 'alice', floor: '3' }]);
  });

  it('a missing lookup file is a message, and rows pass unchanged', async () => {
    const run = await runStages('| lookup nowhere.csv user', [{ user: 'a' }], {
      lookupPaths: lookups,
    });
    assert.deepEqual(run.rows, [{ user: 'a' }]);
    assert.deepEqual(codes(run), ['spl.engine.lookup']);
  });

  it('a lookup named by a path is refused: lookups are read from the lookup folders only', async () => {
    // fixtures/users.csv exists, but reached through a path from a lookup folder below it.
    const below = [resolve(import.meta.dirname, 'fixtures', 'none')];
    for (const table of ['../users.csv', '..\\users.csv', 'fixtures/users.csv']) {
      const run = await runStages(`| inputlookup ${table}`, [], { lookupPaths: below });
      assert.deepEqual(run.rows, [], table);
      assert.match(
        run.diagnostics.map((d) => d.message).join('\n'),
        /is a path; name a lookup by its file/,
      );
    }
  });

  it('inputlookup reads the table, filtered with search semantics (Search Reference, inputlookup)', async () => {
    const run = await runStages('| inputlookup users.csv where floor>1', [], {
      lookupPaths: lookups,
    });
    assert.deepEqual(run.rows, [
      { user: 'alice', department: 'finance', floor: '3' },
      { user: 'bob', department: 'security', floor: '2' },
    ]);
  });

  it('append adds the subsearch rows after the input rows (Search Reference, append)', async () => {
    const run = await runStages('| append [| makeresults | eval x="sub" | fields - _time]', [
      { x: 'main' },
    ]);
    assert.deepEqual(run.rows, [{ x: 'main' }, { x: 'sub' }]);
  });

  it('join is inner by default and max=1 (spl-semantics.md "Transforming and other commands")', async () => {
    const sub =
      '[| makeresults count=2 | streamstats count as n | eval k=if(n=1, "a", "a"), v=n | fields - _time, n]';
    const inner = await runStages(`| join k ${sub}`, [{ k: 'a' }, { k: 'b' }]);
    assert.deepEqual(inner.rows, [{ k: 'a', v: '1' }]);
    const all = await runStages(`| join type=left max=0 k ${sub}`, [{ k: 'a' }, { k: 'b' }]);
    assert.deepEqual(all.rows, [{ k: 'a', v: '1' }, { k: 'a', v: '2' }, { k: 'b' }]);
  });

  it('a subsearch term runs first and becomes field=value terms (spl-semantics.md "The search command")', async () => {
    const run = await runStages('| search [| makeresults | eval user="bob" | fields user]', [
      { user: 'alice' },
      { user: 'bob' },
    ]);
    assert.deepEqual(run.rows, [{ user: 'bob' }]);
  });

  it('a subsearch with no results matches no event (spl-semantics.md "The search command")', async () => {
    const run = await runStages('| search [| makeresults | where 1=2]', [{ user: 'alice' }]);
    assert.deepEqual(run.rows, []);
    assert.deepEqual(codes(run), ['spl.engine.term-never-matched']);
  });

  it('a subsearch result beyond the subsearch limit is cut and reported (spl-semantics.md: 10,000 by default)', async () => {
    const run = await runStages('| append [| makeresults count=5]', [], {
      limits: { subsearchMaxResults: 3 },
    });
    assert.equal(run.rows.length, 3);
    assert.deepEqual(codes(run), ['spl.engine.limit.subsearch-results']);
  });
});
