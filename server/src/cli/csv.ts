import type { TableRow } from './table';

/**
 * RFC 4180 CSV of result rows. Only csv-parse is installed and the writer is a dozen lines, so
 * it lives here: fields holding a comma, a quote, CR or LF are quoted, quotes doubled, lines
 * end with CRLF. A multivalue cell becomes its values joined by a newline, as Splunk's CSV
 * export writes them.
 */
export function formatCsv(fields: readonly string[], rows: readonly TableRow[]): string {
  const lines = [fields.map(csvField).join(',')];
  for (const row of rows) {
    lines.push(
      fields
        .map((field) => {
          const cell = row[field];
          return csvField(
            cell === undefined ? '' : typeof cell === 'string' ? cell : cell.join('\n'),
          );
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
