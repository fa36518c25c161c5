/**
 * The virtualised results table: only the rows in view (plus a few spare) are in the DOM, with a
 * spacer row above and below that keeps the scroll bar true, so 10,000 rows scroll like 50.
 */
import {
  cellText,
  visibleWindow,
  type RowWindow,
  type SortState,
  type TableRow,
} from '../model/tableModel';
import { clear, element } from './dom';

/** Used until a row has been laid out and measured (and where nothing is laid out, as in tests). */
const defaultRowHeight = 22;
const defaultViewportHeight = 600;

export interface TableCallbacks {
  readonly onSort: (field: string) => void;
  readonly onRowClick: (rowIndex: number) => void;
}

export class ResultsTable {
  private fields: readonly string[] = [];
  private rows: readonly TableRow[] = [];
  private order: readonly number[] = [];
  private selected: number | undefined;
  private rowHeight = defaultRowHeight;
  private drawn: RowWindow | undefined;
  private frame: number | undefined;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly headerRow: HTMLTableRowElement,
    private readonly body: HTMLTableSectionElement,
    private readonly callbacks: TableCallbacks,
  ) {
    scroller.addEventListener('scroll', () => this.scheduleRender());
    body.addEventListener('click', (event) => {
      const row = (event.target as Element | null)?.closest('tr[data-row-index]');
      const index = Number(row?.getAttribute('data-row-index'));
      if (row && Number.isInteger(index)) callbacks.onRowClick(index);
    });
  }

  setColumns(fields: readonly string[], sort: SortState | undefined): void {
    this.fields = fields;
    clear(this.headerRow);
    for (const field of fields) {
      const sorted = sort?.field === field ? sort.direction : undefined;
      const arrow = sorted === 'asc' ? ' \u25B2' : sorted === 'desc' ? ' \u25BC' : '';
      const header = element('th', undefined, field + arrow);
      header.setAttribute('data-field', field);
      header.setAttribute('scope', 'col');
      header.setAttribute(
        'aria-sort',
        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none',
      );
      header.title = `Sort by ${field}`;
      header.addEventListener('click', () => this.callbacks.onSort(field));
      this.headerRow.append(header);
    }
  }

  /** New rows or a new order (filter, sort); scrolls back to the top. */
  setRows(rows: readonly TableRow[], order: readonly number[]): void {
    this.rows = rows;
    this.order = order;
    this.scroller.scrollTop = 0;
    this.drawn = undefined;
    this.render();
  }

  select(rowIndex: number | undefined): void {
    this.selected = rowIndex;
    for (const row of this.body.querySelectorAll('tr[data-row-index]')) {
      const selected = Number(row.getAttribute('data-row-index')) === rowIndex;
      row.classList.toggle('selected', selected);
      row.setAttribute('aria-selected', String(selected));
    }
  }

  private scheduleRender(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
    });
  }

  private render(): void {
    const viewport = this.scroller.clientHeight || defaultViewportHeight;
    const visible = visibleWindow(
      this.scroller.scrollTop,
      viewport,
      this.rowHeight,
      this.order.length,
    );
    if (this.drawn?.start === visible.start && this.drawn.end === visible.end) return;
    this.drawn = visible;
    const rows: HTMLTableRowElement[] = [spacer(visible.start * this.rowHeight, this.fields)];
    for (let position = visible.start; position < visible.end; position++) {
      const rowIndex = this.order[position];
      const row = rowIndex === undefined ? undefined : this.rows[rowIndex];
      if (rowIndex === undefined || !row) continue;
      rows.push(this.renderRow(row, rowIndex));
    }
    rows.push(spacer((this.order.length - visible.end) * this.rowHeight, this.fields));
    this.body.replaceChildren(...rows);
    this.measureRowHeight();
  }

  private renderRow(row: TableRow, rowIndex: number): HTMLTableRowElement {
    const tr = element('tr');
    tr.setAttribute('data-row-index', String(rowIndex));
    if (rowIndex === this.selected) {
      tr.classList.add('selected');
      tr.setAttribute('aria-selected', 'true');
    }
    for (const field of this.fields) {
      const text = cellText(row[field]);
      const td = element('td', undefined, text);
      td.setAttribute('data-field', field);
      if (text.length > 40 || text.includes('\n')) td.title = text;
      tr.append(td);
    }
    return tr;
  }

  /** Rows are one line high by CSS; the real height (font, zoom) is read once it is laid out. */
  private measureRowHeight(): void {
    const first = this.body.querySelector('tr[data-row-index]');
    const height = first instanceof HTMLElement ? first.offsetHeight : 0;
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.5) {
      this.rowHeight = height;
      this.drawn = undefined;
      this.scheduleRender();
    }
  }
}

function spacer(height: number, fields: readonly string[]): HTMLTableRowElement {
  const tr = element('tr', 'spacer');
  tr.setAttribute('aria-hidden', 'true');
  const td = element('td');
  td.colSpan = Math.max(1, fields.length);
  td.style.height = `${height}px`;
  tr.append(td);
  return tr;
}
