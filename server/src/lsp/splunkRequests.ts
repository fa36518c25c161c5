import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MacroIndex } from '../core/macros';
import {
  runOnSplunkRequest,
  splunkRowsNotification,
  type RunOnSplunkParams,
  type RunOnSplunkResult,
} from '../protocol/splunk';
import { DocumentRuns, searchToRun } from './documentRuns';
import type { DocumentSpl } from './documents';
import { compareRuns, runLocally, type LocalRunSources } from './splunkCompare';
import { maxRowsOf, runDocumentOnSplunk } from './splunkRun';

export interface SplunkDependencies extends LocalRunSources {
  readonly sourceOf: (document: TextDocument) => DocumentSpl | undefined;
  readonly macros: () => MacroIndex;
}

/**
 * `spl/runOnSplunk`: runs an open document's search on a Splunk server, streaming rows through
 * `spl/splunkRows`, and with `compare` also on the sample data. A new run of a document stops the
 * one before; closing the document or cancelling the request aborts the HTTP request.
 */
export function registerSplunk(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  deps: SplunkDependencies,
): void {
  const running = new DocumentRuns();

  connection.onRequest(runOnSplunkRequest, async (params, token) => {
    const invalid = paramsProblem(params);
    if (invalid) return new ResponseError<void>(ErrorCodes.InvalidParams, invalid);
    const toRun = searchToRun(documents, deps.sourceOf, params.uri);
    if (!toRun) {
      return new ResponseError<void>(
        ErrorCodes.InvalidParams,
        'Open a .spl file or a detection YAML with a `search:` key to run its search on Splunk.',
      );
    }
    const { document, source } = toRun;
    const controller = running.start(params.uri, token);
    const macros = deps.macros();
    const maxRows = maxRowsOf(params.maxRows);
    try {
      const [remote, local] = await Promise.all([
        runDocumentOnSplunk({
          document,
          source,
          macros,
          params,
          signal: controller.signal,
          sendRows: (rows, totalRows) =>
            void connection.sendNotification(splunkRowsNotification, {
              runId: params.runId,
              rows,
              totalRows,
            }),
        }),
        params.compare
          ? runLocally(connection, deps, {
              document,
              source,
              macros,
              maxRows,
              signal: controller.signal,
            })
          : undefined,
      ]);
      if (!local) return remote;
      const { comparison, messages } = compareRuns(local, remote);
      const result: RunOnSplunkResult = {
        ...remote,
        messages: [...remote.messages, ...messages],
        local,
        comparison,
      };
      return result;
    } finally {
      running.finish(params.uri, controller);
    }
  });

  documents.onDidClose(({ document }) => running.stop(document.uri));
}

/** The client is ours, but a malformed request must fail with a reason, not a crash. */
function paramsProblem(params: RunOnSplunkParams): string | undefined {
  const value = params as unknown as Record<string, unknown>;
  const connection = value.connection as Record<string, unknown> | undefined;
  if (typeof value.uri !== 'string' || typeof value.runId !== 'string') {
    return 'spl/runOnSplunk needs `uri` and `runId`.';
  }
  if (
    typeof connection !== 'object' ||
    connection === null ||
    typeof connection.baseUrl !== 'string' ||
    typeof connection.token !== 'string' ||
    typeof connection.verifyTls !== 'boolean'
  ) {
    return 'spl/runOnSplunk needs `connection` with `baseUrl`, `token` and `verifyTls`.';
  }
  if (typeof value.earliest !== 'string' || typeof value.latest !== 'string') {
    return 'spl/runOnSplunk needs `earliest` and `latest` (Splunk time modifiers such as -24h and now).';
  }
  if (value.mode !== 'server-macros' && value.mode !== 'local-expansion') {
    return 'spl/runOnSplunk `mode` is `server-macros` or `local-expansion`.';
  }
  const positive = (n: unknown) => n === undefined || (typeof n === 'number' && n > 0);
  if (!positive(value.maxRows) || !positive(connection.timeoutMs)) {
    return 'spl/runOnSplunk `maxRows` and `connection.timeoutMs` are positive numbers when given.';
  }
  if (value.compare !== undefined && typeof value.compare !== 'boolean') {
    return 'spl/runOnSplunk `compare` is true or false.';
  }
  return undefined;
}
