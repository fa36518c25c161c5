import type { RunRow } from '../../../server/src/protocol/runSearch';

/**
 * RFC 4180 CSV: a header of the fields, one line per row, CRLF line ends, a multivalue field's
 * values one per line inside its cell (as Splunk exports them).
 */
export function toCsv(fields: readonly string[], rows: readonly RunRow[]): string {
  const lines = [fields.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(
      fields
        .map((f) => {
          const value = row[f];
          return csvCell(
            value === undefined ? '' : typeof value === 'string' ? value : value.join('\n'),
          );
        })
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const numeric = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Event data is attacker-controlled and a spreadsheet runs a cell that starts with = + - @ as a
 * formula, so such a cell (unless it is a plain number) gets a leading apostrophe, which
 * spreadsheets read as "text" (OWASP's advice on CSV injection).
 */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !numeric.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The same shape as `spl run --format json` gives its results: `{fields, results}`. */
export function toJson(fields: readonly string[], rows: readonly RunRow[]): string {
  return JSON.stringify({ fields, results: rows }, null, 2) + '\n';
}
