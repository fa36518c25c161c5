import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  ProgressLocation,
  window,
  workspace,
  type Disposable,
  type SecretStorage,
  type Uri,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { RunRow } from '../../../server/src/protocol/runSearch';
import {
  runOnSplunkRequest,
  splunkRowsNotification,
  type RunOnSplunkParams,
  type RunOnSplunkResult,
} from '../../../server/src/protocol/splunk';
import type { ResultsPanel } from '../results/resultsPanel';
import { runnableUri } from '../results/runCommand';
import { splunkRunSettings } from './splunkConnection';
import type { TimeRangeOverride } from './splunkInputs';
import {
  compareLabel,
  comparisonResult,
  splunkLabel,
  splunkResult,
  streamingResult,
  type SplunkRunLabel,
} from './splunkPanelRun';
import type { SplunkProblems } from './splunkProblems';

/**
 * "SPL: Run Search on Splunk" and "SPL: Compare Local and Splunk Results": sends
 * `spl/runOnSplunk` under a cancellable progress notification, shows the rows in the results
 * panel as they stream in, then the final result (or the comparison) with its origin label.
 * A new run cancels the one before.
 */
export class SplunkRunner implements Disposable {
  private current: CancellationTokenSource | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly panel: ResultsPanel,
    private readonly problems: SplunkProblems,
    private readonly secrets: SecretStorage,
  ) {}

  async run(target: unknown, compare: boolean, range: TimeRangeOverride = {}): Promise<void> {
    const uri = runnableUri(this.client, target, 'run its search on Splunk');
    if (!uri) return;
    const settings = await splunkRunSettings(this.secrets);
    if (!settings) return;
    // The server runs open documents only; opening is a no-op when the editor has it.
    const document = await workspace.openTextDocument(uri);
    const params: RunOnSplunkParams = {
      uri: uri.toString(),
      runId: randomUUID(),
      connection: settings.connection,
      earliest: range.earliest ?? settings.earliest,
      latest: range.latest ?? settings.latest,
      mode: settings.mode,
      compare,
    };
    const label: SplunkRunLabel = { ...params, host: hostOf(params.connection.baseUrl) };
    await this.send(uri, document.version, params, label);
  }

  dispose(): void {
    this.current?.cancel();
  }

  private async send(
    uri: Uri,
    version: number,
    params: RunOnSplunkParams,
    label: SplunkRunLabel,
  ): Promise<void> {
    this.current?.cancel();
    const source = new CancellationTokenSource();
    this.current = source;
    const documentLabel = path.basename(uri.fsPath);
    const { earliest, latest } = params;
    const rerun = () => void this.run(uri, params.compare === true, { earliest, latest });
    const started = Date.now();
    const rows: RunRow[] = [];
    const streamed = this.client.onNotification(splunkRowsNotification, (batch) => {
      if (batch.runId !== params.runId || this.current !== source) return;
      rows.push(...batch.rows);
      const partial = streamingResult(
        params.uri,
        version,
        rows,
        batch.totalRows,
        Date.now() - started,
      );
      this.panel.show(uri, partial, { origin: splunkLabel(label), streaming: true, rerun });
    });
    this.problems.clear(uri);
    this.panel.showRunning(uri);
    try {
      const result = await window.withProgress(
        {
          location: ProgressLocation.Notification,
          title: `SPL: running ${documentLabel} on Splunk ${label.host}${params.compare ? ' and on sample data' : ''}`,
          cancellable: true,
        },
        (_progress, token) => {
          token.onCancellationRequested(() => source.cancel());
          return this.client.sendRequest(runOnSplunkRequest, params, source.token);
        },
      );
      if (this.current !== source) return;
      this.showResult(uri, result, label, rerun);
    } catch (error) {
      if (this.current !== source) return;
      this.panel.endRunning();
      void window.showErrorMessage(
        `SPL: cannot run ${documentLabel} on Splunk: ${(error as Error).message}`,
      );
    } finally {
      streamed.dispose();
      if (this.current === source) this.current = undefined;
      source.dispose();
    }
  }

  private showResult(
    uri: Uri,
    result: RunOnSplunkResult,
    label: SplunkRunLabel,
    rerun: () => void,
  ): void {
    const compared = result.comparison !== undefined;
    this.panel.show(uri, compared ? comparisonResult(result) : splunkResult(result), {
      origin: compared ? compareLabel(label, result) : splunkLabel(label),
      rerun,
    });
    this.problems.show(uri, result.messages);
    const error = result.error;
    if (!error) return;
    if (error.kind === 'cancelled') {
      void window.showInformationMessage(`SPL: ${error.message}`);
    } else {
      // The server's own words are in the panel and, where they name a place, in Problems.
      void window.showErrorMessage(`SPL: ${error.message} ${error.advice}`);
    }
  }
}

/** The URL was checked when it was read (splunkInputs' baseUrlProblem), so it parses. */
function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}
