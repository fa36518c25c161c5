import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSpl, type Stage } from '../../server/src/core/syntax/index';
import { readCorpus } from './corpusFiles';

const corpus = readCorpus();

function lastStage(stages: readonly Stage[]): Stage | undefined {
  return stages[stages.length - 1];
}

test('every detection search of the security_content corpus parses without a syntax error', () => {
  assert.equal(corpus.files, 1711);
  // Two deprecated files have a multi-line single-quoted scalar that breaks the YAML itself.
  assert.deepEqual(corpus.invalidYaml, [
    'deprecated/okta_threatinsight_login_failure_with_high_unknown_users.yml',
    'deprecated/okta_threatinsight_suspected_passwordspray_attack.yml',
  ]);
  const failures: string[] = [];
  let filterMacros = 0;
  let stages = 0;
  for (const { file, search } of corpus.searches) {
    const result = parseSpl(search);
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error')
        failures.push(`${file}:${diagnostic.range.start.offset} ${diagnostic.message}`);
      assert.ok(diagnostic.range.end.offset <= search.length, file);
    }
    stages += result.pipeline.stages.length;
    const last = lastStage(result.pipeline.stages);
    if (last?.kind === 'macroStage' && last.macro.name.endsWith('_filter')) filterMacros++;
  }
  console.log(
    `parsed ${corpus.searches.length} corpus searches (${stages} stages); ${failures.length} syntax errors`,
  );
  assert.deepEqual(failures, []);
  // spl-semantics.md "macros.conf": every detection calls its `<name>_filter` macro, as its last stage.
  assert.ok(
    filterMacros > corpus.searches.length * 0.95,
    `${filterMacros} searches end in a _filter macro stage`,
  );
});

test('corpus commands with a dedicated grammar never fall back to the generic one', () => {
  const fallbacks = new Set<string>();
  const dedicated = new Set([
    'search',
    'where',
    'eval',
    'stats',
    'eventstats',
    'tstats',
    'table',
    'fields',
    'rename',
    'sort',
    'dedup',
    'rex',
    'lookup',
    'inputlookup',
    'bin',
    'join',
  ]);
  for (const { file, search } of corpus.searches) {
    for (const stage of parseSpl(search).pipeline.stages) {
      if (stage.kind === 'command' && 'generic' in stage && dedicated.has(stage.name))
        fallbacks.add(`${file}: ${stage.name}`);
    }
  }
  assert.deepEqual([...fallbacks], []);
});
