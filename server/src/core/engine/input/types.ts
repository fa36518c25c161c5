/** One dataset to read: a file, or a directory whose files are all read (sorted by path). */
export interface DatasetSpec {
  path: string;
  /** Overrides, as security_content's test stanzas give them (`{ data, source, sourcetype }`). */
  source?: string;
  sourcetype?: string;
  host?: string;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Runs on `_raw` before any field extraction; `false` drops the event. */
  rawFilter?: (raw: string) => boolean;
  /** Case-insensitive substrings that must all occur in `_raw`; lets the reader skip events unseen. */
  literals?: string[];
  /** Events (or text lines) longer than this are skipped and reported. Default 1 MiB. */
  maxEventBytes?: number;
}

export interface InputProblem {
  file: string;
  /** 1-based line where the event or line starts; 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export interface InputReport {
  /** Files opened and read. */
  files: number;
  /** Events (text lines in text files) found, whether kept or not. */
  events: number;
  /** Events dropped by `literals` or `rawFilter`. */
  filteredOut: number;
  /** Events, stray lines and files that could not be read (bad XML, too long, binary, missing). */
  skipped: number;
  /** The first few problems (see MAX_REPORTED_PROBLEMS); `skipped` counts them all. */
  problems: InputProblem[];
}

export const MAX_REPORTED_PROBLEMS = 20;
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

export function createInputReport(): InputReport {
  return { files: 0, events: 0, filteredOut: 0, skipped: 0, problems: [] };
}

export function addProblem(report: InputReport, problem: InputProblem): void {
  if (report.problems.length < MAX_REPORTED_PROBLEMS) report.problems.push(problem);
}
