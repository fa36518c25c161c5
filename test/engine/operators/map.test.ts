import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { substituteTokens } from '../../../server/src/core/engine/operators/map';
import { runSearch, type RunResult } from '../../../server/src/core/engine/run';
import { loadMacroFiles } from '../../../server/src/core/macros';
import { codes, runStages } from './harness';

const ROOT = resolve(import.meta.dirname, '../../..');
const EVENTS = join(ROOT, 'sample-data/events');
const macroIndex = loadMacroFiles([join(ROOT, 'sample-data/macros')]).index;

/** Runs over the 20 sample Sysmon events (4 EventCode 1, 7 EventCode 15, 1 EventCode 11). */
function runOnSample(text: string, limits = {}): Promise<RunResult> {
  return runSearch({ text, datasets: [{ path: EVENTS }], macroIndex, now: 1_767_225_600, limits });
}

/** Three rows whose `code` is 1, 15 and 11, in that order. */
const CODES =
  '| makeresults count=3 | streamstats count as n | eval code=case(n=1, 1, n=2, 15, n=3, 11)';

describe('map', () => {
  it('runs the search once per input row with $field$ replaced, and returns only its rows', async () => {
    // Search Reference, map: the search runs for each input result; `$count$` takes the value of
    // the count field of that result; the output is the searches' results.
    const run = await runOnSample(
      `${CODES} | map search="search EventCode=$code$ | stats count by EventCode"`,
    );
    assert.deepEqual(
      run.messages.filter((m) => m.severity !== 'info'),
      [],
    );
    assert.deepEqual(run.results, [
      { EventCode: '1', count: '4' },
      { EventCode: '15', count: '7' },
      { EventCode: '11', count: '1' },
    ]);
    assert.deepEqual(run.stages.map((s) => [s.command, s.in, s.out]).at(-1), ['map', 3, 3]);
  });

  it('starts the search with an implicit search and expands macros inside it', async () => {
    // spl-semantics.md "Lexical": a search's first stage is an implicit search; macros in quoted
    // strings are not expanded by the outer search, so map's search expands its own.
    const run = await runOnSample(
      `${CODES} | head 1 | map search="\`sysmon\` EventCode=$code$ | stats count"`,
    );
    assert.deepEqual(run.results, [{ count: '4' }]);
  });

  it('stops at maxsearches (default 10) and warns about the rows it did not search', async () => {
    // Search Reference, map: maxsearches defaults to 10, and a message is generated when there
    // are more results than searches allowed.
    const run = await runStages(
      '| makeresults count=12 | streamstats count as n | map search="| makeresults | eval n=$n$"',
    );
    assert.deepEqual(
      run.rows.map((row) => row.n),
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
    assert.deepEqual(codes(run), ['spl.engine.limit.map-searches']);
    assert.match(run.diagnostics[0]?.message ?? '', /ran 10 searches .*other 2 input rows/);

    const two = await runStages(
      '| makeresults count=3 | streamstats count as n | map maxsearches=2 search="| makeresults | eval n=$n$, serial=$_serial_id$"',
    );
    assert.deepEqual(
      two.rows.map((row) => [row.n, row.serial]),
      [
        ['1', '1'],
        ['2', '2'],
      ],
    );
    assert.deepEqual(codes(two), ['spl.engine.limit.map-searches']);
  });

  it('leaves the token of a field the row lacks as written (unverified)', async () => {
    // Not documented (Search Reference, map, "Variable for field names" covers fields present);
    // the token stays, so the search looks for the literal text.
    const row = new Map([['user', 'alice']]);
    assert.equal(
      substituteTokens('search user=$user$ host=$host$ $$', row, 1),
      'search user=alice host=$host$ $$',
    );
    const run = await runStages(
      '| makeresults | map search="| makeresults | eval missing=\\"$nothere$\\""',
    );
    assert.deepEqual(
      run.rows.map((r) => r.missing),
      ['$nothere$'],
    );
  });

  it('substitutes values as plain text, without quotes, multivalues joined by spaces', () => {
    // Search Reference, map: `earliest=$myearliest$` needs the bare value.
    const row = new Map<string, string | string[]>([
      ['path', 'C:\\Temp\\a b.exe'],
      ['codes', ['1', '15']],
    ]);
    assert.equal(
      substituteTokens('Image="$path$" EventCode IN ($codes$)', row, 1),
      'Image="C:\\Temp\\a b.exe" EventCode IN (1 15)',
    );
  });

  it('reports a syntax error in the substituted search at the map command and goes on', async () => {
    const text = `${CODES} | map search="search EventCode=$code$ | eval x=("`;
    const run = await runOnSample(text);
    assert.deepEqual(run.results, []);
    const errors = run.messages.filter((m) => m.severity === 'error');
    assert.equal(errors.length, 3);
    const mapStart = text.indexOf('map search');
    for (const error of errors) {
      assert.equal(error.range?.start.offset, mapStart);
      assert.match(error.message, /^In map's search 'search EventCode=(1|15|11) \| eval x=\(':/);
    }
  });

  it('reports a macro the substituted search calls but no file defines', async () => {
    const run = await runOnSample(`${CODES} | head 1 | map search="\`nowhere\` EventCode=$code$"`);
    assert.deepEqual(run.results, []);
    assert.ok(run.messages.some((m) => m.code === 'spl.macro.undefined'));
  });

  it('runs inside appendpipe over the rows before it (the corpus pattern)', async () => {
    // Search Reference, appendpipe and map: the rows pass through, then map runs one search per
    // row and its results are appended; as in windows_ad_replication_request_initiated_by_user_account.yml.
    const run = await runOnSample(
      'EventCode=15 Image="*\\\\rp.exe" | stats count by ProcessGuid ' +
        '| appendpipe [| map search="search EventCode=1 ProcessGuid=$ProcessGuid$ | table ProcessGuid Image"]',
    );
    assert.deepEqual(
      run.messages.filter((m) => m.severity !== 'info'),
      [],
    );
    assert.equal(run.results.length, 2);
    const [summary, process] = run.results;
    assert.equal(summary?.count, '1');
    assert.equal(process?.ProcessGuid, summary?.ProcessGuid);
    assert.equal(process?.Image, 'C:\\Users\\jdoe\\Downloads\\rp.exe');
  });

  it('credits its rows with no input events: they come from the searches it runs', async () => {
    // A row out of map is not made from the row map pulled; crediting it with that row's event
    // would show the wrong event behind it.
    const run = await runSearch({
      text: 'EventCode=15 Image="*\\\\rp.exe" | map search="search EventCode=1 ProcessGuid=$ProcessGuid$"',
      datasets: [{ path: EVENTS }],
      details: {},
    });
    assert.equal(run.results.length, 1);
    assert.equal(run.results[0]?.EventCode, '1');
    assert.deepEqual(run.details?.rowEvents, [[]]);
  });

  it('refuses a saved search, a bad maxsearches and a missing search before running', async () => {
    assert.deepEqual(codes(await runStages('| map my_saved_search')), [
      'spl.engine.unsupported-argument',
    ]);
    assert.deepEqual(codes(await runStages('| map search="| makeresults" maxsearches=-1')), [
      'spl.engine.invalid-option',
    ]);
    assert.deepEqual(codes(await runStages('| map maxsearches=2')), [
      'spl.engine.missing-argument',
    ]);
  });

  it('takes the search from brackets: map [search ...]', async () => {
    const run = await runOnSample(`${CODES} | map [search EventCode=$code$ | stats count]`);
    assert.deepEqual(
      run.results.map((r) => r.count),
      ['4', '7', '1'],
    );
  });
});
