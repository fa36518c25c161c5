/**
 * Explicit limits of a local run. Each one, when hit, stops the work it bounds and adds a message
 * to the result; nothing is ever cut silently.
 */
export interface RunLimits {
  /** Events taken from all datasets together, counted after the reader's literal pre-filter. */
  readonly maxEventsRead: number;
  /** Rows the run returns; rows past it are counted, reported and dropped. */
  readonly maxResultRows: number;
  /** Rows one blocking operator (stats, sort, eventstats, ...) may hold at once. */
  readonly maxBufferedRows: number;
  /** Wall time of the whole run, in milliseconds. */
  readonly timeLimitMs: number;
  /** Splunk's subsearch defaults (limits.conf [subsearch]): 10,000 results and 60 s. */
  readonly subsearchMaxResults: number;
  readonly subsearchTimeLimitMs: number;
  /** Bytes of one event; longer lines are reported by the reader. */
  readonly maxEventBytes: number;
  /** Fields that the wildcard aggregations of one stats (`values(*)`) may expand to, together. */
  readonly maxWildcardFields: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  maxEventsRead: 5_000_000,
  maxResultRows: 50_000,
  maxBufferedRows: 1_000_000,
  timeLimitMs: 300_000,
  subsearchMaxResults: 10_000,
  subsearchTimeLimitMs: 60_000,
  maxEventBytes: 1_048_576,
  maxWildcardFields: 1_000,
};

export function resolveLimits(overrides: Partial<RunLimits> | undefined): RunLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
