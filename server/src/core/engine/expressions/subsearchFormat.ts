/**
 * What a subsearch's results become in the outer search: the `format` command's output
 * (spl-semantics.md "The search command"): `( ( f1="v1" AND f2="v2" ) OR ( ... ) )`.
 */
import { valuesOf, type Row } from '../value';
import { text } from './coerce';

/** Splunk's default subsearch result limit (limits.conf `maxout`). */
export const SUBSEARCH_MAX_ROWS = 10_000;

export interface SubsearchFormatOptions {
  /** Rows beyond this are dropped, as Splunk does; default SUBSEARCH_MAX_ROWS. */
  readonly maxRows?: number;
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function rowClause(row: Row): string | undefined {
  const terms: string[] = [];
  for (const [field, value] of row) {
    if (field.startsWith('_')) continue;
    const values = valuesOf(value).map(text);
    if (values.length === 0) continue;
    // `search` and `query` carry ready-made search text (e.g. from `return $x`), inserted as is.
    if (field === 'search' || field === 'query') {
      terms.push(values.join(' '));
    } else if (values.length === 1) {
      terms.push(`${field}=${quote(values[0] as string)}`);
    } else {
      terms.push(`( ${values.map((v) => `${field}=${quote(v)}`).join(' OR ')} )`);
    }
  }
  return terms.length === 0 ? undefined : `( ${terms.join(' AND ')} )`;
}

/**
 * What an empty subsearch result becomes: Splunk's format emits `NOT ()`, a clause that matches
 * no event, so an outer `search [subsearch]` with no subsearch results returns nothing. Callers
 * that parse the text should treat this value as "matches nothing" directly.
 */
export const EMPTY_SUBSEARCH_TEXT = 'NOT ()';

/** The search text for a subsearch's result rows; EMPTY_SUBSEARCH_TEXT when no row is usable. */
export function subsearchToSearchText(
  rows: readonly Row[],
  options: SubsearchFormatOptions = {},
): string {
  const limit = options.maxRows ?? SUBSEARCH_MAX_ROWS;
  const clauses = rows
    .slice(0, limit)
    .map(rowClause)
    .filter((clause): clause is string => clause !== undefined);
  if (clauses.length === 0) return EMPTY_SUBSEARCH_TEXT;
  return `( ${clauses.join(' OR ')} )`;
}
