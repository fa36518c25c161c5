import type { StatsCommand } from '../../syntax/ast';
import { findOption, optionText, reportUnsupportedOptions } from '../plan/options';
import {
  bufferLimitReached,
  engineDiagnostic,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import { valuesOf, type Row } from '../value';
import { parseSpan, timeBucket } from './bin';
import { numericValue } from './order';
import { planStatsColumns, StatsColumns, type GroupColumns } from './statsColumns';

/**
 * `timechart span=S aggs` without a split-by field: one row per time bucket, from the first
 * bucket holding an event to the last, with every bucket between them (Splunk's cont=true);
 * an empty bucket gets the aggregations of no events (count 0). Over an all-time search Splunk
 * bounds the chart by the events themselves, as here. `limit=` only ranks split-by series, so
 * without one it changes nothing. Events without a numeric _time are in no bucket.
 * A wildcard aggregation (`max(*)`) expands as in stats (statsColumns.ts): every bucket gets
 * every expanded column (the timechart syntax in the Search Reference takes the same wildcarded
 * aggregation terms as stats; that the same exclusions apply is an unverified choice).
 */
export function timechartOperator(
  command: StatsCommand,
  planning: PlanningContext,
): Operator | undefined {
  const plan = planStatsColumns(command.aggregations, planning);
  reportUnsupportedOptions(command, ['span', 'limit'], planning);
  const spanSeconds = timechartSpan(command, planning);
  const splitBy = command.by[0];
  if (splitBy) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.timechart-split-by',
        "The local evaluator runs timechart without a split-by field only; use 'bin span=... _time' then 'stats ... by _time " +
          `${splitBy.name}' instead.`,
        splitBy.range,
      ),
    );
    return undefined;
  }
  if (!plan || spanSeconds === undefined) return undefined;
  const span = spanSeconds;
  return {
    command: 'timechart',
    range: command.range,
    async *run(input, ctx) {
      const buckets = new Map<number, GroupColumns>();
      const columns = new StatsColumns(plan, [], ctx);
      for await (const row of input) {
        const time = valuesOf(row.get('_time'))[0];
        const seconds = time === undefined ? undefined : numericValue(time);
        if (seconds === undefined) continue;
        const start = timeBucket(seconds, span, ctx.evalContext.timezone);
        let bucket = buckets.get(start);
        if (!bucket) {
          if (bufferLimitReached(ctx, buckets.size, 'timechart', command.range)) break;
          bucket = columns.newGroup(ctx.evalContext);
          buckets.set(start, bucket);
        }
        columns.add(bucket, row);
      }
      if (buckets.size === 0) return;
      const starts = [...buckets.keys()];
      const last = Math.max(...starts);
      let emitted = 0;
      const write = columns.writer();
      for (let start = Math.min(...starts); start <= last; start = nextBucket(start)) {
        if (bufferLimitReached(ctx, emitted++, 'timechart', command.range)) return;
        const bucket = buckets.get(start) ?? columns.newGroup(ctx.evalContext);
        const row: Row = new Map([['_time', start]]);
        write(bucket, row);
        // An aggregation named _time (`max(_*) as _*`) must not replace the bucket's time.
        row.set('_time', start);
        yield row;
      }

      // Half a span past the next bucket's start stays inside it even where the zone's offset
      // changes (daylight saving) between the two buckets.
      function nextBucket(start: number): number {
        const next = timeBucket(start + span * 1.5, span, ctx.evalContext.timezone);
        return next > start ? next : start + span;
      }
    },
  };
}

function timechartSpan(command: StatsCommand, planning: PlanningContext): number | undefined {
  const text = optionText(command, 'span');
  const span = text === undefined ? undefined : parseSpan(text);
  if (span?.timed) return span.size;
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.timechart-span',
      text === undefined
        ? "The local evaluator needs timechart's 'span=' (e.g. span=5m): Splunk picks the span from the search's time range, which a local run does not have."
        : `'${text}' is not a span the local evaluator knows for timechart: use a number with s, m, h, d or w (e.g. span=5m).`,
      findOption(command, 'span')?.value.range ?? command.range,
    ),
  );
  return undefined;
}
