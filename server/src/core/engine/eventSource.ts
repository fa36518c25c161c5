import type { Diagnostic } from '../text/diagnostic';
import type { SourceRange } from '../text/range';
import { readEvents, type DatasetSpec, type InputReport } from './input';
import type { RunLimits } from './plan/limits';
import { engineDiagnostic } from './plan/types';
import type { Row } from './value';

export interface EventSourceOptions {
  readonly datasets: readonly DatasetSpec[];
  readonly signal: AbortSignal;
  readonly shouldStop: () => boolean;
  /** Case-insensitive substrings every event of interest contains (from the first search). */
  readonly literals: readonly string[];
  readonly limits: RunLimits;
  readonly report: InputReport;
  /** Search-time field extraction, run on each event the literal pre-filter lets through. */
  readonly extractFields: (row: Row) => Row;
  readonly onLimit: (diagnostic: Diagnostic) => void;
  /** Where a limit message points: the first stage of the search. */
  readonly range: SourceRange;
}

/**
 * The events of every dataset, in order, with their search-time fields. Stops at the events-read
 * limit and when the run is aborted (cancelled or out of time).
 */
export async function* eventSource(options: EventSourceOptions): AsyncIterable<Row> {
  const { limits, signal } = options;
  let read = 0;
  for (const dataset of options.datasets) {
    const events = readEvents(
      dataset,
      { signal, literals: [...options.literals], maxEventBytes: limits.maxEventBytes },
      options.report,
    );
    for await (const event of events) {
      if (options.shouldStop()) return;
      if (read >= limits.maxEventsRead) {
        options.onLimit(
          engineDiagnostic(
            'warning',
            'spl.engine.limit.events-read',
            `Stopped after reading ${limits.maxEventsRead} events (the events-read limit); ` +
              'results cover only those events.',
            options.range,
          ),
        );
        return;
      }
      read++;
      yield options.extractFields(event);
    }
  }
}
