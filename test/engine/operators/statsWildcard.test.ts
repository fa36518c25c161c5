/**
 * Wildcard fields in stats aggregations (`values(*) as *`, `latest(*)`, `values(user.*) as u_*`).
 * Rule: Splunk Search Reference, "stats" (a `*` in an aggregation's field matches any run of
 * characters, each matching field is aggregated on its own; a `*` in the AS name takes what the
 * field's `*` matched). Tests marked "unverified choice" follow the reading the corpus detections
 * rely on, listed in server/src/core/engine/operators/statsColumns.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { buildPlan } from '../../../server/src/core/engine/plan/build';
import type { FieldValue } from '../../../server/src/core/engine/value';
import { expandMacros, loadMacroFiles } from '../../../server/src/core/macros';
import { parseSpl } from '../../../server/src/core/syntax';
import { readDetectionYaml } from '../../../server/src/core/syntax/documents';
import type { Diagnostic } from '../../../server/src/core/text/diagnostic';
import { codes, NOW, runStages } from './harness';

const events: Record<string, FieldValue>[] = [
  { _time: 300, _raw: 'a', user: 'bob', host: 'h1', action: 'allow' },
  { _time: 100, _raw: 'b', user: 'alice', host: 'h2', action: 'deny', port: '22' },
  { _time: 200, _raw: 'c', user: 'bob', host: 'h3', port: ['80', '443'] },
];

describe('stats with wildcard fields', () => {
  it('values(*) as * by user: one column per field, the by-field excluded', async () => {
    const run = await runStages('| stats values(*) as * by user', events);
    assert.deepEqual(run.diagnostics, []);
    assert.deepEqual(run.rows, [
      { user: 'alice', action: 'deny', host: 'h2', port: '22' },
      { user: 'bob', action: 'allow', host: ['h1', 'h3'], port: ['443', '80'] },
    ]);
  });

  it('latest(*) names each column latest(field) and takes the value at the latest _time', async () => {
    const run = await runStages('| stats latest(*)', events);
    assert.deepEqual(run.rows, [
      {
        'latest(action)': 'allow',
        'latest(host)': 'h1',
        'latest(port)': ['80', '443'],
        'latest(user)': 'bob',
      },
    ]);
  });

  it('a prefix pattern with a renaming AS puts what * matched into the new name', async () => {
    const input: Record<string, FieldValue>[] = [
      { 'userIdentity.type': 'IAMUser', 'userIdentity.arn': 'arn:1', eventName: 'A' },
      { 'userIdentity.type': 'Root', eventName: 'B' },
    ];
    const run = await runStages('| stats values(userIdentity.*) as user_* by eventName', input);
    assert.deepEqual(run.rows, [
      { eventName: 'A', user_arn: 'arn:1', user_type: 'IAMUser' },
      { eventName: 'B', user_type: 'Root' },
    ]);
  });

  it('dc(*) gives groups that never saw a field a 0 in its column (one column set)', async () => {
    const run = await runStages('| stats dc(*) by user', events);
    assert.deepEqual(run.rows, [
      { user: 'alice', 'dc(action)': '1', 'dc(host)': '1', 'dc(port)': '1' },
      { user: 'bob', 'dc(action)': '1', 'dc(host)': '2', 'dc(port)': '2' },
    ]);
    const sparse = await runStages('| stats dc(*) by user', [
      { user: 'a', x: '1' },
      { user: 'b', y: '2' },
    ]);
    assert.deepEqual(sparse.rows, [
      { user: 'a', 'dc(x)': '1', 'dc(y)': '0' },
      { user: 'b', 'dc(x)': '0', 'dc(y)': '1' },
    ]);
  });

  it('a pattern that matches no field adds no column and no message', async () => {
    const run = await runStages('| stats count values(nothing*) as n_* by user', events);
    assert.deepEqual(run.diagnostics, []);
    assert.deepEqual(run.rows, [
      { user: 'alice', count: '1' },
      { user: 'bob', count: '2' },
    ]);
  });

  // Unverified choice: `_` fields only match a pattern starting with `_`; a column that a plain
  // aggregation names keeps that aggregation's value (the corpus writes
  // `stats min(_time) as _time values(*) as *` and `min(firstTime) as firstTime values(*) AS *`).
  it('internal fields and explicitly named columns stay out of a bare * (unverified choice)', async () => {
    const run = await runStages(
      '| stats min(_time) as _time values(*) as * min(port) as port',
      events,
    );
    assert.deepEqual(run.rows, [
      {
        _time: '1970-01-01T00:01:40.000+00:00',
        action: ['allow', 'deny'],
        host: ['h1', 'h2', 'h3'],
        user: ['alice', 'bob'],
        port: '22',
      },
    ]);
    const internal = await runStages('| stats max(_*)', events);
    assert.deepEqual(internal.rows, [{ 'max(_raw)': 'c', 'max(_time)': '300' }]);
  });

  it('count(*) counts, per field, the events that have it (unverified choice)', async () => {
    const run = await runStages('| stats count(*)', events);
    assert.deepEqual(run.rows, [
      { 'count(action)': '2', 'count(host)': '3', 'count(port)': '2', 'count(user)': '3' },
    ]);
  });

  it('caps the expanded fields and says so once', async () => {
    const wide: Record<string, FieldValue>[] = [{ a1: '1', a2: '2', a3: '3' }, { a4: '4' }];
    const run = await runStages('| stats values(a*) as * count(b*)', wide, {
      limits: { maxWildcardFields: 2 },
    });
    assert.deepEqual(run.rows, [{ '1': '1', '2': '2' }]);
    assert.deepEqual(codes(run), ['spl.engine.limit.wildcard-fields']);
  });

  // Rule: SPL Search Reference, "rename": both names hold the same number of wildcards (applied
  // to stats' AS names as an unverified choice).
  it('refuses an AS name with another number of * at plan time', async () => {
    const alias = await runStages('| stats values(*) as everything', events);
    assert.deepEqual(codes(alias), ['spl.engine.wildcard-alias']);
    const twoStars = await runStages('| stats values(a*) as *_*', events);
    assert.deepEqual(codes(twoStars), ['spl.engine.wildcard-alias']);
  });
});

describe('corpus: windows_known_abused_dll_loaded_suspiciously', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const corpus = resolve(root, '../shared/corpus/security_content');
  const yaml = readFileSync(
    resolve(corpus, 'detections/endpoint/windows_known_abused_dll_loaded_suspiciously.yml'),
    'utf8',
  );
  const search = readDetectionYaml(yaml).search?.text ?? '';

  it('plans with no error (its `stats values(*) as * by ...` was refused before)', () => {
    const { index } = loadMacroFiles([resolve(corpus, 'macros')]);
    const expanded = expandMacros(search, index, {
      implicitFilterMacros: ['windows_known_abused_dll_loaded_suspiciously_filter'],
    });
    const diagnostics: Diagnostic[] = [];
    const evalContext = { now: NOW, timezone: 'UTC' };
    buildPlan(parseSpl(expanded.text).pipeline, { evalContext, diagnostics }, expanded.text);
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('its final stats merges the rows of one loaded DLL into one row of every field', async () => {
    const tail = search.slice(search.indexOf('| stats values(*)'), search.indexOf('| `'));
    assert.match(tail, /^\| stats values\(\*\) as \* by dest, process_name/);
    const loaded = {
      dest: 'ws01',
      process_name: 'app.exe',
      process: 'C:\\Users\\bob\\app.exe',
      process_guid: '{1}',
      loaded_file: 'version.dll',
      loaded_file_path: 'C:\\Users\\bob\\version.dll',
      islibrary: 'TRUE',
    };
    const run = await runStages(tail, [
      { ...loaded, user: 'bob', count: '2', firstTime: '100', lastTime: '300', desc: 'x' },
      { ...loaded, user: 'SYSTEM', count: '1', firstTime: '50', lastTime: '60', desc: 'x' },
    ]);
    assert.deepEqual(run.diagnostics, []);
    assert.deepEqual(run.rows, [
      {
        ...loaded,
        count: ['1', '2'],
        desc: 'x',
        firstTime: ['100', '50'],
        lastTime: ['300', '60'],
        user: ['SYSTEM', 'bob'],
      },
    ]);
  });
});
