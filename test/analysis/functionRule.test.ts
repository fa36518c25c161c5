/** `spl.function.unknown`: calls to functions the catalog does not know, in eval and stats contexts. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildMacroIndex } from '../../server/src/core/macros';
import { lintSpl } from '../../server/src/core/analysis';
import {
  functionSuggestion,
  unknownFunctionFix,
  unknownFunctionRule,
} from '../../server/src/core/analysis/functionRule';
import { parseSpl } from '../../server/src/core/syntax';
import { allEvalFunctions, allStatsFunctions } from '../../server/src/core/syntax/catalog';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { scratch, spl } from '../cli/helpers';
import { readCorpus } from '../syntax/corpusFiles';

function unknownCalls(search: string) {
  const parsed = parseSpl(search);
  return unknownFunctionRule(search, parsed.pipeline, new LineIndex(search));
}

/** Each diagnostic as [the text under its range, its message]. */
function reported(search: string): [string, string][] {
  return unknownCalls(search).map((d) => [
    search.slice(d.range.start.offset, d.range.end.offset),
    d.message,
  ]);
}

const evalTypo = "unknown eval function 'lenght'; did you mean 'len'?";
const statsTypo = "unknown stats function 'distict_count'; did you mean 'distinct_count'?";

// Every place the grammar reads an eval expression (ast.ts: where, eval, fieldformat, head/tail
// conditions, parenthesised generic arguments, eval() inside aggregations), and every command
// whose calls are aggregations. spl-semantics.md: function names ignore case.
const contexts: { name: string; search: string; expected: [string, string][] }[] = [
  { name: 'eval', search: '| makeresults | eval n=lenght(x)', expected: [['lenght', evalTypo]] },
  { name: 'where', search: 'index=a | where lenght(x) > 3', expected: [['lenght', evalTypo]] },
  {
    name: 'fieldformat',
    search: 'index=a | fieldformat n=lenght(x)',
    expected: [['lenght', evalTypo]],
  },
  {
    name: 'head condition',
    search: 'index=a | head (lenght(x)>1)',
    expected: [['lenght', evalTypo]],
  },
  {
    name: 'a parenthesised argument of a generic command',
    search: 'index=a | transaction host (lenght(x)>1)',
    expected: [['lenght', evalTypo]],
  },
  {
    name: "foreach's eval template",
    search: "index=a | foreach * [eval <<FIELD>>=round('<<FIELD>>', 2), y=lenght(z)]",
    expected: [['lenght', evalTypo]],
  },
  {
    name: 'nested in if/case arguments',
    search: 'index=a | eval n=if(isnull(x), case(x=1, lenght(y)), 0)',
    expected: [['lenght', evalTypo]],
  },
  {
    name: 'eval() inside stats is checked as eval',
    search: 'index=a | stats count(eval(lenght(x)>1)) AS n',
    expected: [['lenght', evalTypo]],
  },
  {
    name: 'upper case, with the name as written',
    search: 'index=a | eval n=TOSTIRNG(x)',
    expected: [['TOSTIRNG', "unknown eval function 'tostirng'; did you mean 'tostring'?"]],
  },
  {
    name: 'strftime missing its e',
    search: 'index=a | eval t=strftim(_time, "%F")',
    expected: [['strftim', "unknown eval function 'strftim'; did you mean 'strftime'?"]],
  },
  {
    name: 'a subsearch of join',
    search: 'index=a | join x [search index=b | eval y=lenght(z)]',
    expected: [['lenght', evalTypo]],
  },
  {
    name: 'a subsearch in a search expression',
    search: 'index=a [search index=b | eval y=lenght(z) | fields y]',
    expected: [['lenght', evalTypo]],
  },
  {
    name: 'no suggestion: the message says what to do',
    search: 'index=a | eval n=frobnicate(x)',
    expected: [
      [
        'frobnicate',
        "unknown eval function 'frobnicate'; check the spelling against the eval functions (completion lists them)",
      ],
    ],
  },
  {
    name: 'stats',
    search: 'index=a | stats distict_count(x) by y',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'eventstats',
    search: 'index=a | eventstats distict_count(x)',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'streamstats',
    search: 'index=a | streamstats distict_count(x)',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'chart',
    search: 'index=a | chart distict_count(x) over y',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'timechart',
    search: 'index=a | timechart span=1h distict_count(x)',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'tstats',
    search: '| tstats distict_count(x) from datamodel=Endpoint.Processes by y',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'geostats',
    search: 'index=a | geostats distict_count(x)',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'sistats',
    search: 'index=a | sistats distict_count(x) by y',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'mstats',
    search: '| mstats distict_count(_value) WHERE index=m metric_name=cpu',
    expected: [['distict_count', statsTypo]],
  },
  {
    name: 'an aggregation in eval gets no look-alike (count is two edits from round)',
    search: 'index=a | eval n=count(x), s=stdev(x)',
    expected: [
      [
        'count',
        "unknown eval function 'count'; 'count' is an aggregation: compute it with stats, eventstats or streamstats and use the result here",
      ],
      [
        'stdev',
        "unknown eval function 'stdev'; 'stdev' is an aggregation: compute it with stats, eventstats or streamstats and use the result here",
      ],
    ],
  },
  {
    name: 'an eval function as an aggregation',
    search: 'index=a | stats len(x)',
    expected: [
      [
        'len',
        "unknown stats function 'len'; 'len' is an eval function: compute it with eval before this command, or aggregate it inside eval(), e.g. max(eval(len(x)))",
      ],
    ],
  },
  {
    name: 'no suggestion in stats',
    search: 'index=a | timechart frobnicate(x)',
    expected: [
      [
        'frobnicate',
        "unknown stats function 'frobnicate'; check the spelling against the aggregations (completion lists them)",
      ],
    ],
  },
  { name: 'a $token$ name', search: 'index=a | eval n=$fn$(x) | stats $agg$(y)', expected: [] },
  { name: 'a macro instead of a name', search: 'index=a | eval n=`fn`(x)', expected: [] },
  {
    name: 'search terms are not calls',
    search: 'index=a foo(bar) | search baz(qux)',
    expected: [],
  },
  { name: 'an unknown command is not checked', search: 'index=a | frob n=lenght(x)', expected: [] },
  {
    name: 'chart eval() of aggregations, sparkline, per_second, mstats rates',
    search:
      'index=a | chart eval(avg(x)*2) AS r by h | stats sparkline(count(x), 1h) sparkline count | timechart per_second(b) | mstats rate_avg(m) rate_sum(m) WHERE index=m',
    expected: [],
  },
];

for (const c of contexts) {
  test(`spl.function.unknown: ${c.name}`, () => {
    assert.deepEqual(reported(c.search), c.expected);
  });
}

test('every catalog function is known in its own context, in any case', () => {
  for (const fn of allEvalFunctions()) {
    assert.deepEqual(reported(`index=a | eval x=${fn.name}(y)`), [], fn.name);
    assert.deepEqual(reported(`index=a | where ${fn.name.toUpperCase()}(y)=1`), [], fn.name);
  }
  const percentiles = ['perc95', 'p99', 'exactperc99.9', 'upperperc90', 'P50'];
  for (const name of [
    ...allStatsFunctions().flatMap((f) => [f.name, ...f.aliases]),
    ...percentiles,
  ]) {
    for (const command of [
      'stats',
      'eventstats',
      'streamstats',
      'chart',
      'timechart',
      'geostats',
      'sistats',
    ])
      assert.deepEqual(reported(`index=a | ${command} ${name}(x)`), [], `${command} ${name}`);
    assert.deepEqual(reported(`| tstats ${name}(x) from datamodel=A by y`), [], `tstats ${name}`);
  }
  assert.deepEqual(reported('index=a | stats count c'), []);
});

test('the suggestion depends on the context; lint reports it as an error that configuration can turn off', () => {
  assert.equal(functionSuggestion('vaules', 'stats'), 'values');
  assert.equal(functionSuggestion('length', 'eval'), 'len');
  assert.equal(functionSuggestion('perx95', 'stats'), undefined);
  assert.equal(functionSuggestion('count', 'eval'), undefined);
  assert.equal(functionSuggestion('len', 'stats'), undefined);
  const { index } = buildMacroIndex([]);
  const search = 'index=a | stats vaules(x)';
  const [diagnostic, ...rest] = lintSpl(search, { index });
  assert.deepEqual(rest, []);
  assert.equal(diagnostic?.code, 'spl.function.unknown');
  assert.equal(diagnostic?.severity, 'error');
  assert.deepEqual(diagnostic && [diagnostic.range.start, diagnostic.range.end], [
    { offset: 16, line: 0, column: 16 },
    { offset: 22, line: 0, column: 22 },
  ]);
  assert.deepEqual(diagnostic && unknownFunctionFix(diagnostic, search), {
    name: 'vaules',
    suggestion: 'values',
  });
  assert.deepEqual(lintSpl(search, { index, severities: { 'spl.function.unknown': 'off' } }), []);
});

test('no corpus detection calls a function the catalog does not know', () => {
  const corpus = readCorpus();
  assert.equal(corpus.searches.length, 1709);
  const hits = corpus.searches.flatMap(({ file, search }) =>
    reported(search).map(([name]) => `${file}: ${name}`),
  );
  assert.deepEqual(hits, []);
});

test('spl lint --fix reports the call but leaves it as written: a renamed function can change meaning', () => {
  const { dir, remove } = scratch();
  try {
    const file = join(dir, 'typo.spl');
    const text = 'index=a\n| eval n=tostirng(x)\n| stats distict_count(n)\n';
    writeFileSync(file, text);
    const run = spl(['lint', '--fix', file]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /typo\.spl:2:10 error spl\.function\.unknown .*'tostring'/);
    assert.equal(readFileSync(file, 'utf8'), text);
  } finally {
    remove();
  }
});
