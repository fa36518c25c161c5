/**
 * How eval sees values: extracted fields are text, and text that looks like a number is a number
 * (spl-semantics.md "eval and where"). These helpers are the one place that rule lives.
 */
import { scalarToString, type FieldValue, type Scalar } from '../value';

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** The number a scalar denotes, or undefined when it is not numeric text. */
export function toNumber(value: Scalar): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'boolean') return undefined;
  return NUMERIC.test(value) ? Number(value) : undefined;
}

export function isNumeric(value: Scalar): boolean {
  return toNumber(value) !== undefined;
}

/** The single value of a scalar context; a multivalue field there is null (see evaluate.ts). */
export function single(value: FieldValue | undefined): Scalar | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 1 ? (value[0] as Scalar) : undefined;
  return value as Scalar;
}

export function text(value: Scalar): string {
  return scalarToString(value);
}

/** Splunk compares numerically when both sides are numbers, else as strings (code units). */
export function compareScalars(a: Scalar, b: Scalar): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) return na < nb ? -1 : na > nb ? 1 : 0;
  const sa = text(a);
  const sb = text(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A value as a field value, collapsing a one-element list to a scalar and [] to null. */
export function fromList(values: readonly Scalar[]): FieldValue | undefined {
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  return values;
}

/** Splunk prints numbers without exponent for ordinary magnitudes and no float noise. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}
