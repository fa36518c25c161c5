/** What to run on a Splunk server and how to reach it. */
export interface SplunkRunOptions {
  /** Base URL of the management port, e.g. https://splunk.example.com:8089 */
  baseUrl: string;
  token: string;
  search: string;
  earliest?: string;
  latest?: string;
  /** Verify the server's TLS certificate; turn off only for a self-signed test server. */
  rejectUnauthorized?: boolean;
  /** Whole-run limit in milliseconds; default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called once per final (non-preview) result row, as it arrives. */
  onResult: (row: Record<string, unknown>) => void;
}

export type SplunkErrorKind =
  | 'auth'
  | 'syntax'
  | 'server'
  | 'timeout'
  | 'unreachable'
  | 'tls'
  | 'dropped'
  | 'cancelled'
  | 'protocol'
  | 'input';

export interface SplunkError {
  kind: SplunkErrorKind;
  /** Our description of what happened (never contains the token). */
  message: string;
  /** The server's own message texts, verbatim, when it sent any. */
  serverMessages: SplunkMessage[];
  /** What the user can do about it. */
  advice: string;
  httpStatus?: number;
}

export interface SplunkMessage {
  type: string;
  text: string;
}

export interface SplunkRunResult {
  ok: boolean;
  resultCount: number;
  /** Non-fatal messages the server sent along with the results. */
  messages: SplunkMessage[];
  error?: SplunkError;
}
