import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MacroIndex } from '../core/macros';
import type { RunSearchMessage, RunSearchResult } from '../protocol/runSearch';
import type { SplunkRowComparison } from '../protocol/splunk';
import { compareRows } from '../splunk';
import type { DocumentSpl } from './documents';
import { runDocument } from './runSearchService';
import { pullSampleDataSources } from './currentSampleData';

/** What the local side of a comparison needs from the server's live state. */
export interface LocalRunSources {
  /** Absolute paths of the workspace folders. */
  readonly folders: () => readonly string[];
  readonly canPullConfiguration: () => boolean;
}

/**
 * The local half of "Compare Local and Splunk Results": the same run as "Run Search on Sample
 * Data" (runSearchService's `runDocument`), with the same sample-data choice.
 */
export async function runLocally(
  connection: Connection,
  sources: LocalRunSources,
  inputs: {
    document: TextDocument;
    source: DocumentSpl;
    macros: MacroIndex;
    maxRows: number;
    signal: AbortSignal;
  },
): Promise<RunSearchResult> {
  const sampleData = await pullSampleDataSources(
    connection,
    sources.folders(),
    sources.canPullConfiguration(),
  );
  const { result } = await runDocument({ ...inputs, sampleData });
  return result;
}

/**
 * The rows only one side has. Both sides are capped at the same `maxRows`, so when either side
 * had more rows the comparison covers only the first ones, and a message says so.
 */
export function compareRuns(
  local: RunSearchResult,
  server: { rows: readonly RunSearchResult['rows'][number][]; truncated: boolean },
): { comparison: SplunkRowComparison; messages: RunSearchMessage[] } {
  const comparison = compareRows(local.rows, server.rows);
  const messages: RunSearchMessage[] = [];
  if (local.truncated || server.truncated) {
    messages.push({
      severity: 'warning',
      code: 'splunk.compare.partial',
      message: `Only the first ${local.limits.maxRows} rows of each side were compared: ${local.truncated ? 'the local run' : 'the server'} returned more.`,
    });
  }
  if (comparison.fields.length === 0 && (local.rows.length > 0 || server.rows.length > 0)) {
    messages.push({
      severity: 'warning',
      code: 'splunk.compare.noCommonFields',
      message:
        'The local and server rows share no field, so no row can match: check that both runs read the same kind of events.',
    });
  }
  return { comparison, messages };
}
