import type { SplunkRunOptions } from './types';

/** How to reach one Splunk server; the CLI and the editor each fill it from their own settings. */
export interface SplunkConnection {
  /** The management port, e.g. https://splunk.example.com:8089 */
  baseUrl: string;
  /** Never logged, never written to disk: errors pass through `redactError` before anyone sees them. */
  token: string;
  /** Default true; false only for a test server with a self-signed certificate. */
  verifyTls: boolean;
  timeoutMs?: number;
}

/** The connection part of a `runOnSplunk` call. */
export function connectionRunOptions(
  connection: SplunkConnection,
): Pick<SplunkRunOptions, 'baseUrl' | 'token' | 'rejectUnauthorized' | 'timeoutMs'> {
  return {
    baseUrl: connection.baseUrl,
    token: connection.token,
    rejectUnauthorized: connection.verifyTls,
    ...(connection.timeoutMs !== undefined ? { timeoutMs: connection.timeoutMs } : {}),
  };
}
