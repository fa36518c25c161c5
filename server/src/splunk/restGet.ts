import * as http from 'node:http';
import * as https from 'node:https';
import type { SplunkConnection } from './connection';
import { errorFromNetwork, errorFromStatus, redactError, splunkError } from './errors';
import { messagesFromBody } from './exportLines';
import type { SplunkError } from './types';

const DEFAULT_TIMEOUT_MS = 60 * 1000;
/** A configuration listing of every app's macros is a few MB at most; more is not what we asked for. */
const MAX_BODY = 32 * 1024 * 1024;

export type RestResult = { ok: true; body: unknown } | { ok: false; error: SplunkError };

/**
 * GETs a REST path (with its query) and parses the JSON answer. Never throws: every failure is
 * a SplunkError with the token removed from its text.
 */
export function restGetJson(
  connection: SplunkConnection,
  pathAndQuery: string,
  signal?: AbortSignal,
): Promise<RestResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(pathAndQuery, connection.baseUrl);
    } catch {
      resolve(failure(badUrl('The Splunk base URL is not a valid URL.')));
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      resolve(failure(badUrl('The Splunk base URL must start with https:// or http://.')));
      return;
    }
    let done = false;
    const settle = (result: RestResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(result.ok ? result : failure(redactError(result.error, connection.token)));
    };
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${connection.token}` },
      rejectUnauthorized: connection.verifyTls,
    });
    const timeoutMs = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(
      () =>
        settle(
          failure(
            splunkError(
              'timeout',
              `Splunk did not answer ${url.pathname} within ${timeoutMs} ms.`,
              'Check that the server is not overloaded, or allow a longer time limit.',
            ),
          ),
        ),
      timeoutMs,
    );
    const onAbort = (): void =>
      settle(
        failure(
          splunkError('cancelled', 'The request was cancelled.', 'Run it again when needed.'),
        ),
      );
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort);
    request.on('error', (error: NodeJS.ErrnoException) =>
      settle(failure(errorFromNetwork(error, url.host))),
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      response.setEncoding('utf8');
      let text = '';
      let tooLarge = false;
      response.on('data', (chunk: string) => {
        if (text.length + chunk.length > MAX_BODY) tooLarge = true;
        else text += chunk;
      });
      response.on('end', () => {
        if (status < 200 || status >= 300) {
          settle(failure(errorFromStatus(status, messagesFromBody(text))));
        } else if (tooLarge) {
          settle(
            failure(
              splunkError(
                'protocol',
                `Splunk's answer to ${url.pathname} is larger than ${MAX_BODY} bytes.`,
                'Check that the base URL points at the Splunk management port.',
              ),
            ),
          );
        } else settle(parsed(text, url.pathname));
      });
      response.on('close', () => {
        if (!response.complete)
          settle(
            failure(
              splunkError(
                'dropped',
                `The connection closed before Splunk's answer to ${url.pathname} was complete.`,
                'Run it again; if it keeps happening, check proxies between here and Splunk.',
              ),
            ),
          );
      });
    });
    request.end();
  });
}

function parsed(text: string, path: string): RestResult {
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return failure(
      splunkError(
        'protocol',
        `Splunk's answer to ${path} is not JSON.`,
        'Check that the base URL points at the Splunk management port and not at a proxy page.',
        [{ type: 'ERROR', text: text.slice(0, 500) }],
      ),
    );
  }
}

function failure(error: SplunkError): RestResult {
  return { ok: false, error };
}

function badUrl(message: string): SplunkError {
  return splunkError(
    'input',
    message,
    'Use the management URL, e.g. https://splunk.example.com:8089.',
  );
}
