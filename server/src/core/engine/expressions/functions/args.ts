/** Argument readers shared by the eval function implementations. */
import { valuesOf, type Scalar } from '../../value';
import { formatNumber, single, toNumber } from '../coerce';
import type { Value } from '../context';

/** Text of a single value (numbers without float noise); undefined for null or multivalue. */
export function str(value: Value): string | undefined {
  const scalar = single(value);
  if (scalar === undefined) return undefined;
  if (typeof scalar === 'number') return formatNumber(scalar);
  return typeof scalar === 'boolean' ? String(scalar) : scalar;
}

/** The number of a single value; undefined for null, multivalue or non-numeric text. */
export function num(value: Value): number | undefined {
  const scalar = single(value);
  return scalar === undefined ? undefined : toNumber(scalar);
}

/** A finite number result, or null (Splunk gives null for NaN/infinite results). */
export function finite(value: number): Value {
  return Number.isFinite(value) ? value : undefined;
}

/** Applies a text function to every value of a field (single or multivalue). */
export function mapText(value: Value, fn: (text: string) => Scalar | undefined): Value {
  if (value === undefined) return undefined;
  const out: Scalar[] = [];
  for (const v of valuesOf(value)) {
    const result = fn(typeof v === 'number' ? formatNumber(v) : String(v));
    if (result !== undefined) out.push(result);
  }
  if (!Array.isArray(value)) return out[0];
  return out;
}
