import type { FieldName } from '../../syntax/ast';
import type { createAggregator, Aggregator } from '../aggregations';
import { scalarToString, valuesOf, type Row, type Scalar } from '../value';

/**
 * The groups an event falls in for `by a b c`: one per combination of values, since a multivalue
 * by-field splits the event (spl-semantics.md "Transforming and other commands"). When a by-field
 * is missing the event is in no group, and `missing` says which fields were absent.
 */
export type GroupSplit =
  | { readonly kind: 'groups'; readonly combinations: readonly (readonly Scalar[])[] }
  | { readonly kind: 'missing'; readonly fields: readonly number[] };

export function splitByFields(row: Row, by: readonly FieldName[]): GroupSplit {
  // Most events hold one value per by-field: build that single combination without copies.
  const single: Scalar[] = [];
  let multivalue = false;
  let missing: number[] | undefined;
  for (let index = 0; index < by.length; index++) {
    const value = row.get((by[index] as FieldName).name);
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      (missing ??= []).push(index);
    } else if (Array.isArray(value)) {
      multivalue = true;
    } else {
      single.push(value as Scalar);
    }
  }
  if (missing) return { kind: 'missing', fields: missing };
  if (!multivalue) return { kind: 'groups', combinations: [single] };
  let combinations: Scalar[][] = [[]];
  for (const field of by) {
    const values = valuesOf(row.get(field.name));
    combinations = combinations.flatMap((c) => values.map((v) => [...c, v]));
  }
  return { kind: 'groups', combinations };
}

export function groupKey(values: readonly Scalar[]): string {
  if (values.length === 1) return scalarToString(values[0] as Scalar);
  let key = '';
  for (let i = 0; i < values.length; i++) {
    key += (i === 0 ? '' : '\u0000') + scalarToString(values[i] as Scalar);
  }
  return key;
}

export function isAggregator(value: ReturnType<typeof createAggregator>): value is Aggregator {
  return 'add' in value;
}
