import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregationOutputName,
  createAggregator,
  LIST_MAX_VALUES,
  type Aggregator,
} from '../../../server/src/core/engine/aggregations';
import type { EvalContext } from '../../../server/src/core/engine/expressions';
import { parseSpl, type Aggregation, type StatsCommand } from '../../../server/src/core/syntax';
import type { FieldValue, Row } from '../../../server/src/core/engine/value';

const ctx: EvalContext = { now: 1_700_000_000, timezone: 'UTC' };

function aggregation(text: string): Aggregation {
  const { pipeline, diagnostics } = parseSpl(`| stats ${text}`);
  assert.deepEqual(diagnostics, [], text);
  const agg = (pipeline.stages[0] as StatsCommand).aggregations[0];
  assert.ok(agg, text);
  return agg;
}

function aggregator(text: string): Aggregator {
  const result = createAggregator(aggregation(text), ctx);
  assert.ok(!('code' in result), `${text}: ${JSON.stringify(result)}`);
  return result;
}

function rows(...fields: Record<string, FieldValue>[]): Row[] {
  return fields.map((f) => new Map(Object.entries(f)));
}

function run(text: string, input: Row[]): FieldValue | undefined {
  const agg = aggregator(text);
  for (const r of input) agg.add(r);
  return agg.result();
}

// Events in arrival order (Splunk returns newest first, so _time decreases).
const events = rows(
  { _time: 300, x: '10', user: 'bob', host: 'b' },
  { _time: 100, x: '9', user: 'alice', host: 'a' },
  { _time: 200, x: 'abc', host: 'c' },
  { _time: 250, x: ['2', '10'], user: 'bob' },
);
const numbers = rows({ n: '1' }, { n: '2' }, { n: '3' }, { n: '4' }, { n: 'x' });

describe('stats functions', () => {
  const cases: [string, Row[], FieldValue | undefined][] = [
    ['count', events, 4],
    ['c', events, 4],
    // count(x) counts events that have x.
    ['count(user)', events, 3],
    ['count(eval(host="a" OR host="b")) as n', events, 2],
    ['count(missing)', events, 0],
    ['dc(user)', events, 2],
    ['distinct_count(x)', events, 4],
    ['estdc(user)', events, 2],
    ['sum(n)', numbers, 10],
    ['avg(n)', numbers, 2.5],
    ['mean(n)', numbers, 2.5],
    ['avg(missing)', numbers, undefined],
    ['range(n)', numbers, 3],
    ['sumsq(n)', numbers, 30],
    ['var(n)', numbers, 5 / 3],
    ['varp(n)', numbers, 1.25],
    ['stdev(n)', numbers, Math.sqrt(5 / 3)],
    ['stdevp(n)', numbers, Math.sqrt(1.25)],
    // min/max: numeric when every value is numeric, else lexicographic over all values.
    ['min(n)', rows({ n: '10' }, { n: '9' }), 9],
    ['max(n)', rows({ n: '10' }, { n: '9' }), 10],
    ['max(x)', events, 'abc'],
    ['min(x)', events, '10'],
    ['min(_time)', events, 100],
    // values(): distinct and lexicographic; list(): arrival order, duplicates kept.
    ['values(x)', events, ['10', '2', '9', 'abc']],
    ['values(user)', events, ['alice', 'bob']],
    ['list(user)', events, ['bob', 'alice', 'bob']],
    ['first(host)', events, 'b'],
    ['last(host)', events, 'c'],
    ['earliest(host)', events, 'a'],
    ['latest(user)', events, 'bob'],
    ['latest(host)', events, 'b'],
    ['earliest_time(user)', events, 100],
    ['latest_time(host)', events, 300],
    ['mode(user)', events, 'bob'],
    ['mode(n)', rows({ n: 'a' }, { n: 'b' }, { n: 'b' }, { n: 'a' }), 'a'],
    // Percentiles (our choice, unverified against Splunk's approximation): median and perc take
    // the value at rank floor(p * n), the higher middle value for an even count; exactperc
    // interpolates; upperperc rounds the rank up.
    ['median(n)', numbers, 3],
    ['median(n)', rows({ n: '5' }, { n: '1' }, { n: '3' }), 3],
    ['perc50(n)', numbers, 3],
    ['p25(n)', numbers, 2],
    ['perc100(n)', numbers, 4],
    ['exactperc50(n)', numbers, 2.5],
    ['upperperc50(n)', numbers, 3],
    ['perc95(missing)', numbers, undefined],
  ];
  for (const [text, input, expected] of cases) {
    test(text, () => assert.deepEqual(run(text, input), expected));
  }

  test(`list() keeps at most ${LIST_MAX_VALUES} values`, () => {
    const many = rows(...Array.from({ length: LIST_MAX_VALUES + 5 }, (_, i) => ({ n: String(i) })));
    assert.equal((run('list(n)', many) as readonly unknown[]).length, LIST_MAX_VALUES);
  });
});

describe('output names', () => {
  const cases: [string, string][] = [
    ['count', 'count'],
    ['count(x)', 'count(x)'],
    ['min(_time)', 'min(_time)'],
    ['dc(Processes.dest)', 'dc(Processes.dest)'],
    ['values(x) as hosts', 'hosts'],
    ['distinct_count(x)', 'distinct_count(x)'],
    ['count(eval(x>1)) as n', 'n'],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.equal(aggregationOutputName(aggregation(text)), expected));
  }
});

describe('aggregations that cannot run are diagnostics', () => {
  const cases: [string, string, RegExp][] = [
    ['cuont(x)', 'spl.engine.unknown-function', /did you mean count\(\)\?/],
    ['rate(x)', 'spl.engine.unsupported-function', /not supported/],
    ['values(*)', 'spl.engine.unsupported-function', /wildcard fields .* per field/],
    ['sum', 'spl.engine.wrong-argument-count', /needs a field/],
    // Splunk refuses a dynamically evaluated field without a name.
    ['count(eval(x>1))', 'spl.engine.eval-needs-alias', /add AS <field>/],
    ['count(eval(lowr(x)="a")) as n', 'spl.engine.unknown-function', /did you mean lower\(\)/],
  ];
  for (const [text, code, message] of cases) {
    test(text, () => {
      const result = createAggregator(aggregation(text), ctx);
      assert.ok('code' in result);
      assert.equal(result.code, code);
      assert.equal(result.source, 'engine');
      assert.match(result.message, message);
    });
  }
});

test('clone() gives an independent copy (streamstats)', () => {
  for (const text of [
    'count',
    'dc(n)',
    'sum(n)',
    'max(n)',
    'values(n)',
    'list(n)',
    'last(n)',
    'mode(n)',
    'median(n)',
  ]) {
    const agg = aggregator(text);
    agg.add(new Map([['n', '1']]));
    const copy = agg.clone?.();
    assert.ok(copy, text);
    const before = agg.result();
    copy.add(new Map([['n', '5']]));
    copy.add(new Map([['n', '5']]));
    assert.deepEqual(agg.result(), before, `${text}: the original changed`);
    assert.notDeepEqual(copy.result(), before, `${text}: the copy did not change`);
  }
});
