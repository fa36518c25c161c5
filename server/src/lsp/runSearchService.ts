import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RunLimits } from '../core/engine/plan/limits';
import { nearestLookupFolder } from '../core/engine/lookupFiles';
import { runSearch, type RunResult } from '../core/engine/run';
import type { MacroIndex } from '../core/macros';
import { detectionFilterMacroName } from '../core/syntax/documents';
import type { RunSearchResult } from '../protocol/runSearch';
import type { DocumentSpl } from './documents';
import { runPayloadLimits, toRunSearchResult } from './runSearchResult';
import { chooseSampleData, type SampleDataChoice, type SampleDataSources } from './sampleData';

/**
 * The run stays on the server's thread: the engine's row chain gives the event loop a turn after
 * this much work, so diagnostics, hovers and completion keep answering during a long run. A worker
 * thread would isolate the run fully but needs its own bundle entry, a copy of the macro index
 * and settings per run, and copying results back; bench/runRequest.ts measured hovers during a
 * 100K-event stats run at p50 67 ms, p95 120 ms (machine load 15 on 2 cores), which is enough.
 */
export const runYieldEveryMs = 10;

export interface RunInputs {
  readonly document: TextDocument;
  readonly source: DocumentSpl;
  readonly macros: MacroIndex;
  readonly sampleData: SampleDataSources;
  readonly requestedPaths?: readonly string[];
  readonly maxRows?: number;
  readonly signal: AbortSignal;
}

/** The last finished run of each document, for lenses, inlay hints and stage hovers. */
export class RunStore {
  private readonly runs = new Map<string, RunSearchResult>();
  private readonly staleNotified = new Set<string>();

  set(result: RunSearchResult): void {
    this.runs.set(result.uri, result);
    this.staleNotified.delete(result.uri);
  }

  /** The last run of the document if it ran this very version; older results would misplace. */
  current(document: TextDocument): RunSearchResult | undefined {
    const run = this.runs.get(document.uri);
    return run && run.version === document.version ? run : undefined;
  }

  /** True once per edit series: the document has a run and just left its version. */
  becameStale(document: TextDocument): boolean {
    const run = this.runs.get(document.uri);
    if (!run || run.version === document.version || this.staleNotified.has(document.uri))
      return false;
    this.staleNotified.add(document.uri);
    return true;
  }

  delete(uri: string): void {
    this.runs.delete(uri);
    this.staleNotified.delete(uri);
  }
}

/** Runs a document's search on its sample data with everything the editor shows. */
export async function runDocument(
  inputs: RunInputs,
): Promise<{ result: RunSearchResult; engine: RunResult; choice: SampleDataChoice }> {
  const started = performance.now();
  const { document, source, sampleData } = inputs;
  const choice = chooseSampleData(
    document.uri,
    document.getText(),
    sampleData,
    inputs.requestedPaths,
  );
  const maxRows = Math.min(
    Math.max(1, Math.floor(inputs.maxRows ?? runPayloadLimits.defaultRows)),
    runPayloadLimits.maxRows,
  );
  const engine = await runSearch({
    ...engineInputs(inputs, choice),
    signal: inputs.signal,
    details: {
      sampleRows: runPayloadLimits.sampleRowsPerStage,
      eventsPerRow: runPayloadLimits.eventsPerRow,
      rowsWithEvents: maxRows,
    },
    yieldEveryMs: runYieldEveryMs,
  });
  const result = toRunSearchResult(engine, {
    document,
    source,
    datasets: choice.described,
    maxRows,
    elapsedMs: performance.now() - started,
  });
  return { result, engine, choice };
}

/** A quick run for evaluation diagnostics only: bounded, no details. */
export function evaluateDocument(
  inputs: Omit<RunInputs, 'maxRows' | 'requestedPaths'>,
  limits: Partial<RunLimits>,
): { choice: SampleDataChoice; run: Promise<RunResult> } | undefined {
  const choice = chooseSampleData(
    inputs.document.uri,
    inputs.document.getText(),
    inputs.sampleData,
  );
  if (choice.datasets.length === 0) return undefined;
  return {
    choice,
    run: runSearch({
      ...engineInputs(inputs, choice),
      signal: inputs.signal,
      limits,
      yieldEveryMs: runYieldEveryMs,
    }),
  };
}

function engineInputs(
  inputs: Pick<RunInputs, 'document' | 'source' | 'macros' | 'sampleData'>,
  choice: SampleDataChoice,
) {
  const { source, sampleData } = inputs;
  const settings = sampleData.settings;
  return {
    text: source.spl,
    macroIndex: inputs.macros,
    implicitFilterMacros:
      source.detectionFileName === undefined
        ? []
        : [detectionFilterMacroName(source.detectionFileName)],
    datasets: [...choice.datasets],
    fieldConfigFiles: settings.resolvePaths(settings.settings.propsPaths),
    lookupPaths: lookupFolder(inputs.document.uri, (path) => settings.inWorkspace(path)),
    timezone: settings.settings.timezone || 'UTC',
  };
}

/** The nearest `lookups/` folder at or above the document, inside the workspace (as `spl run`). */
function lookupFolder(uri: string, inWorkspace: (path: string) => boolean): string[] {
  return uri.startsWith('file:')
    ? nearestLookupFolder(dirname(fileURLToPath(uri)), inWorkspace)
    : [];
}
