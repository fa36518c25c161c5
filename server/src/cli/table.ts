/** Plain-text layouts of result rows that fit a terminal of a given width. */

export type Cell = string | readonly string[];
export type TableRow = { readonly [field: string]: Cell };

const GAP = '  ';
const MIN_COLUMN = 6;
const ELLIPSIS = '…';

/** Cuts text to a width, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  if (flat.length <= width) return flat;
  return width <= 1 ? ELLIPSIS.slice(0, width) : `${flat.slice(0, width - 1)}${ELLIPSIS}`;
}

function linesOf(cell: Cell | undefined): readonly string[] {
  if (cell === undefined) return [''];
  return typeof cell === 'string' ? [cell] : cell.length === 0 ? [''] : cell;
}

/**
 * Rows as aligned columns; a multivalue cell takes one line per value. When the columns cannot
 * fit at a readable width, each row is printed as a block of `field  value` lines instead.
 */
export function formatTable(
  fields: readonly string[],
  rows: readonly TableRow[],
  width: number,
): string {
  if (rows.length === 0) return 'No results.\n';
  const natural = fields.map((field) =>
    Math.max(field.length, ...rows.flatMap((row) => linesOf(row[field]).map((l) => l.length))),
  );
  const budget = width - GAP.length * (fields.length - 1);
  if (fields.length * MIN_COLUMN > budget) return formatRecords(fields, rows, width);
  const widths = fitWidths(natural, budget);
  const out: string[] = [];
  out.push(
    fields
      .map((f, i) => truncate(f, widths[i] as number).padEnd(widths[i] as number))
      .join(GAP)
      .trimEnd(),
  );
  out.push(widths.map((w) => '-'.repeat(w)).join(GAP));
  for (const row of rows) {
    const cells = fields.map((f) => linesOf(row[f]));
    const height = Math.max(...cells.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      out.push(
        cells
          .map((c, i) => truncate(c[line] ?? '', widths[i] as number).padEnd(widths[i] as number))
          .join(GAP)
          .trimEnd(),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** Shrinks the widest columns first until the total fits the budget. */
function fitWidths(natural: readonly number[], budget: number): number[] {
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    const current = widths[widest] as number;
    if (current <= MIN_COLUMN) break;
    widths[widest] = current - 1;
    total--;
  }
  return widths;
}

/** One block per row: the field names aligned on the left, values cut to the rest of the line. */
export function formatRecords(
  fields: readonly string[],
  rows: readonly TableRow[],
  width: number,
): string {
  const nameWidth = Math.min(Math.max(...fields.map((f) => f.length)), Math.floor(width / 3));
  const valueWidth = Math.max(MIN_COLUMN, width - nameWidth - GAP.length);
  const out: string[] = [];
  rows.forEach((row, index) => {
    out.push(`-- result ${index + 1} of ${rows.length} --`);
    for (const field of fields) {
      const cell = row[field];
      if (cell === undefined) continue;
      linesOf(cell).forEach((value, line) => {
        const name = line === 0 ? truncate(field, nameWidth) : '';
        out.push(`${name.padEnd(nameWidth)}${GAP}${truncate(value, valueWidth)}`.trimEnd());
      });
    }
  });
  return `${out.join('\n')}\n`;
}
