import { fileURLToPath } from 'node:url';
import type { RunRow, RunSearchResult } from '../../server/src/protocol/runSearch';

// From import.meta.url, which the bundled bench (bench/bundled.mjs) also defines.
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const zero = { line: 0, character: 0 };

/** A run result as the server sends it, with `rows` over `fields` and what the test overrides. */
export function runResult(
  fields: string[],
  rows: RunRow[],
  overrides: Partial<RunSearchResult> = {},
): RunSearchResult {
  return {
    uri: 'file:///work/detection.spl',
    version: 1,
    fields,
    rows,
    totalRows: rows.length,
    truncated: false,
    elapsedMs: 12,
    stopped: false,
    stages: [
      {
        command: 'search',
        range: { start: zero, end: { line: 0, character: 10 } },
        in: 20,
        out: rows.length,
        ms: 3,
        sampleFields: [],
        sampleRows: [],
      },
    ],
    messages: [],
    rowEvents: rows.map(() => []),
    events: [],
    datasets: [],
    limits: {
      maxRows: 1000,
      sampleRowsPerStage: 3,
      eventsPerRow: 5,
      maxEvents: 1000,
      eventRawChars: 20000,
    },
    ...overrides,
  };
}
