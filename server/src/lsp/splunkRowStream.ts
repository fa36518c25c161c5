import type { RunRow } from '../protocol/runSearch';
import { splunkRowBatch } from '../protocol/splunk';

export type SendRows = (rows: readonly RunRow[], totalRows: number) => void;

/**
 * Collects a Splunk run's rows as they arrive: keeps the first `maxRows`, counts all, notes the
 * fields in the order rows first show them, and hands new rows to `send` in batches so that the
 * client gets a few messages a second rather than one per row.
 */
export class SplunkRowStream {
  readonly rows: RunRow[] = [];
  private readonly fieldSet = new Set<string>();
  private totalRows = 0;
  private pending: RunRow[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly maxRows: number,
    private readonly send: SendRows,
    private readonly batch: { intervalMs: number; rows: number } = splunkRowBatch,
  ) {}

  get total(): number {
    return this.totalRows;
  }

  get fields(): string[] {
    return [...this.fieldSet];
  }

  push(row: RunRow): void {
    this.totalRows++;
    if (this.rows.length >= this.maxRows) return;
    this.rows.push(row);
    for (const field of Object.keys(row)) this.fieldSet.add(field);
    this.pending.push(row);
    if (this.pending.length >= this.batch.rows) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.batch.intervalMs);
  }

  /** Sends what is pending now; called by the timer, a full batch, and at the end of the run. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.send(rows, this.totalRows);
  }
}
