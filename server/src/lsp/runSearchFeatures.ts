import {
  CodeLensRefreshRequest,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type Position,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeverityOverrides } from '../core/analysis';
import type { MacroIndex } from '../core/macros';
import {
  runSearchRequest,
  runStaleNotification,
  sampleDataRequest,
  type RunSearchResult,
} from '../protocol/runSearch';
import { runCodeLenses } from './codeLens';
import type { DocumentSpl } from './documents';
import { DocumentRuns, searchToRun } from './documentRuns';
import { EvaluationDiagnostics, evaluationLimits } from './evaluationDiagnostics';
import { stageInlayHints } from './inlayHints';
import { evaluateDocument, runDocument, RunStore } from './runSearchService';
import { pullSampleDataSources } from './currentSampleData';
import { sampleDataOf } from './sampleData';
import { stageHoverAt } from './stageHover';

export interface RunSearchDependencies {
  readonly sourceOf: (document: TextDocument) => DocumentSpl | undefined;
  readonly macros: () => MacroIndex;
  /** Absolute paths of the workspace folders. */
  readonly folders: () => readonly string[];
  /** Publishes the document's diagnostics again (the diagnostic scheduler). */
  readonly republish: (document: TextDocument) => void;
  /** Whether the client can answer workspace/configuration. */
  readonly canPullConfiguration: () => boolean;
}

/** What main.ts composes with its own features: diagnostics and hovers. */
export interface RunSearchFeatures {
  evaluationDiagnostics(
    document: TextDocument,
  ): ReturnType<EvaluationDiagnostics['diagnosticsFor']>;
  /** Markdown about the stage under the cursor after a run of this version. */
  stageHover(uri: string, position: Position): string | undefined;
}

/**
 * Running searches in the server: `spl/runSearch`, `spl/sampleData`, the run code lenses, the
 * stage inlay hints, the stage hover and evaluation diagnostics. Needs the capabilities
 * `codeLensProvider` and `inlayHintProvider`.
 */
export function registerRunSearch(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  deps: RunSearchDependencies,
): RunSearchFeatures {
  const store = new RunStore();
  const running = new DocumentRuns();
  let rules: SeverityOverrides = {};
  const currentSources = async () => {
    const sources = await pullSampleDataSources(
      connection,
      deps.folders(),
      deps.canPullConfiguration(),
    );
    rules = sources.rules;
    return sources;
  };
  const evaluation = new EvaluationDiagnostics({
    evaluate: async (document, signal) => {
      const source = deps.sourceOf(document);
      const sampleData = await currentSources();
      if (!source || !sampleData.evaluation || signal.aborted) return undefined;
      const inputs = { document, source, macros: deps.macros(), sampleData, signal };
      return evaluateDocument(inputs, evaluationLimits)?.run;
    },
    sourceOf: deps.sourceOf,
    republish: deps.republish,
    rules: () => rules,
  });
  const refreshViews = () => {
    void connection.languages.inlayHint.refresh().catch(() => undefined);
    void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };

  connection.onRequest(runSearchRequest, async (params, token) => {
    const toRun = searchToRun(documents, deps.sourceOf, params.uri);
    if (!toRun) {
      return new ResponseError<void>(
        ErrorCodes.InvalidParams,
        'Open a .spl file or a detection YAML with a `search:` key to run its search.',
      );
    }
    const { document, source } = toRun;
    const controller = running.start(params.uri, token);
    const { result, engine } = await runDocument({
      document,
      source,
      macros: deps.macros(),
      sampleData: await currentSources(),
      signal: controller.signal,
      ...(params.sampleDataPaths ? { requestedPaths: params.sampleDataPaths } : {}),
      ...(params.maxRows !== undefined ? { maxRows: params.maxRows } : {}),
    });
    running.finish(params.uri, controller);
    if (controller.signal.aborted) {
      return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The run was cancelled.');
    }
    store.set(result);
    evaluation.record(document, source, engine);
    refreshViews();
    return result;
  });

  connection.onRequest(sampleDataRequest, async ({ uri }) => {
    const document = documents.get(uri);
    return sampleDataOf(uri, document?.getText() ?? '', await currentSources());
  });

  connection.onCodeLens(({ textDocument }) => {
    const toRun = searchToRun(documents, deps.sourceOf, textDocument.uri);
    if (!toRun) return [];
    const { document, source } = toRun;
    return runCodeLenses(document, source.detectionFileName !== undefined, store.current(document));
  });

  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const document = documents.get(textDocument.uri);
    const run: RunSearchResult | undefined = document && store.current(document);
    return run ? stageInlayHints(run, range) : [];
  });

  documents.onDidChangeContent(({ document }) => {
    if (store.becameStale(document)) {
      void connection.sendNotification(runStaleNotification, {
        uri: document.uri,
        version: document.version,
      });
      refreshViews();
    }
    if (deps.sourceOf(document)) evaluation.schedule(document);
  });
  documents.onDidClose(({ document }) => {
    running.stop(document.uri);
    store.delete(document.uri);
    evaluation.forget(document.uri);
  });

  return {
    evaluationDiagnostics: (document) => evaluation.diagnosticsFor(document),
    stageHover(uri, position) {
      const document = documents.get(uri);
      const run = document && store.current(document);
      return run && stageHoverAt(run, position);
    },
  };
}
