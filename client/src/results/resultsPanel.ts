import * as path from 'node:path';
import {
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type WebviewPanel,
} from 'vscode';
import type { RunSearchResult } from '../../../server/src/protocol/runSearch';
import type { HostMessage, PanelRun, WebviewMessage } from '../../webview/messages';
import { toCsv, toJson } from './exportResults';
import { createNonce, panelHtml } from './panelHtml';
import { parseWebviewMessage } from './webviewMessages';

interface ShownRun extends PanelRun {
  readonly documentUri: Uri;
}

/** For results that do not come from a run on sample data (a Splunk server, a comparison). */
export interface ShowOptions {
  /** The label that says where the rows came from. */
  readonly origin?: string;
  /** More rows of this run are coming. */
  readonly streaming?: boolean;
  /** What "Run again" does for these results (default: run on sample data). */
  readonly rerun?: () => void;
}

/**
 * The one results panel, beside the editor, reused by every run. The page is static and loads only
 * dist/webview; results go in by postMessage, and what comes back is checked before use.
 */
export class ResultsPanel implements Disposable {
  private panel: WebviewPanel | undefined;
  private last: ShownRun | undefined;
  private runningLabel: string | undefined;
  private lastRerun: (() => void) | undefined;

  constructor(
    private readonly extensionUri: Uri,
    private readonly rerun: (documentUri: Uri) => void,
  ) {}

  showRunning(documentUri: Uri): void {
    this.runningLabel = path.basename(documentUri.fsPath);
    if (this.panel) this.post({ type: 'running', documentLabel: this.runningLabel });
  }

  show(documentUri: Uri, result: RunSearchResult, options: ShowOptions = {}): void {
    this.runningLabel = undefined;
    const documentLabel = path.basename(documentUri.fsPath);
    const { origin, streaming } = options;
    const continuing = this.last?.streaming === true && this.panel !== undefined;
    const run: PanelRun = {
      result,
      documentLabel,
      ...(origin !== undefined ? { origin } : {}),
      ...(streaming === true ? { streaming } : {}),
    };
    this.last = { ...run, documentUri };
    this.lastRerun = options.rerun;
    const panel = this.open();
    this.post({ type: 'show', run });
    // Later batches of a streaming run would otherwise pull the panel back to the front.
    if (!continuing) panel.reveal(undefined, true);
  }

  /** A run that failed or was cancelled leaves the last results as they were. */
  endRunning(): void {
    this.runningLabel = undefined;
    if (this.last) this.post({ type: 'show', run: this.last });
  }

  markStale(documentUri: string): void {
    if (this.last?.documentUri.toString() === documentUri) this.post({ type: 'stale' });
  }

  /** The status bar item's click: bring the panel back with the last results. */
  reveal(): void {
    if (!this.last) {
      void window.showInformationMessage(
        'SPL: no results yet: run "SPL: Run Search on Sample Data" on a search.',
      );
      return;
    }
    const wasOpen = this.panel !== undefined;
    this.open().reveal(undefined, true);
    // A new panel asks for the results itself with 'ready'.
    if (wasOpen) this.post({ type: 'show', run: this.last });
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private open(): WebviewPanel {
    if (this.panel) return this.panel;
    const root = Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = window.createWebviewPanel(
      'spl.results',
      'SPL Results',
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableForms: false, localResourceRoots: [root] },
    );
    const webview = panel.webview;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(Uri.joinPath(root, 'results.js')).toString(),
      styleUri: webview.asWebviewUri(Uri.joinPath(root, 'results.css')).toString(),
      nonce: createNonce(),
    });
    webview.onDidReceiveMessage((value: unknown) => {
      const result = this.last?.result;
      const message = parseWebviewMessage(value, {
        rowCount: result?.rows.length ?? 0,
        stageCount: result?.stages.length ?? 0,
      });
      if (message) void this.handle(message);
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
    });
    this.panel = panel;
    return panel;
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const last = this.last;
    switch (message.type) {
      case 'ready':
        if (this.runningLabel) this.post({ type: 'running', documentLabel: this.runningLabel });
        else if (last) this.post({ type: 'show', run: last });
        return;
      case 'rerun':
        if (this.lastRerun) this.lastRerun();
        else if (last) this.rerun(last.documentUri);
        return;
      case 'revealStage':
        if (last) await revealStage(last, message.index);
        return;
      case 'export':
        if (last) await exportRows(last, message.format, message.rowIndices);
        return;
    }
  }
}

async function revealStage(run: ShownRun, index: number): Promise<void> {
  const stage = run.result.stages[index];
  if (!stage) return;
  const { start, end } = stage.range;
  const range = new Range(start.line, start.character, end.line, end.character);
  // Into the editor that shows the document already, else the first column (the panel is beside).
  const shown = window.visibleTextEditors.find(
    (e) => e.document.uri.toString() === run.documentUri.toString(),
  );
  const editor = await window.showTextDocument(run.documentUri, {
    viewColumn: shown?.viewColumn ?? ViewColumn.One,
    preserveFocus: false,
  });
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Writes the rows the table shows, in its order, where the user chooses in a save dialog. */
async function exportRows(
  run: ShownRun,
  format: 'csv' | 'json',
  rowIndices: number[],
): Promise<void> {
  const { fields, rows } = run.result;
  const chosen = rowIndices.flatMap((i) => {
    const row = rows[i];
    return row ? [row] : [];
  });
  const base = run.documentLabel.replace(/\.[^.]*$/, '');
  const folder =
    workspace.getWorkspaceFolder(run.documentUri)?.uri ?? Uri.joinPath(run.documentUri, '..');
  const target = await window.showSaveDialog({
    defaultUri: Uri.joinPath(folder, `${base}.results.${format}`),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    title: `Export ${chosen.length} rows`,
  });
  if (!target) return;
  const text = format === 'csv' ? toCsv(fields, chosen) : toJson(fields, chosen);
  try {
    await workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void window.showInformationMessage(`SPL: exported ${chosen.length} rows to ${target.fsPath}.`);
  } catch (error) {
    void window.showErrorMessage(`SPL: cannot write ${target.fsPath}: ${(error as Error).message}`);
  }
}
