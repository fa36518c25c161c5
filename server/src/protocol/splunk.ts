/**
 * The protocol between the VS Code client and the language server for running a document's search
 * on a Splunk server. Plain JSON types and the LSP message types only, so the client can bundle it.
 *
 * Flow: the client sends `spl/runOnSplunk` with a CancellationToken and a `runId` of its own. While
 * the server streams results from Splunk's export endpoint it sends `spl/splunkRows` notifications
 * with new rows in batches (at most every `splunkRowBatch.intervalMs` or `splunkRowBatch.rows`
 * rows), so the panel fills as results arrive. The request is answered when the search ends,
 * fails or is cancelled: a cancel (`$/cancelRequest`) aborts the HTTP request, and the answer then
 * holds the rows that had arrived with `stopped: true`. A failure is an answer too (`error` plus
 * the server's own messages), never an LSP error, so the rows that arrived are kept.
 *
 * The token travels only in this request to our own server process (stdio or IPC); the server
 * never logs it, never stores it, and removes it from every text it sends back.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { RunRow, RunRowsResult, RunSearchResult } from './runSearch';
// Types only: nothing of the Splunk client reaches the client's bundle.
import type { SplunkErrorKind } from '../splunk/types';

/** Client command names. */
export const runOnSplunkCommand = 'spl.runOnSplunk';
export const compareWithSplunkCommand = 'spl.compareWithSplunk';
export const setSplunkTokenCommand = 'spl.setSplunkToken';
export const clearSplunkTokenCommand = 'spl.clearSplunkToken';

/** How the server batches streamed rows into `spl/splunkRows` notifications. */
export const splunkRowBatch = { intervalMs: 100, rows: 500 } as const;

export interface SplunkConnectionParams {
  /** Base URL of the management port, e.g. https://splunk.example.com:8089 */
  readonly baseUrl: string;
  readonly token: string;
  /** Verify the server's TLS certificate; false only for a self-signed test server. */
  readonly verifyTls: boolean;
  /** Whole-run limit, ms (default 5 minutes). */
  readonly timeoutMs?: number;
}

/**
 * `server-macros` sends the search as written and the server expands its own macros;
 * `local-expansion` sends our expansion and reports which macro definitions differ.
 */
export type SplunkSearchMode = 'server-macros' | 'local-expansion';

export interface RunOnSplunkParams {
  /** An open document: a .spl/.splunk file or a detection YAML (its `search:` key). */
  readonly uri: string;
  /** Chosen by the client; every `spl/splunkRows` notification of this run carries it. */
  readonly runId: string;
  readonly connection: SplunkConnectionParams;
  /** Splunk time modifiers, e.g. `-24h` and `now`. */
  readonly earliest: string;
  readonly latest: string;
  readonly mode: SplunkSearchMode;
  /** Also run the search locally on its sample data and compare the rows. */
  readonly compare?: boolean;
  /** Result rows to keep (default 1,000, at most 10,000, as a local run); `totalRows` counts all. */
  readonly maxRows?: number;
}

export interface SplunkRowsParams {
  readonly runId: string;
  /** Rows that arrived since the last notification, in order. */
  readonly rows: readonly RunRow[];
  /** Rows received so far (rows beyond `maxRows` are counted but not sent). */
  readonly totalRows: number;
}

export type { SplunkErrorKind };

export interface SplunkRunError {
  readonly kind: SplunkErrorKind;
  /** What happened, in our words (the server's own texts are in `messages`). */
  readonly message: string;
  /** What the user can do about it. */
  readonly advice: string;
  readonly httpStatus?: number;
}

export interface SplunkMacroDifference {
  /** Stanza name, e.g. `sysmon` or `security_content_ctime(1)`. */
  readonly name: string;
  readonly kind: 'differs' | 'missing-on-server' | 'missing-locally';
  /** The definitions, verbatim. */
  readonly local?: string;
  readonly server?: string;
}

export interface SplunkRowComparison {
  /** The fields a row's identity was taken over. */
  readonly fields: readonly string[];
  readonly onlyLocal: readonly RunRow[];
  readonly onlyServer: readonly RunRow[];
  readonly inBoth: number;
  readonly localOnlyFields: readonly string[];
  readonly serverOnlyFields: readonly string[];
}

/**
 * The answer of `spl/runOnSplunk`. `version` is the document version whose search was sent;
 * `rows` are what arrived; `stopped` is true when the run was cancelled, timed out or broke off.
 * `messages` holds the server's messages verbatim (code `splunk.server.<TYPE>`), with a range in
 * the document where a message names a command or term of the search, then our own
 * (`splunk.<kind>` for a failure with its advice, `spl.*` for expansion problems in
 * local-expansion mode).
 */
export interface RunOnSplunkResult extends RunRowsResult {
  readonly runId: string;
  /** host:port of the server, for the panel's label (never the token). */
  readonly host: string;
  readonly earliest: string;
  readonly latest: string;
  readonly mode: SplunkSearchMode;
  /** Exactly what went into the export request's `search` field. */
  readonly sentSearch: string;
  readonly error?: SplunkRunError;
  /** local-expansion only: the used macros whose definitions differ from the server's. */
  readonly macroDifferences?: readonly SplunkMacroDifference[];
  /** compare only: the local run on sample data, and the rows only one side has. */
  readonly local?: RunSearchResult;
  readonly comparison?: SplunkRowComparison;
}

/** `spl/runOnSplunk`: run the search of an open document on a Splunk server. */
export const runOnSplunkRequest = new RequestType<RunOnSplunkParams, RunOnSplunkResult, void>(
  'spl/runOnSplunk',
);

/** `spl/splunkRows` (server to client): rows of a running `spl/runOnSplunk`, as they arrive. */
export const splunkRowsNotification = new NotificationType<SplunkRowsParams>('spl/splunkRows');
