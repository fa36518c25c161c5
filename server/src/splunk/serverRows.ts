/** A result row with every value as text and a multivalue field as its list, as our engine gives them. */
export type ComparableRow = Record<string, string | string[]>;

/**
 * Fields Splunk adds to every event for its own bookkeeping (`_bkt`, `_cd`, `_si`, `_serial`,
 * `_indextime`, `_sourcetype`, `_kv`, ...). The local evaluator never produces them, so keeping
 * them would make every row differ in a comparison and clutter the table; `_time` and `_raw`
 * are the user's data and stay.
 */
function isServerInternal(field: string): boolean {
  return field.startsWith('_') && field !== '_time' && field !== '_raw';
}

/** A row from the export stream as our row type; null values are absent fields, as in Splunk's table. */
export function rowFromServer(row: Record<string, unknown>): ComparableRow {
  const out: ComparableRow = {};
  for (const [field, value] of Object.entries(row)) {
    if (isServerInternal(field) || value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      const values = value.filter((v) => v !== null && v !== undefined).map(textOf);
      // Splunk sends a one-value multivalue field as a list too; our rows hold it as text.
      out[field] = values.length === 1 ? (values[0] as string) : values;
    } else out[field] = textOf(value);
  }
  return out;
}

function textOf(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}
