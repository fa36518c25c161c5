/** `850 ms`, `1.24 s`, `2 min 5 s`: a run's elapsed time as people read it. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** `1 row`, `2,314 rows`. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export interface RunSummaryInput {
  readonly totalRows: number;
  readonly shownRows: number;
  readonly elapsedMs: number;
  readonly stopped: boolean;
}

/** `2 rows in 412 ms`, `50,000 rows (first 1,000 shown) in 3.10 s, stopped`. */
export function runSummary(run: RunSummaryInput): string {
  const shown =
    run.shownRows < run.totalRows ? ` (first ${run.shownRows.toLocaleString('en-US')} shown)` : '';
  const stopped = run.stopped ? ', stopped' : '';
  return `${plural(run.totalRows, 'row')}${shown} in ${formatDuration(run.elapsedMs)}${stopped}`;
}
