import { strftime } from './time';
import { scalarToString, type FieldValue, type Row, type Scalar } from './value';

/** One result row as the run returns it: every value as text, multivalue fields as lists. */
export type ResultRecord = Record<string, string | string[]>;

/** Splunk prints numbers without float noise (`0.1+0.2` is `0.3`) and without a trailing `.0`. */
export function printScalar(value: Scalar): string {
  if (typeof value === 'number' && !Number.isInteger(value) && Number.isFinite(value)) {
    return String(Number(value.toPrecision(15)));
  }
  return scalarToString(value);
}

/**
 * `_time` prints as Splunk's REST API gives it, ISO 8601 with milliseconds and the offset of the
 * run's time zone; every other field prints as its value.
 */
export function toResultRecord(row: Row, timezone: string): ResultRecord {
  const record: ResultRecord = {};
  for (const [field, value] of row) record[field] = printValue(field, value, timezone);
  return record;
}

function printValue(field: string, value: FieldValue, timezone: string): string | string[] {
  if (Array.isArray(value)) return value.map(printScalar);
  const scalar = value as Scalar;
  if (field === '_time' && typeof scalar === 'number') {
    return strftime(scalar, '%Y-%m-%dT%H:%M:%S.%3N%:z', timezone);
  }
  return printScalar(scalar);
}

/** Every field of the results, in the order rows first show them. */
export function resultFields(rows: readonly Row[]): string[] {
  const fields = new Set<string>();
  for (const row of rows) for (const field of row.keys()) fields.add(field);
  return [...fields];
}
