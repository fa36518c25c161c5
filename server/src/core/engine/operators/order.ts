import { scalarToString, valuesOf, type FieldValue, type Scalar } from '../value';

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** The number a value stands for, when it is one (Splunk keeps numbers as text). */
export function numericValue(value: Scalar): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return undefined;
  return NUMERIC.test(value) ? Number(value) : undefined;
}

/**
 * spl-semantics.md "Transforming and other commands": sort orders numbers numerically and before
 * text, then text lexicographically (by UTF-16 code unit).
 */
export function compareScalars(a: Scalar, b: Scalar): number {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (x !== undefined) return -1;
  if (y !== undefined) return 1;
  const s = scalarToString(a);
  const t = scalarToString(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** A multivalue field sorts by its first value; a missing field sorts after every value. */
export function compareFieldValues(a: FieldValue | undefined, b: FieldValue | undefined): number {
  const x = valuesOf(a)[0];
  const y = valuesOf(b)[0];
  if (x === undefined) return y === undefined ? 0 : 1;
  if (y === undefined) return -1;
  return compareScalars(x, y);
}

/** A string that identifies a field's value for grouping and deduplication. */
export function valueKey(value: FieldValue | undefined): string {
  if (value === undefined) return '\u0001';
  return valuesOf(value).map(scalarToString).join('\u0000');
}
