import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MacroIndex } from '../core/macros';
import { detectionFilterMacroName } from '../core/syntax/documents';
import type { RunSearchMessage } from '../protocol/runSearch';
import type {
  RunOnSplunkParams,
  RunOnSplunkResult,
  SplunkMacroDifference,
} from '../protocol/splunk';
import {
  connectionRunOptions,
  diffUsedMacros,
  exportSearchText,
  fetchServerMacros,
  prepareRemoteSearch,
  rowFromServer,
  runOnSplunk,
  type SplunkConnection,
} from '../splunk';
import type { DocumentSpl } from './documents';
import { runPayloadLimits } from './runSearchResult';
import { expansionMessage, failureMessage, serverMessage, toRunError } from './splunkMessages';
import { SplunkRowStream, type SendRows } from './splunkRowStream';

/** Failures after which the rows that arrived are a true but incomplete answer. */
const stoppingKinds = new Set(['cancelled', 'timeout', 'dropped']);

export interface SplunkRunInputs {
  readonly document: TextDocument;
  readonly source: DocumentSpl;
  readonly macros: MacroIndex;
  readonly params: RunOnSplunkParams;
  readonly signal: AbortSignal;
  /** Streams rows to the client as they arrive. */
  readonly sendRows: SendRows;
}

/** The Splunk part of a run, without the local run and comparison that `compare` adds. */
export type SplunkRunOutcome = Omit<RunOnSplunkResult, 'local' | 'comparison'>;

/**
 * Runs a document's search on Splunk: prepares what is sent (as written, or our expansion),
 * streams the rows through the export endpoint, and maps every server message onto the document.
 * In local-expansion mode it also fetches the server's macros to say which definitions differ.
 */
export async function runDocumentOnSplunk(inputs: SplunkRunInputs): Promise<SplunkRunOutcome> {
  const started = performance.now();
  const { document, source, params } = inputs;
  // A detection's `<name>_filter` is `search *` unless defined, as in local runs and lint.
  const remote = prepareRemoteSearch(
    source.spl,
    params.mode,
    inputs.macros,
    source.detectionFileName === undefined
      ? {}
      : { implicitFilterMacros: [detectionFilterMacroName(source.detectionFileName)] },
  );
  const stream = new SplunkRowStream(maxRowsOf(params.maxRows), inputs.sendRows);
  const base = {
    uri: document.uri,
    version: document.version,
    runId: params.runId,
    host: hostOf(params.connection.baseUrl),
    earliest: params.earliest,
    latest: params.latest,
    mode: params.mode,
    sentSearch: exportSearchText(remote.text),
  };
  const expansionProblems = remote.diagnostics.map((d) => expansionMessage(d, document, source));
  if (remote.diagnostics.some((d) => d.severity === 'error')) {
    // An incomplete expansion would only make the server report our macro problem in its words.
    return {
      ...base,
      ...emptyRows(started),
      stopped: false,
      messages: expansionProblems,
      error: {
        kind: 'input',
        message: 'The search was not sent: its macros could not be expanded locally.',
        advice: 'Fix the macro problems shown, or run with the server expanding its own macros.',
      },
    };
  }
  const connection = connectionOf(params);
  const differences =
    params.mode === 'local-expansion'
      ? macroDifferences(source.spl, inputs.macros, connection, inputs.signal)
      : undefined;
  const run = await runOnSplunk({
    ...connectionRunOptions(connection),
    search: remote.text,
    earliest: params.earliest,
    latest: params.latest,
    signal: inputs.signal,
    onResult: (row) => stream.push(rowFromServer(row)),
  });
  stream.flush();
  const context = { document, source, remote };
  const messages: RunSearchMessage[] = [
    ...run.messages.map((m) => serverMessage(m, context)),
    ...(run.error?.serverMessages ?? []).map((m) => serverMessage(m, context)),
    ...(run.error ? [failureMessage(run.error)] : []),
    ...expansionProblems,
  ];
  const compared = differences && (await differences);
  if (compared && 'problem' in compared) messages.push(compared.problem);
  return {
    ...base,
    fields: stream.fields,
    rows: stream.rows,
    totalRows: stream.total,
    truncated: stream.rows.length < stream.total,
    elapsedMs: elapsedSince(started),
    stopped: run.error !== undefined && stoppingKinds.has(run.error.kind),
    messages,
    ...(run.error ? { error: toRunError(run.error) } : {}),
    ...(compared && 'differences' in compared ? { macroDifferences: compared.differences } : {}),
  };
}

/** The server's macro definitions against ours, for the macros the search uses. */
async function macroDifferences(
  searchText: string,
  macros: MacroIndex,
  connection: SplunkConnection,
  signal: AbortSignal,
): Promise<{ differences: SplunkMacroDifference[] } | { problem: RunSearchMessage }> {
  const fetched = await fetchServerMacros(connection, signal);
  if (fetched.ok) return { differences: diffUsedMacros(searchText, macros, fetched.macros) };
  return {
    problem: {
      severity: 'warning',
      code: 'splunk.macros',
      message: `The server's macro definitions could not be read, so differences are not shown: ${fetched.error.message} ${fetched.error.advice}`,
    },
  };
}

export function maxRowsOf(requested: number | undefined): number {
  return Math.min(
    Math.max(1, Math.floor(requested ?? runPayloadLimits.defaultRows)),
    runPayloadLimits.maxRows,
  );
}

function connectionOf(params: RunOnSplunkParams): SplunkConnection {
  const { baseUrl, token, verifyTls, timeoutMs } = params.connection;
  return { baseUrl, token, verifyTls, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    // The raw text might hold credentials; the run fails on it anyway with its own message.
    return 'invalid URL';
  }
}

function emptyRows(started: number) {
  return { fields: [], rows: [], totalRows: 0, truncated: false, elapsedMs: elapsedSince(started) };
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
