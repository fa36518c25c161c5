import * as http from 'node:http';
import * as https from 'node:https';
import { errorFromNetwork, splunkError } from './errors';
import type { SplunkError } from './types';

/** The URL of `pathAndQuery` on the management port, or why the base URL cannot be used. */
export function managementUrl(baseUrl: string, pathAndQuery: string): URL | SplunkError {
  let url: URL;
  try {
    url = new URL(pathAndQuery, baseUrl);
  } catch {
    return badBaseUrl('The Splunk base URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return badBaseUrl('The Splunk base URL must start with https:// or http://.');
  }
  return url;
}

export interface SplunkRequest {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly token: string;
  readonly verifyTls: boolean;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string | number>>;
  readonly body?: string;
  /** The errors for the time limit and for a cancel, worded for what was asked. */
  readonly timedOut: () => SplunkError;
  readonly cancelled: () => SplunkError;
  /** Reads the answer; calls `settle` once it is complete or has failed. */
  readonly onResponse: (response: http.IncomingMessage, settle: Settle) => void;
}

/** Ends the request, with an error or without; later calls are ignored. */
export interface Settle {
  (error?: SplunkError): void;
  readonly done: () => boolean;
}

/**
 * Sends one request with the token as a bearer credential, and calls `finish` exactly once:
 * after `onResponse` settles, or with the time limit's, the cancel's or the network's error.
 * The connection is closed then in every case.
 */
export function sendSplunkRequest(
  request: SplunkRequest,
  finish: (error: SplunkError | undefined) => void,
): void {
  let done = false;
  const settle = Object.assign(
    (error?: SplunkError): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      outgoing.destroy();
      finish(error);
    },
    { done: () => done },
  );
  const transport = request.url.protocol === 'https:' ? https : http;
  const outgoing = transport.request(request.url, {
    method: request.method,
    headers: { Authorization: `Bearer ${request.token}`, ...request.headers },
    rejectUnauthorized: request.verifyTls,
  });
  const timer = setTimeout(() => settle(request.timedOut()), request.timeoutMs);
  const onAbort = (): void => settle(request.cancelled());
  if (request.signal?.aborted) {
    onAbort();
    return;
  }
  request.signal?.addEventListener('abort', onAbort);
  outgoing.on('error', (error: NodeJS.ErrnoException) =>
    settle(errorFromNetwork(error, request.url.host)),
  );
  outgoing.on('response', (response) => request.onResponse(response, settle));
  outgoing.end(request.body);
}

function badBaseUrl(message: string): SplunkError {
  return splunkError(
    'input',
    message,
    'Use the management URL, e.g. https://splunk.example.com:8089.',
  );
}
