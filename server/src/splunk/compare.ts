import type { ComparableRow } from './serverRows';

export type { ComparableRow } from './serverRows';

export interface RowComparison {
  /** The fields compared: those both sides have, unless the caller named them. */
  fields: string[];
  /** Rows the local run has and the server does not (as many times as they are unmatched). */
  onlyLocal: ComparableRow[];
  onlyServer: ComparableRow[];
  inBoth: number;
  localOnlyFields: string[];
  serverOnlyFields: string[];
}

/**
 * Local rows against server rows. A row's identity is its values over the compared fields (a
 * multivalue field's values in order, an absent field distinct from an empty one); duplicates
 * count, so two equal local rows need two equal server rows.
 */
export function compareRows(
  local: readonly ComparableRow[],
  server: readonly ComparableRow[],
  fields?: readonly string[],
): RowComparison {
  const localFields = fieldsOf(local);
  const serverFields = fieldsOf(server);
  const serverSet = new Set(serverFields);
  const localSet = new Set(localFields);
  const compared = fields ? [...fields] : localFields.filter((f) => serverSet.has(f));
  // Indices of the server rows not matched yet, by identity.
  const unmatchedServer = new Map<string, number[]>();
  server.forEach((row, index) => {
    const key = rowKey(row, compared);
    const list = unmatchedServer.get(key);
    if (list) list.push(index);
    else unmatchedServer.set(key, [index]);
  });
  const onlyLocal: ComparableRow[] = [];
  let inBoth = 0;
  for (const row of local) {
    const list = unmatchedServer.get(rowKey(row, compared));
    if (list && list.length > 0) {
      list.shift();
      inBoth++;
    } else onlyLocal.push(row);
  }
  // Server rows in their arrival order, whatever key they had.
  const remaining = new Set([...unmatchedServer.values()].flat());
  return {
    fields: compared,
    onlyLocal,
    onlyServer: server.filter((_row, index) => remaining.has(index)),
    inBoth,
    localOnlyFields: localFields.filter((f) => !serverSet.has(f)),
    serverOnlyFields: serverFields.filter((f) => !localSet.has(f)),
  };
}

/** Every field any row has, in first-seen order. */
export function fieldsOf(rows: readonly ComparableRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const field of Object.keys(row)) seen.add(field);
  return [...seen];
}

function rowKey(row: ComparableRow, fields: readonly string[]): string {
  return JSON.stringify(
    fields.map((field) => {
      const value = row[field];
      if (value === undefined) return null;
      // A one-value list and the plain value are the same field value.
      const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
      return field === '_time' && typeof single === 'string' ? sameInstant(single) : single;
    }),
  );
}

/**
 * `_time` as an instant: Splunk writes it in the searching user's time zone
 * (`2024-05-01T14:00:00.000+02:00`), the local run in UTC, so the same event's texts differ.
 */
function sameInstant(time: string): string {
  const epochMs = Date.parse(time);
  return Number.isNaN(epochMs) ? time : `@${epochMs}`;
}
