import type { StatsCommand } from '../../syntax/ast';
import type { Aggregator } from '../aggregations';
import { reportUnsupportedOptions } from '../plan/options';
import { bufferLimitReached, type Operator, type PlanningContext } from '../plan/types';
import type { Row } from '../value';
import { groupKey, newAggregators, planAggregations, splitByFields } from './grouping';
import { DroppedByFields } from './stats';

/**
 * `eventstats`: the aggregations of each event's group are added to every event of the group;
 * events with a missing by-field pass through unchanged. Holds every event until its input ends.
 */
export function eventstatsOperator(
  command: StatsCommand,
  planning: PlanningContext,
): Operator | undefined {
  const plan = planAggregations(command.aggregations, planning);
  reportUnsupportedOptions(command, [], planning);
  if (!plan) return undefined;
  const { by, aggregations } = command;
  return {
    command: command.name,
    range: command.range,
    async *run(input, ctx) {
      const rows: Row[] = [];
      const keysOfRow: string[][] = [];
      const groups = new Map<string, Aggregator[]>();
      const tracker = new DroppedByFields(by);
      for await (const row of input) {
        if (bufferLimitReached(ctx, rows.length, command.name, command.range)) break;
        const split = splitByFields(row, by);
        tracker.observe(row, split.kind === 'missing' ? split.fields : undefined);
        const keys = split.kind === 'missing' ? [] : split.combinations.map(groupKey);
        for (const key of keys) {
          let aggregators = groups.get(key);
          if (!aggregators) {
            aggregators = newAggregators(aggregations, ctx.evalContext);
            groups.set(key, aggregators);
          }
          for (const aggregator of aggregators) aggregator.add(row);
        }
        rows.push(row);
        keysOfRow.push(keys);
      }
      tracker.report(ctx);
      const results = new Map(
        [...groups].map(([key, aggregators]) => [key, aggregators.map((a) => a.result())]),
      );
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as Row;
        // A multivalue by-field puts an event in several groups; it takes its first group's values.
        const values = results.get(keysOfRow[i]?.[0] ?? '\u0001');
        values?.forEach((value, j) => {
          if (value !== undefined) row.set(plan.names[j] as string, value);
        });
        yield row;
      }
    },
  };
}
