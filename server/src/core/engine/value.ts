/**
 * The value model of the local evaluator. Splunk keeps every extracted field as text; eval can
 * produce numbers and booleans. A field holds one value or several (a multivalue field). A field
 * that is absent, or null, is simply not in the row: rows never store null.
 */
export type Scalar = string | number | boolean;
export type FieldValue = Scalar | readonly Scalar[];

/** One event or result row. Map keeps insertion order, which gives Splunk's field order. */
export type Row = Map<string, FieldValue>;

export function isMultivalue(value: FieldValue | undefined): value is readonly Scalar[] {
  return Array.isArray(value);
}

/** The values of a field as a list: [] when absent, [v] for a single value. */
export function valuesOf(value: FieldValue | undefined): readonly Scalar[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as Scalar];
}

/** Splunk's text form of a scalar: numbers print without a trailing `.0`, booleans as words. */
export function scalarToString(value: Scalar): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isInteger(value)) return String(value);
  return String(value);
}
