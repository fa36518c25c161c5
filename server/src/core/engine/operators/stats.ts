import type { FieldName, StatsCommand } from '../../syntax/ast';
import { reportUnsupportedOptions } from '../plan/options';
import {
  bufferLimitReached,
  engineDiagnostic,
  type ExecutionContext,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import type { Row, Scalar } from '../value';
import { FieldPresence, absentFieldMessage } from './fieldPresence';
import { groupKey, splitByFields } from './grouping';
import { compareScalars } from './order';
import { planStatsColumns, StatsColumns, type GroupColumns } from './statsColumns';

interface Group {
  readonly values: readonly Scalar[];
  readonly columns: GroupColumns;
}

/**
 * `stats aggs by a b`: one row per group, by-fields first then the aggregations, groups in
 * ascending by-field order. Events with a missing by-field are dropped and the run says how many.
 */
export function statsOperator(
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
      const groups = new Map<string, Group>();
      const columns = new StatsColumns(plan, by, ctx);
      const tracker = new DroppedByFields(by);
      reading: for await (const row of input) {
        const split = splitByFields(row, by);
        tracker.observe(row, split.kind === 'missing' ? split.fields : undefined);
        if (split.kind === 'missing') continue;
        for (const values of split.combinations) {
          const key = groupKey(values);
          let group = groups.get(key);
          if (!group) {
            if (bufferLimitReached(ctx, groups.size, command.name, command.range)) break reading;
            group = { values, columns: columns.newGroup(ctx.evalContext) };
            groups.set(key, group);
          }
          columns.add(group.columns, row);
        }
      }
      tracker.report(ctx);
      if (by.length === 0 && groups.size === 0) {
        groups.set('', { values: [], columns: columns.newGroup(ctx.evalContext) });
      }
      const ordered = [...groups.values()].sort((a, b) => compareGroups(a.values, b.values));
      const write = columns.writer();
      for (const group of ordered) yield resultRow(by, group, write);
    },
  };
}

function compareGroups(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareScalars(a[i] as Scalar, b[i] as Scalar);
    if (order !== 0) return order;
  }
  return 0;
}

function resultRow(
  by: readonly FieldName[],
  group: Group,
  write: (columns: GroupColumns, row: Row) => void,
): Row {
  const row: Row = new Map();
  by.forEach((field, i) => row.set(field.name, group.values[i] as Scalar));
  write(group.columns, row);
  return row;
}

/** Counts, per by-field, the events dropped because that field was missing. */
export class DroppedByFields {
  private readonly counts: number[];
  private readonly presence: FieldPresence;
  private events = 0;

  constructor(private readonly by: readonly FieldName[]) {
    this.counts = by.map(() => 0);
    this.presence = new FieldPresence(by.map((f) => f.name));
  }

  observe(row: Row, missing: readonly number[] | undefined): void {
    this.events++;
    this.presence.observe(row);
    if (missing) for (const i of missing) this.counts[i] = (this.counts[i] as number) + 1;
  }

  report(ctx: ExecutionContext): void {
    const absent = new Map(this.presence.absent().map((a) => [a.field, a.suggestion]));
    this.by.forEach((field, i) => {
      const count = this.counts[i] as number;
      if (count === 0) return;
      const never = absent.has(field.name)
        ? ` ${absentFieldMessage(field.name, absent.get(field.name))}`
        : '';
      ctx.report(
        engineDiagnostic(
          'warning',
          'spl.engine.by-field-missing',
          `${count} of ${this.events} events ${count === 1 ? 'has' : 'have'} no '${field.name}', so the by clause dropped ${count === 1 ? 'it' : 'them'} ` +
            `(a null by-field drops the event; use fillnull first to keep them).${never}`,
          field.range,
        ),
      );
    });
  }
}
