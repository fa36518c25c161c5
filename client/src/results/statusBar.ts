import { StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import type { RunSearchResult } from '../../../server/src/protocol/runSearch';
import { formatDuration, plural, runSummary } from '../../webview/model/format';

export const showResultsCommand = 'spl.showResults';

/** The last run's summary in the status bar; a click brings the results panel back. */
export class RunStatusBar implements Disposable {
  private readonly item: StatusBarItem;

  constructor() {
    this.item = window.createStatusBarItem('spl.lastRun', StatusBarAlignment.Left, 10);
    this.item.name = 'SPL: Last Run';
    this.item.command = showResultsCommand;
  }

  running(documentLabel: string): void {
    this.item.text = `$(sync~spin) SPL: running ${documentLabel}`;
    this.item.tooltip = 'SPL: the search is running on sample data.';
    this.item.show();
  }

  finished(documentLabel: string, result: RunSearchResult): void {
    const stopped = result.stopped ? ' (stopped)' : '';
    this.item.text = `$(table) ${plural(result.totalRows, 'row')} \u00B7 ${formatDuration(result.elapsedMs)}${stopped} \u00B7 ${documentLabel}`;
    this.item.tooltip = `SPL: last run of ${documentLabel}: ${runSummary({
      totalRows: result.totalRows,
      shownRows: result.rows.length,
      elapsedMs: result.elapsedMs,
      stopped: result.stopped,
    })}. Click to show the results.`;
    this.item.show();
  }

  /** A run that failed or was cancelled: the item goes back to the last finished run, if any. */
  restore(previous: { documentLabel: string; result: RunSearchResult } | undefined): void {
    if (previous) this.finished(previous.documentLabel, previous.result);
    else this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
