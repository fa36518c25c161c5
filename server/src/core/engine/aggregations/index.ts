/**
 * stats/eventstats/streamstats/chart/timechart aggregations: an Aggregator per aggregation and
 * group, fed one row at a time.
 */
import type { Aggregation, EvalExpression, FieldName } from '../../syntax/ast';
import type { Diagnostic } from '../../text/diagnostic';
import { didYouMean } from '../../text/didYouMean';
import { checkEvalExpression, evaluate, type EvalContext } from '../expressions';
import { toNumber } from '../expressions/coerce';
import { valuesOf, type FieldValue, type Row, type Scalar } from '../value';
import {
  CountAccumulator,
  DistinctAccumulator,
  ExtremeAccumulator,
  ListAccumulator,
  ModeAccumulator,
  MomentAccumulator,
  PercentileAccumulator,
  PositionAccumulator,
  ValuesAccumulator,
  type Accumulator,
} from './aggregators';

export { LIST_MAX_VALUES } from './aggregators';

export interface Aggregator {
  add(row: Row): void;
  /** undefined is null: nothing to report (e.g. avg of no numbers); the field stays unset. */
  result(): FieldValue | undefined;
  /** An independent copy with the same state (for streamstats/eventstats). */
  clone?(): Aggregator;
}

const FACTORIES: Record<string, () => Accumulator> = {
  count: () => new CountAccumulator(),
  c: () => new CountAccumulator(),
  dc: () => new DistinctAccumulator(),
  distinct_count: () => new DistinctAccumulator(),
  // Splunk's estdc estimates the distinct count; counting exactly is a valid (perfect) estimate.
  estdc: () => new DistinctAccumulator(),
  sum: () => new MomentAccumulator('sum'),
  avg: () => new MomentAccumulator('avg'),
  mean: () => new MomentAccumulator('avg'),
  stdev: () => new MomentAccumulator('stdev'),
  stdevp: () => new MomentAccumulator('stdevp'),
  var: () => new MomentAccumulator('var'),
  varp: () => new MomentAccumulator('varp'),
  sumsq: () => new MomentAccumulator('sumsq'),
  range: () => new MomentAccumulator('range'),
  min: () => new ExtremeAccumulator(-1),
  max: () => new ExtremeAccumulator(1),
  values: () => new ValuesAccumulator(),
  list: () => new ListAccumulator(),
  first: () => new PositionAccumulator('first'),
  last: () => new PositionAccumulator('last'),
  earliest: () => new PositionAccumulator('earliest'),
  latest: () => new PositionAccumulator('latest'),
  earliest_time: () => new PositionAccumulator('earliest_time'),
  latest_time: () => new PositionAccumulator('latest_time'),
  mode: () => new ModeAccumulator(),
  median: () => new PercentileAccumulator(50, 'nearest'),
};

const UNSUPPORTED = [
  'estdc_error',
  'rate',
  'per_second',
  'per_minute',
  'per_hour',
  'per_day',
  'sparkline',
];
const PERCENTILE = /^(perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/;

function factoryFor(name: string): (() => Accumulator) | undefined {
  const factory = FACTORIES[name];
  if (factory) return factory;
  const percentile = PERCENTILE.exec(name);
  if (!percentile) return undefined;
  const percent = Number(percentile[2]);
  if (percent < 0 || percent > 100) return undefined;
  const method =
    percentile[1] === 'exactperc'
      ? 'interpolate'
      : percentile[1] === 'upperperc'
        ? 'upper'
        : 'nearest';
  return () => new PercentileAccumulator(percent, method);
}

type Argument =
  { kind: 'none' } | { kind: 'field'; name: string } | { kind: 'eval'; expr: EvalExpression };

function argumentOf(agg: Aggregation): Argument {
  const arg = agg.argument;
  if (!arg) return { kind: 'none' };
  if (arg.kind === 'field') return { kind: 'field', name: (arg as FieldName).name };
  if (arg.kind === 'fieldRef') return { kind: 'field', name: arg.name };
  if (arg.kind === 'call' && arg.name.toLowerCase() === 'eval' && arg.args.length === 1) {
    return { kind: 'eval', expr: arg.args[0] as EvalExpression };
  }
  return { kind: 'eval', expr: arg };
}

/** Splunk's name for an aggregation's output field: the alias, or `fn(field)`, or `fn`. */
export function aggregationOutputName(agg: Aggregation): string {
  if (agg.alias) return agg.alias.name;
  const arg = argumentOf(agg);
  if (arg.kind === 'none') return agg.function;
  return arg.kind === 'field' ? `${agg.function}(${arg.name})` : `${agg.function}(eval)`;
}

function diagnostic(agg: Aggregation, code: string, message: string): Diagnostic {
  return {
    severity: 'error',
    code: `spl.engine.${code}`,
    message,
    range: agg.functionRange,
    source: 'engine',
  };
}

function eventTime(row: Row): number | undefined {
  const time = valuesOf(row.get('_time'))[0];
  return time === undefined ? undefined : toNumber(time);
}

class RowAggregator implements Aggregator {
  constructor(
    private readonly accumulator: Accumulator,
    private readonly read: (row: Row) => readonly Scalar[],
  ) {}
  add(row: Row): void {
    const time = this.accumulator.usesTime ? eventTime(row) : undefined;
    this.accumulator.add(this.read(row), time);
  }
  result(): FieldValue | undefined {
    return this.accumulator.result();
  }
  clone(): Aggregator {
    return new RowAggregator(this.accumulator.clone(), this.read);
  }
}

/** The accumulator factory of an aggregation's function, or why there is none. */
function functionFactory(agg: Aggregation): (() => Accumulator) | Diagnostic {
  const name = agg.function.toLowerCase();
  const factory = factoryFor(name);
  if (factory) return factory;
  if (UNSUPPORTED.includes(name)) {
    return diagnostic(
      agg,
      'unsupported-function',
      `${name}() is not supported by the local evaluator; remove it or compute it with eval`,
    );
  }
  const suggestion = didYouMean(name, [
    ...Object.keys(FACTORIES),
    'perc95',
    'exactperc95',
    'upperperc95',
  ]);
  return diagnostic(
    agg,
    'unknown-function',
    `unknown stats function ${name}()${suggestion ? `; did you mean ${suggestion}()?` : ''}`,
  );
}

/** The field pattern of a wildcard aggregation such as `values(*)` or `values(user.*)`. */
export function wildcardArgument(agg: Aggregation): string | undefined {
  const arg = argumentOf(agg);
  return arg.kind === 'field' && arg.name.includes('*') ? arg.name : undefined;
}

/**
 * An aggregator of `agg`'s function over one concrete field, for a wildcard aggregation whose
 * pattern matched `field`; a diagnostic when the function cannot run.
 */
export function createFieldAggregator(agg: Aggregation, field: string): Aggregator | Diagnostic {
  const factory = functionFactory(agg);
  if (typeof factory !== 'function') return factory;
  return new RowAggregator(factory(), (row) => valuesOf(row.get(field)));
}

/**
 * An aggregator for one aggregation, or a diagnostic (on the function name) when it cannot run:
 * an unknown or unsupported function, a wildcard field (the commands expand those first, in
 * operators/statsColumns.ts, and use createFieldAggregator), an eval argument without `as`.
 */
export function createAggregator(agg: Aggregation, ctx: EvalContext): Aggregator | Diagnostic {
  const name = agg.function.toLowerCase();
  const factory = functionFactory(agg);
  if (typeof factory !== 'function') return factory;
  const arg = argumentOf(agg);
  if (arg.kind === 'none') {
    if (name !== 'count' && name !== 'c') {
      return diagnostic(
        agg,
        'wrong-argument-count',
        `${name}() needs a field, e.g. ${name}(bytes)`,
      );
    }
    return new RowAggregator(factory(), () => [true]);
  }
  if (arg.kind === 'field') {
    if (arg.name.includes('*')) {
      return diagnostic(
        agg,
        'unsupported-function',
        `wildcard fields such as ${name}(${arg.name}) must first be expanded into one aggregation per field (as stats, eventstats, streamstats and timechart do); list the fields`,
      );
    }
    const field = arg.name;
    return new RowAggregator(factory(), (row) => valuesOf(row.get(field)));
  }
  if (!agg.alias) {
    // Splunk refuses an eval() aggregation without a name for its result.
    return diagnostic(
      agg,
      'eval-needs-alias',
      `${name}(eval(...)) needs a name for its result: add AS <field>`,
    );
  }
  const expr = arg.expr;
  const problem = checkEvalExpression(expr).find((d) => d.severity === 'error');
  if (problem) return problem;
  return new RowAggregator(factory(), (row) => valuesOf(evaluate(expr, row, ctx)));
}
