import type { StatsCommand } from '../../syntax/ast';
import { reportUnsupportedOptions } from '../plan/options';
import { bufferLimitReached, type Operator, type PlanningContext } from '../plan/types';
import type { Row } from '../value';
import { groupKey, splitByFields } from './grouping';
import { DroppedByFields } from './stats';
import { planStatsColumns, StatsColumns, type GroupColumns } from './statsColumns';

/**
 * `eventstats`: the aggregations of each event's group are added to every event of the group;
 * events with a missing by-field pass through unchanged. Holds every event until its input ends.
 * A wildcard aggregation (`values(*) as *`) expands as in stats (statsColumns.ts): every event of
 * a group gets every expanded column. All events are aggregated before any gets its fields, so
 * the fields eventstats adds never match its own wildcard.
 */
export function eventstatsOperator(
  command: StatsCommand,
  planning: PlanningContext,
): Operator | undefined {
  const plan = planStatsColumns(command.aggregations, planning);
  reportUnsupportedOptions(command, [], planning);
  if (!plan) return undefined;
  const { by } = command;
  return {
    command: command.name,
    range: command.range,
    async *run(input, ctx) {
      const rows: Row[] = [];
      const keysOfRow: string[][] = [];
      const groups = new Map<string, GroupColumns>();
      const columns = new StatsColumns(plan, by, ctx);
      const tracker = new DroppedByFields(by);
      for await (const row of input) {
        if (bufferLimitReached(ctx, rows.length, command.name, command.range)) break;
        const split = splitByFields(row, by);
        tracker.observe(row, split.kind === 'missing' ? split.fields : undefined);
        const keys = split.kind === 'missing' ? [] : split.combinations.map(groupKey);
        for (const key of keys) {
          let group = groups.get(key);
          if (!group) {
            group = columns.newGroup(ctx.evalContext);
            groups.set(key, group);
          }
          columns.add(group, row);
        }
        rows.push(row);
        keysOfRow.push(keys);
      }
      tracker.report(ctx);
      // Each group's fields are worked out once and copied onto each of its events.
      const write = columns.writer();
      const results = new Map<string, Row>();
      for (const [key, group] of groups) {
        const fields: Row = new Map();
        write(group, fields);
        results.set(key, fields);
      }
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as Row;
        // A multivalue by-field puts an event in several groups; it takes its first group's values.
        const fields = results.get(keysOfRow[i]?.[0] ?? '\u0001');
        if (fields) for (const [name, value] of fields) row.set(name, value);
        yield row;
      }
    },
  };
}
