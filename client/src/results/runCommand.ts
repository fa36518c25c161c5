import * as path from 'node:path';
import {
  CancellationError,
  CancellationTokenSource,
  ProgressLocation,
  Uri,
  window,
  workspace,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { runSearchRequest, type RunSearchResult } from '../../../server/src/protocol/runSearch';
import type { ResultsPanel } from './resultsPanel';
import type { RunStatusBar } from './statusBar';

/**
 * "SPL: Run Search on Sample Data": sends `spl/runSearch` under a cancellable progress
 * notification. The search runs in the language server; cancelling the notification cancels the
 * request's token, which the client turns into `$/cancelRequest`. A new run cancels the one before.
 */
export class SearchRunner {
  private current: CancellationTokenSource | undefined;
  private last: { documentLabel: string; result: RunSearchResult } | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly panel: ResultsPanel,
    private readonly statusBar: RunStatusBar,
  ) {}

  /** `target`: a URI string (code lens), a Uri (editor title button), or nothing (active editor). */
  async run(target?: unknown): Promise<void> {
    const uri = runnableUri(this.client, target, 'run its search');
    if (!uri) return;
    // The server runs open documents only; opening is a no-op when the editor has it.
    await workspace.openTextDocument(uri);
    this.current?.cancel();
    const source = new CancellationTokenSource();
    this.current = source;
    const documentLabel = path.basename(uri.fsPath);
    this.panel.showRunning(uri);
    this.statusBar.running(documentLabel);
    try {
      const result = await window.withProgress(
        {
          location: ProgressLocation.Notification,
          title: `SPL: running ${documentLabel} on sample data`,
          cancellable: true,
        },
        (_progress, token) => {
          token.onCancellationRequested(() => source.cancel());
          return this.client.sendRequest(runSearchRequest, { uri: uri.toString() }, source.token);
        },
      );
      if (source.token.isCancellationRequested && this.current !== source) return;
      this.last = { documentLabel, result };
      this.panel.show(uri, result);
      this.statusBar.finished(documentLabel, result);
    } catch (error) {
      if (this.current !== source) return;
      this.panel.endRunning();
      this.statusBar.restore(this.last);
      if (error instanceof CancellationError || source.token.isCancellationRequested) {
        void window.showInformationMessage(`SPL: the run of ${documentLabel} was cancelled.`);
      } else {
        void window.showErrorMessage(
          `SPL: cannot run ${documentLabel}: ${(error as Error).message}`,
        );
      }
    } finally {
      if (this.current === source) this.current = undefined;
      source.dispose();
    }
  }

  dispose(): void {
    this.current?.cancel();
  }
}

/** The document a run command is for: its argument, else the active editor's. */
/**
 * The document a run command is for, when the server can run it; otherwise undefined, after
 * telling the user why (`action` completes "open a .spl file or a detection YAML to ...").
 */
export function runnableUri(
  client: BaseLanguageClient,
  target: unknown,
  action: string,
): Uri | undefined {
  const uri = documentUri(target);
  if (!uri) {
    void window.showWarningMessage(`SPL: open a .spl file or a detection YAML to ${action}.`);
    return undefined;
  }
  if (!client.isRunning()) {
    void window.showWarningMessage(
      'SPL: the language server is not running (it starts once the workspace is trusted).',
    );
    return undefined;
  }
  return uri;
}

function documentUri(target: unknown): Uri | undefined {
  if (target instanceof Uri) return target;
  if (typeof target === 'string') {
    try {
      return Uri.parse(target, true);
    } catch {
      return undefined;
    }
  }
  return window.activeTextEditor?.document.uri;
}
