/**
 * The protocol between the VS Code client and the language server for running a search on sample
 * data. Shared by both sides; it imports only the LSP protocol package, so the client can bundle it
 * without any server code. Everything here is plain JSON.
 *
 * Flow: the client sends `spl/runSearch` with a CancellationToken (VS Code's progress
 * notification's cancel button cancels the token; vscode-languageclient turns that into LSP's
 * `$/cancelRequest`, which the server turns into the run's AbortSignal). The client shows the
 * progress itself (`window.withProgress`); the server does not send workDoneProgress. A cancelled
 * run answers with the LSP error RequestCancelled (-32800), and so does a run superseded by a
 * newer run of the same document. A search with errors still answers: `messages` says why, with
 * no stages. After a run
 * the server refreshes its code lenses and inlay hints; after an edit to a document that has a run,
 * it sends `spl/runStale` once.
 */
import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';

/** Client command names the server refers to (in code lenses). */
export const runSearchCommand = 'spl.runSearch';
export const selectSampleDataCommand = 'spl.selectSampleData';

/** Arguments of the `spl.runSearch` command as a code lens gives them: `[uri]`. */
export type RunSearchCommandArguments = [uri: string];

export interface RunSearchParams {
  /** An open document: a .spl/.splunk file or a detection YAML (its `search:` key). */
  readonly uri: string;
  /**
   * Files or folders of events to run over, absolute or relative to the workspace folder. When
   * absent the server uses, in order: the `spl.sampleDataPaths` setting, the detection's own
   * `tests:` datasets that exist in the workspace, then the workspace's default sample data (each
   * folder's `sample-data/events`, else its `*.log` files). Paths outside the workspace are not read.
   */
  readonly sampleDataPaths?: readonly string[];
  /** Result rows to return (default 1,000, at most 10,000); `totalRows` counts them all. */
  readonly maxRows?: number;
}

/** One row: every value as text, a multivalue field as a list (as `spl run --format json`). */
export type RunRow = Record<string, string | string[]>;

export type RunSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface RunSearchMessage {
  readonly severity: RunSeverity;
  /** Stable code, e.g. `spl.engine.by-field-missing`, `spl.engine.unsupported-command`. */
  readonly code: string;
  readonly message: string;
  /** Where in the document (through YAML quoting and macro expansion); absent for file problems. */
  readonly range?: Range;
}

export interface RunStageInfo {
  /** The command name (`search`, `stats`, ...). */
  readonly command: string;
  /** The stage's text in the document. */
  readonly range: Range;
  /** Rows into the stage (for the first search: every event read) and out of it. */
  readonly in: number;
  readonly out: number;
  /** Time spent in the stage itself, ms (the first stage includes reading the events). */
  readonly ms: number;
  /** The first rows out of the stage (at most `limits.sampleRowsPerStage`), and their fields. */
  readonly sampleFields: readonly string[];
  readonly sampleRows: readonly RunRow[];
}

export interface TimelineBucket {
  /** Bucket start and end, epoch seconds; end is exclusive. */
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/**
 * The matched events over `_time`, as Splunk's timeline shows them: the events that come out of
 * the last streaming stage before the first transforming command (stats, top, dedup is streaming;
 * with no transforming command, the search's own output). Events without `_time` are not counted.
 */
export interface Timeline {
  /** The stage whose output was counted (an index into `stages`). */
  readonly stageIndex: number;
  /**
   * Bucket width in seconds: the smallest of 1 s, 2 s, 5 s, 10 s, 30 s, 1 min, 5 min, 10 min,
   * 30 min, 1 h, 3 h, 12 h, 1 day, 1 week, 30 days, 365 days giving at most 100 buckets.
   */
  readonly bucketSeconds: number;
  /** From the first event's bucket to the last's, empty buckets included, aligned to UTC. */
  readonly buckets: readonly TimelineBucket[];
  /** Events counted (those with a `_time`). */
  readonly eventCount: number;
}

/** An input event behind one or more result rows. */
export interface RunEvent {
  /** The event's raw text, cut at `limits.eventRawChars` characters. */
  readonly raw: string;
  readonly rawTruncated: boolean;
  /** Epoch seconds; absent when the event has no time. */
  readonly time?: number;
  readonly source: string;
  readonly sourcetype: string;
  readonly host: string;
}

export type SampleDataOrigin = 'request' | 'setting' | 'detection-test' | 'workspace-default';

export interface RunDataset {
  readonly path: string;
  /** Where the server took it from. */
  readonly origin: SampleDataOrigin;
  readonly sourcetype?: string;
}

export interface RunLimitsInfo {
  readonly maxRows: number;
  readonly sampleRowsPerStage: number;
  readonly eventsPerRow: number;
  readonly maxEvents: number;
  readonly eventRawChars: number;
}

/** What every run of a document answers, locally or on a Splunk server. */
export interface RunRowsResult {
  readonly uri: string;
  /** The document version that ran; results describe that text. */
  readonly version: number;
  /** Fields in Splunk's order (as rows first show them). */
  readonly fields: readonly string[];
  /** The first result rows, at most the run's row limit. */
  readonly rows: readonly RunRow[];
  readonly totalRows: number;
  /** true when `rows` holds fewer than `totalRows`. */
  readonly truncated: boolean;
  /** The server's time for the run, ms. */
  readonly elapsedMs: number;
  /** true when the run was cancelled, hit its time limit or broke off (a message says which). */
  readonly stopped: boolean;
  readonly messages: readonly RunSearchMessage[];
}

export interface RunSearchResult extends RunRowsResult {
  readonly stages: readonly RunStageInfo[];
  /** Absent when the search reads no events (a generating command such as makeresults). */
  readonly timeline?: Timeline;
  /**
   * For each returned row (same index as `rows`), indices into `events` of up to
   * `limits.eventsPerRow` input events behind it: for streaming stages the event itself, for
   * stats-like stages the events of the group, for dedup the event kept. Rows made without
   * events (makeresults, a stats with no events) have [].
   */
  readonly rowEvents: readonly (readonly number[])[];
  /** The events `rowEvents` points to, at most `limits.maxEvents`. */
  readonly events: readonly RunEvent[];
  /**
   * true when some row lists fewer events than are behind it beyond `eventsPerRow`: the
   * `maxEvents` cap, or the server's memory budget for the events of stats-like groups (32 Mi
   * characters of raw text per run). The server always sends it.
   */
  readonly eventsTruncated?: boolean;
  /** The datasets the run read. */
  readonly datasets: readonly RunDataset[];
  readonly limits: RunLimitsInfo;
}

/** `spl/runSearch`: run the search of an open document on sample data. */
export const runSearchRequest = new RequestType<RunSearchParams, RunSearchResult, void>(
  'spl/runSearch',
);

export interface SampleDataParams {
  readonly uri: string;
}

export interface SampleDataCandidate {
  /** Absolute path of a file or folder. */
  readonly path: string;
  readonly origin: SampleDataOrigin;
  /** false when the file is missing or lies outside the workspace (then it is never read). */
  readonly usable: boolean;
}

export interface SampleDataResult {
  /** What a run with no `sampleDataPaths` would use now (empty: nothing found). */
  readonly selected: readonly SampleDataCandidate[];
  /** The detection's own `tests:` datasets, present locally or not, for a picker. */
  readonly detectionDatasets: readonly SampleDataCandidate[];
}

/**
 * `spl/sampleData`: the sample data a run of this document would use and the detection's own test
 * datasets. The "SPL: Select Sample Data" command lists these and writes the choice into the
 * `spl.sampleDataPaths` setting (or passes it as `sampleDataPaths` of a run).
 */
export const sampleDataRequest = new RequestType<SampleDataParams, SampleDataResult, void>(
  'spl/sampleData',
);

export interface RunStaleParams {
  readonly uri: string;
  /** The document version now; the last run's results describe an older one. */
  readonly version: number;
}

/** `spl/runStale` (server to client): the document changed since its last run. */
export const runStaleNotification = new NotificationType<RunStaleParams>('spl/runStale');
