import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runSearchCommand, type RunSearchResult } from '../protocol/runSearch';

const searchKey = /^search[ \t]*:/m;

/**
 * "Run on sample data" above the search (a .spl file's first line, a detection's `search:` key),
 * and after a run of this version, its result count and time. Both run the client's command.
 */
export function runCodeLenses(
  document: TextDocument,
  isYaml: boolean,
  lastRun: RunSearchResult | undefined,
): CodeLens[] {
  const text = document.getText();
  const offset = isYaml ? searchKey.exec(text)?.index : 0;
  if (offset === undefined) return [];
  const start = document.positionAt(offset);
  const range = { start, end: start };
  const command = (title: string) => ({
    range,
    command: { title, command: runSearchCommand, arguments: [document.uri] },
  });
  const lenses = [command('Run on sample data')];
  if (lastRun) lenses.push(command(runSummary(lastRun)));
  return lenses;
}

/** `2 results in 35 ms` (with `, stopped` when the run was cut short). */
export function runSummary(run: RunSearchResult): string {
  const count = `${run.totalRows} ${run.totalRows === 1 ? 'result' : 'results'}`;
  const time =
    run.elapsedMs < 1000
      ? `${Math.round(run.elapsedMs)} ms`
      : `${(run.elapsedMs / 1000).toFixed(1)} s`;
  return `${count} in ${time}${run.stopped ? ', stopped' : ''}`;
}
