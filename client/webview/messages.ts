/**
 * Messages between the extension host and the results webview (postMessage). Types only, shared
 * by both sides; the host checks every message it receives (client/src/results/webviewMessages.ts)
 * because the webview renders attacker-controlled event data.
 */
import type { RunSearchResult } from '../../server/src/protocol/runSearch';

export interface PanelRun {
  readonly result: RunSearchResult;
  /** The document's file name, for the header. */
  readonly documentLabel: string;
  /** Where the rows came from when not the sample data, e.g. `Splunk host:8089 · -24h to now`. */
  readonly origin?: string;
  /** More rows are coming for this run (a Splunk search still streaming). */
  readonly streaming?: boolean;
}

export type HostMessage =
  | { readonly type: 'show'; readonly run: PanelRun }
  | { readonly type: 'running'; readonly documentLabel: string }
  | { readonly type: 'stale' };

export type ExportFormat = 'csv' | 'json';

export type WebviewMessage =
  | { readonly type: 'ready' }
  /** Export these rows (indices into the result's rows, in the table's current order). */
  | { readonly type: 'export'; readonly format: ExportFormat; readonly rowIndices: number[] }
  /** Select a stage's text in the editor. */
  | { readonly type: 'revealStage'; readonly index: number }
  | { readonly type: 'rerun' };
