import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allCommands,
  allEvalFunctions,
  allStatsFunctions,
  findCommand,
  findEvalFunction,
  findStatsFunction,
} from '../../server/src/core/syntax/catalog/index';

const reference = resolve(import.meta.dirname, '../../../shared/reference');

interface ReferenceCommand {
  aliases: string[];
  category: string;
  usage: string;
}

const referenceCommands = JSON.parse(
  readFileSync(resolve(reference, 'spl-commands.json'), 'utf8'),
) as Record<string, ReferenceCommand>;

function lines(file: string): string[] {
  return readFileSync(resolve(reference, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('commands', () => {
  it('holds every command of the reference with its aliases, category and usage', () => {
    assert.equal(allCommands().length, Object.keys(referenceCommands).length);
    for (const [name, expected] of Object.entries(referenceCommands)) {
      const info = findCommand(name);
      assert.ok(info, name);
      assert.equal(info.name, name);
      assert.deepEqual([...info.aliases], expected.aliases, name);
      assert.equal(info.category, expected.category, name);
      assert.equal(info.usage, expected.usage, name);
      for (const alias of expected.aliases) assert.equal(findCommand(alias), info, alias);
    }
  });

  // spl-semantics.md "Case": command names are not case-sensitive.
  it('finds commands by alias, ignoring case', () => {
    assert.equal(findCommand('bucket')?.name, 'bin');
    assert.equal(findCommand('STATS')?.name, 'stats');
    assert.equal(findCommand('Transam')?.name, 'transaction');
    assert.equal(findCommand('stat'), undefined);
  });

  it('marks the commands that can start a search', () => {
    for (const name of ['tstats', 'inputlookup', 'makeresults', 'rest', 'search', 'mstats']) {
      assert.equal(findCommand(name)?.generating, true, name);
    }
    for (const name of ['stats', 'eval', 'where', 'lookup', 'outputlookup']) {
      assert.equal(findCommand(name)?.generating, false, name);
    }
    assert.equal(findCommand('stats')?.kind, 'transforming');
    assert.equal(findCommand('eval')?.kind, 'streaming');
    assert.equal(findCommand('sort')?.kind, 'dataset');
    assert.equal(findCommand('makeresults')?.kind, 'generating');
  });
});

describe('eval functions', () => {
  it('holds every eval function of the reference, with sane argument counts', () => {
    const names = lines('eval-functions.txt');
    assert.equal(allEvalFunctions().length, names.length);
    for (const name of names) {
      const info = findEvalFunction(name);
      assert.equal(info?.name, name);
      assert.ok(info.minArgs >= 0 && info.minArgs <= info.maxArgs, name);
      assert.ok(info.signature.startsWith(`${name}(`), name);
    }
  });

  // spl-semantics.md "Case": function names are not case-sensitive.
  it('finds eval functions ignoring case, and knows their arity', () => {
    assert.equal(findEvalFunction('IF')?.name, 'if');
    assert.equal(findEvalFunction('if')?.minArgs, 3);
    assert.equal(findEvalFunction('if')?.maxArgs, 3);
    assert.equal(findEvalFunction('coalesce')?.maxArgs, Infinity);
    assert.equal(findEvalFunction('substr')?.minArgs, 2);
    assert.equal(findEvalFunction('substr')?.maxArgs, 3);
    assert.equal(findEvalFunction('now')?.maxArgs, 0);
    assert.equal(findEvalFunction('iff'), undefined);
  });
});

describe('stats functions', () => {
  it('holds every spelling of the reference', () => {
    for (const line of lines('stats-functions.txt')) {
      const spellings = line.slice(line.indexOf(':') + 1).trim();
      if (spellings.includes('<num>')) continue;
      for (const name of spellings.split('|')) assert.ok(findStatsFunction(name), name);
    }
    const names = allStatsFunctions().map((info) => info.name);
    assert.equal(new Set(names).size, names.length);
  });

  it('resolves aliases and percentile spellings to one canonical entry', () => {
    assert.equal(findStatsFunction('c')?.name, 'count');
    assert.equal(findStatsFunction('distinct_count')?.name, 'dc');
    assert.equal(findStatsFunction('mean')?.name, 'avg');
    assert.equal(findStatsFunction('Values')?.name, 'values');
    for (const spelling of ['perc95', 'p95', 'exactperc99', 'upperperc90', 'p99.9', 'perc100']) {
      assert.equal(findStatsFunction(spelling)?.name, 'perc', spelling);
    }
    for (const spelling of ['perc101', 'p', 'percx', 'q95']) {
      assert.equal(findStatsFunction(spelling), undefined, spelling);
    }
    assert.equal(findStatsFunction('count')?.minArgs, 0);
  });
});
