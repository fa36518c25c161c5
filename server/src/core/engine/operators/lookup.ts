import type { InputlookupCommand, LookupCommand, LookupFieldMapping } from '../../syntax/ast';
import { checkSearchExpression, matchesSearch } from '../expressions';
import { type Operator, type PlanningContext } from '../plan/types';
import { valuesOf, type Row, type Scalar } from '../value';
import { valueKey } from './order';

function target(mapping: LookupFieldMapping): string {
  return mapping.alias?.name ?? mapping.field.name;
}

/**
 * `lookup table col [AS field] ... [OUTPUT|OUTPUTNEW col [AS field] ...]`: exact, case-sensitive
 * matches on the input columns; several matching lookup rows give a multivalue output. OUTPUTNEW
 * only fills fields the row lacks; no outputs listed means every other column. A row without a
 * match is left as it was (unverified against Splunk; kept in one place).
 */
export function lookupOperator(command: LookupCommand): Operator {
  return {
    command: 'lookup',
    range: command.range,
    async *run(input, ctx) {
      const table = await ctx.loadLookup(command.table.value, command.table.range);
      if (!table) {
        yield* input;
        return;
      }
      const columns = command.inputs.map((m) => m.field.name);
      const index = new Map<string, Row[]>();
      for (const entry of table) {
        const key = columns.map((c) => valueKey(entry.get(c))).join('\u0002');
        const bucket = index.get(key);
        if (bucket) bucket.push(entry);
        else index.set(key, [entry]);
      }
      const outputs =
        command.outputs.length > 0
          ? command.outputs.map((m) => ({ column: m.field.name, field: target(m) }))
          : outputColumns(table, new Set(columns)).map((c) => ({ column: c, field: c }));
      const onlyNew = command.outputMode === 'OUTPUTNEW';
      for await (const row of input) {
        const matches = matchingEntries(row, command.inputs, index);
        if (matches.length > 0) {
          for (const { column, field } of outputs) {
            if (onlyNew && row.has(field)) continue;
            const values = [...new Set(matches.flatMap((m) => valuesOf(m.get(column))))];
            if (values.length === 0) row.delete(field);
            else row.set(field, values.length === 1 ? (values[0] as Scalar) : values);
          }
        }
        yield row;
      }
    },
  };
}

function outputColumns(table: readonly Row[], inputs: ReadonlySet<string>): string[] {
  const first = table[0];
  return first ? [...first.keys()].filter((c) => !inputs.has(c)) : [];
}

/** Each value of a multivalue input field is looked up (single-input lookups only). */
function matchingEntries(
  row: Row,
  inputs: readonly LookupFieldMapping[],
  index: ReadonlyMap<string, Row[]>,
): Row[] {
  const first = inputs[0];
  if (inputs.length === 1 && first) {
    return valuesOf(row.get(target(first))).flatMap((v) => index.get(valueKey(v)) ?? []);
  }
  const values = inputs.map((m) => row.get(target(m)));
  if (values.some((v) => v === undefined)) return [];
  return index.get(values.map(valueKey).join('\u0002')) ?? [];
}

/** `| inputlookup table [where <search>]`: the table's rows, filtered with search semantics. */
export function inputlookupOperator(
  command: InputlookupCommand,
  planning: PlanningContext,
): Operator {
  const where = command.where;
  if (where) planning.diagnostics.push(...checkSearchExpression(where));
  return {
    command: 'inputlookup',
    range: command.range,
    generating: true,
    async *run(_input, ctx) {
      const table = await ctx.loadLookup(command.table.value, command.table.range);
      for (const entry of table ?? []) {
        if (ctx.shouldStop()) return;
        const row: Row = new Map(entry);
        if (!where || matchesSearch(where, row, ctx.evalContext)) yield row;
      }
    },
  };
}
