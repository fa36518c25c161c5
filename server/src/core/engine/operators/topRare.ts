import type { TopRareCommand } from '../../syntax/ast';
import { optionBoolean, optionNumber, optionText, reportUnsupportedOptions } from '../plan/options';
import { bufferLimitReached, type Operator, type PlanningContext } from '../plan/types';
import type { Row, Scalar } from '../value';
import { groupKey, splitByFields } from './grouping';
import { compareScalars } from './order';

/** spl-semantics.md: top and rare list 10 values by default. */
export const DEFAULT_TOP_LIMIT = 10;

interface Tally {
  readonly by: readonly Scalar[];
  readonly values: readonly Scalar[];
  count: number;
}

/**
 * `top|rare [limit=N] a b [by c]`: the most (least) common combinations of a b within each by
 * group, with count and percent (of the group's events that have every listed field).
 */
export function topRareOperator(command: TopRareCommand, planning: PlanningContext): Operator {
  reportUnsupportedOptions(
    command,
    ['limit', 'countfield', 'percentfield', 'showcount', 'showperc'],
    planning,
  );
  const limit = command.limit ?? optionNumber(command, 'limit', planning) ?? DEFAULT_TOP_LIMIT;
  const countField = optionText(command, 'countfield') ?? 'count';
  const percentField = optionText(command, 'percentfield') ?? 'percent';
  const showCount = optionBoolean(command, 'showcount', planning) ?? true;
  const showPercent = optionBoolean(command, 'showperc', planning) ?? true;
  const descending = command.name === 'top';
  return {
    command: command.name,
    range: command.range,
    async *run(input, ctx) {
      const tallies = new Map<string, Tally>();
      const totals = new Map<string, number>();
      reading: for await (const row of input) {
        const byGroups = splitByFields(row, command.by);
        const valueGroups = splitByFields(row, command.fields);
        if (byGroups.kind === 'missing' || valueGroups.kind === 'missing') continue;
        for (const by of byGroups.combinations) {
          const byKey = groupKey(by);
          totals.set(byKey, (totals.get(byKey) ?? 0) + 1);
          for (const values of valueGroups.combinations) {
            const key = `${byKey}\u0002${groupKey(values)}`;
            const tally = tallies.get(key);
            if (tally) tally.count++;
            else if (bufferLimitReached(ctx, tallies.size, command.name, command.range))
              break reading;
            else tallies.set(key, { by, values, count: 1 });
          }
        }
      }
      const ranked = [...tallies.values()].sort((a, b) => {
        for (let i = 0; i < a.by.length; i++) {
          const order = compareScalars(a.by[i] as Scalar, b.by[i] as Scalar);
          if (order !== 0) return order;
        }
        return descending ? b.count - a.count : a.count - b.count;
      });
      const emitted = new Map<string, number>();
      for (const tally of ranked) {
        const byKey = groupKey(tally.by);
        const rank = emitted.get(byKey) ?? 0;
        if (limit > 0 && rank >= limit) continue;
        emitted.set(byKey, rank + 1);
        const row: Row = new Map();
        command.by.forEach((f, i) => row.set(f.name, tally.by[i] as Scalar));
        command.fields.forEach((f, i) => row.set(f.name, tally.values[i] as Scalar));
        if (showCount) row.set(countField, tally.count);
        if (showPercent) row.set(percentField, percent(tally.count, totals.get(byKey) ?? 1));
        yield row;
      }
    },
  };
}

/** Splunk prints top/rare percentages with six decimals (unverified; kept in one place). */
function percent(count: number, total: number): string {
  return ((count / total) * 100).toFixed(6);
}
