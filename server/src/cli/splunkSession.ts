import type { ExpandOptions, MacroIndex } from '../core/macros';
import {
  connectionRunOptions,
  diffUsedMacros,
  fetchServerMacros,
  prepareRemoteSearch,
  rowFromServer,
  runOnSplunk,
  type ComparableRow,
  type RemoteSearch,
  type SplunkRunResult,
} from '../splunk';
import { formatDiagnostic } from './report';
import { splunkConnectionOf, type SplunkFlags } from './splunkConnection';
import { formatMacroDifferences, formatServerMessage, formatSplunkError } from './splunkReport';
import type { SplSource } from './splSource';

export interface RemoteRunInput {
  source: SplSource;
  macros: MacroIndex;
  /** How our expansion treats eval macros and the detection's `_filter` (--send-expanded). */
  expandOptions: ExpandOptions;
  flags: SplunkFlags;
  timeoutMs?: number;
}

export type RemoteOutcome =
  /** Nothing was sent: a usage error or an expansion error, already printed. */
  | { kind: 'stopped'; exitCode: number }
  | { kind: 'ran'; result: SplunkRunResult; remote: RemoteSearch };

const USAGE = 2;
const SEARCH_ERROR = 1;
/** What a shell reports for a process ended by Ctrl-C (128 + SIGINT). */
const CANCELLED = 130;

/**
 * Runs the search on the server, each final row to onRow as it arrives; Ctrl-C cancels the
 * request. Usage errors, expansion problems and (with --send-expanded) the used macros that
 * differ from the server's go to standard error.
 */
export async function runRemote(
  input: RemoteRunInput,
  onRow: (row: ComparableRow) => void,
): Promise<RemoteOutcome> {
  const stderr = (text: string): void => void process.stderr.write(text);
  const connection = splunkConnectionOf(input.flags, input.timeoutMs, process.env, (warning) =>
    stderr(`${warning}\n`),
  );
  if (typeof connection === 'string') {
    stderr(`spl run: ${connection}\n`);
    return { kind: 'stopped', exitCode: USAGE };
  }
  const { source } = input;
  const mode = input.flags.sendExpanded === true ? 'local-expansion' : 'server-macros';
  const remote = prepareRemoteSearch(source.spl, mode, input.macros, input.expandOptions);
  for (const d of remote.diagnostics) {
    stderr(`${formatDiagnostic(source.path, { ...d, range: source.toFileRange(d.range) })}\n`);
  }
  if (remote.diagnostics.some((d) => d.severity === 'error')) {
    stderr('spl run: nothing was sent: fix the expansion errors above first.\n');
    return { kind: 'stopped', exitCode: SEARCH_ERROR };
  }
  const controller = new AbortController();
  const cancel = (): void => controller.abort();
  process.once('SIGINT', cancel);
  try {
    if (mode === 'local-expansion') {
      const server = await fetchServerMacros(connection, controller.signal);
      if (server.ok)
        stderr(formatMacroDifferences(diffUsedMacros(source.spl, input.macros, server.macros)));
      else {
        stderr(
          `spl run: could not read the server's macros to compare them: ${server.error.message}\n`,
        );
      }
    }
    const result = await runOnSplunk({
      ...connectionRunOptions(connection),
      search: remote.text,
      ...(input.flags.earliest !== undefined ? { earliest: input.flags.earliest } : {}),
      ...(input.flags.latest !== undefined ? { latest: input.flags.latest } : {}),
      signal: controller.signal,
      onResult: (row) => onRow(rowFromServer(row)),
    });
    return { kind: 'ran', result, remote };
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}

/** The run's error or the server's warnings on standard error; the exit code for the run. */
export function finishRemote(
  result: SplunkRunResult,
  remote: RemoteSearch,
  source: SplSource,
): number {
  for (const message of result.messages) {
    process.stderr.write(`${formatServerMessage(message, 'message', remote, source)}\n`);
  }
  if (!result.error) return 0;
  process.stderr.write(formatSplunkError(result.error, remote, source));
  return result.error.kind === 'cancelled' ? CANCELLED : SEARCH_ERROR;
}
