import type { DedupCommand, SortCommand, SortKey } from '../../syntax/ast';
import { optionBoolean } from '../plan/options';
import {
  bufferLimitReached,
  holdRows,
  engineDiagnostic,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import { scalarToString, valuesOf, type FieldValue, type Row } from '../value';
import { compareFieldValues, numericValue, valueKey } from './order';

/** spl-semantics.md: `sort` keeps 10,000 rows unless given a count; `sort 0` keeps all. */
export const DEFAULT_SORT_LIMIT = 10_000;

function compareAs(as: SortKey['as'], a: FieldValue | undefined, b: FieldValue | undefined) {
  if (as === 'str') {
    const x = valuesOf(a)[0];
    const y = valuesOf(b)[0];
    if (x === undefined || y === undefined) return compareFieldValues(a, b);
    const s = scalarToString(x);
    const t = scalarToString(y);
    return s < t ? -1 : s > t ? 1 : 0;
  }
  if (as === 'num') {
    const x = valuesOf(a)[0];
    const y = valuesOf(b)[0];
    const m = x === undefined ? undefined : numericValue(x);
    const n = y === undefined ? undefined : numericValue(y);
    if (m === undefined || n === undefined) return compareFieldValues(a, b);
    return m - n;
  }
  return compareFieldValues(a, b);
}

export function rowComparator(keys: readonly SortKey[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const key of keys) {
      const order = compareAs(key.as, a.get(key.field.name), b.get(key.field.name));
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  };
}

/** `sort [N] [-]a [+]b`: a stable sort; keeps the first N rows of the order. */
export function sortOperator(command: SortCommand): Operator {
  const compare = rowComparator(command.keys);
  const limit = command.limit === undefined ? DEFAULT_SORT_LIMIT : command.limit;
  return {
    command: 'sort',
    range: command.range,
    async *run(input, ctx) {
      const rows = await holdRows(input, ctx, 'sort', command.range);
      rows.sort(compare);
      if (command.limit === undefined && rows.length > limit) {
        ctx.report(
          engineDiagnostic(
            'info',
            'spl.engine.sort-default-limit',
            `sort kept the first ${limit} of ${rows.length} rows, Splunk's default; write 'sort 0' to keep them all.`,
            command.nameRange ?? command.range,
          ),
        );
      }
      yield* limit === 0 ? rows : rows.slice(0, limit);
    },
  };
}

/**
 * `dedup [N] a b [sortby ...]`: keeps the first N rows of each combination of values. Rows
 * missing any of the fields are dropped unless keepempty=true (spl-semantics.md).
 */
export function dedupOperator(command: DedupCommand, planning: PlanningContext): Operator {
  const keepEmpty = optionBoolean(command, 'keepempty', planning) ?? false;
  const consecutive = optionBoolean(command, 'consecutive', planning) ?? false;
  const keepEvents = optionBoolean(command, 'keepevents', planning) ?? false;
  const perKey = command.count ?? 1;
  const fields = command.fields.map((f) => f.name);
  return {
    command: 'dedup',
    range: command.range,
    async *run(input, ctx) {
      const seen = new Map<string, number>();
      const sorting = command.sortBy.length > 0;
      const kept: Row[] = [];
      let previous: string | undefined;
      for await (const row of input) {
        const out = decide(row);
        if (!out) continue;
        if (!sorting) yield out;
        else if (bufferLimitReached(ctx, kept.length, 'dedup', command.range)) break;
        else kept.push(out);
      }
      if (sorting) yield* kept.sort(rowComparator(command.sortBy));

      function decide(row: Row): Row | undefined {
        const values = fields.map((f) => row.get(f));
        if (values.some((v) => v === undefined)) return keepEmpty ? row : undefined;
        const key = values.map(valueKey).join('\u0002');
        if (consecutive) {
          const repeated = key === previous;
          previous = key;
          if (!repeated) return row;
          return keepEvents ? stripFields(row, fields) : undefined;
        }
        const count = seen.get(key) ?? 0;
        if (count < perKey) {
          seen.set(key, count + 1);
          return row;
        }
        return keepEvents ? stripFields(row, fields) : undefined;
      }
    },
  };
}

/** keepevents=true keeps a duplicate but without the deduplicated fields. */
function stripFields(row: Row, fields: readonly string[]): Row {
  for (const field of fields) row.delete(field);
  return row;
}
