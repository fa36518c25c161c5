/**
 * The results table without the DOM: which rows the filter keeps, in which order, and which of
 * them are on screen. Kept apart from rendering so that 10,000 rows cost one sort and one window.
 */

export type CellValue = string | readonly string[] | undefined;
export type TableRow = Readonly<Record<string, string | readonly string[]>>;

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  readonly field: string;
  readonly direction: SortDirection;
}

export interface ViewState {
  readonly filter: string;
  readonly sort?: SortState;
}

/** A multivalue field shows its values one per line, as Splunk's table does. */
export function cellText(value: CellValue): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join('\n');
}

const numberPattern = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

type SortKey = { kind: 0 } | { kind: 1; n: number } | { kind: 2; s: string };
const emptyKey: SortKey = { kind: 0 };

function sortKey(value: CellValue): SortKey {
  const first = typeof value === 'string' ? value : value?.[0];
  if (first === undefined || first === '') return emptyKey;
  if (numberPattern.test(first)) return { kind: 1, n: Number(first) };
  return { kind: 2, s: first };
}

/**
 * Numbers compare as numbers and come before text, and text compares lexicographically (by code
 * unit), as Splunk's sort orders values; IP addresses get no order of their own. Empty cells go
 * last in either direction so that sorting never hides the rows that have values.
 */
function compareKeys(a: SortKey, b: SortKey, sign: number): number {
  if (a.kind === 0 || b.kind === 0) return (a.kind === 0 ? 1 : 0) - (b.kind === 0 ? 1 : 0);
  if (a.kind !== b.kind) return (a.kind - b.kind) * sign;
  if (a.kind === 1 && b.kind === 1) return (a.n - b.n) * sign;
  if (a.kind === 2 && b.kind === 2) return (a.s < b.s ? -1 : a.s > b.s ? 1 : 0) * sign;
  return 0;
}

export class TableModel {
  private searchText: string[] | undefined;

  constructor(
    readonly fields: readonly string[],
    readonly rows: readonly TableRow[],
  ) {}

  /** Indices into `rows` that the filter keeps, sorted; a stable sort keeps the run's order. */
  view(state: ViewState): number[] {
    const needle = state.filter.trim().toLowerCase();
    const order: number[] = [];
    if (needle === '') {
      for (let i = 0; i < this.rows.length; i++) order.push(i);
    } else {
      const texts = this.rowSearchText();
      texts.forEach((text, i) => {
        if (text.includes(needle)) order.push(i);
      });
    }
    const sort = state.sort;
    if (!sort) return order;
    const sign = sort.direction === 'asc' ? 1 : -1;
    const keys: SortKey[] = [];
    for (const i of order) keys[i] = sortKey(this.rows[i]?.[sort.field]);
    return order.sort(
      (a, b) => compareKeys(keys[a] ?? emptyKey, keys[b] ?? emptyKey, sign) || a - b,
    );
  }

  /** One lower-case string per row, built on the first filter and reused for every keystroke. */
  private rowSearchText(): string[] {
    if (!this.searchText) {
      this.searchText = this.rows.map((row) =>
        this.fields
          .map((f) => cellText(row[f]))
          .join('\u0000')
          .toLowerCase(),
      );
    }
    return this.searchText;
  }
}

/** A click on a header sorts ascending, a second click descending, a third restores run order. */
export function nextSort(current: SortState | undefined, field: string): SortState | undefined {
  if (current?.field !== field) return { field, direction: 'asc' };
  return current.direction === 'asc' ? { field, direction: 'desc' } : undefined;
}

/**
 * A re-run keeps the user's sort and filter when the columns are the same, and starts over when
 * they changed. With no previous run (the panel was reloaded) the saved state is kept as far as
 * the new columns allow.
 */
export function carryViewState(
  previousFields: readonly string[] | undefined,
  nextFields: readonly string[],
  state: ViewState,
): ViewState {
  if (previousFields === undefined) {
    const sortable = state.sort && nextFields.includes(state.sort.field);
    return sortable ? state : { filter: state.filter };
  }
  const same =
    previousFields.length === nextFields.length &&
    previousFields.every((f, i) => f === nextFields[i]);
  return same ? state : { filter: '' };
}

export interface RowWindow {
  /** First row index (into the view) in the DOM, inclusive, and the last, exclusive. */
  readonly start: number;
  readonly end: number;
}

/** The rows to put in the DOM for a scroll position, with `overscan` spare rows on each side. */
export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 10,
): RowWindow {
  const safeRowHeight = rowHeight > 0 ? rowHeight : 1;
  const first = Math.floor(Math.max(0, scrollTop) / safeRowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / safeRowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, rowCount));
  const end = Math.max(start, Math.min(rowCount, first + visible + overscan));
  return { start, end };
}
