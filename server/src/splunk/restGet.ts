import type { IncomingMessage } from 'node:http';
import type { SplunkConnection } from './connection';
import { errorFromStatus, redactError, splunkError } from './errors';
import { messagesFromBody } from './exportLines';
import { managementUrl, sendSplunkRequest } from './request';
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
    const url = managementUrl(connection.baseUrl, pathAndQuery);
    if (!(url instanceof URL)) {
      resolve(failure(url));
      return;
    }
    const timeoutMs = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let answer: RestResult | undefined;
    sendSplunkRequest(
      {
        url,
        method: 'GET',
        token: connection.token,
        verifyTls: connection.verifyTls,
        timeoutMs,
        ...(signal ? { signal } : {}),
        timedOut: () =>
          splunkError(
            'timeout',
            `Splunk did not answer ${url.pathname} within ${timeoutMs} ms.`,
            'Check that the server is not overloaded, or allow a longer time limit.',
          ),
        cancelled: () =>
          splunkError('cancelled', 'The request was cancelled.', 'Run it again when needed.'),
        onResponse: (response, settle) =>
          readJson(response, url.pathname, (result) => {
            answer = result;
            settle(result.ok ? undefined : result.error);
          }),
      },
      (error) =>
        resolve(
          error
            ? failure(redactError(error, connection.token))
            : (answer ?? failure(noAnswer(url.pathname))),
        ),
    );
  });
}

/** Reads a whole JSON answer (or the error a status gives) and hands it over once. */
function readJson(
  response: IncomingMessage,
  path: string,
  done: (result: RestResult) => void,
): void {
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
      done(failure(errorFromStatus(status, messagesFromBody(text))));
    } else if (tooLarge) {
      done(
        failure(
          splunkError(
            'protocol',
            `Splunk's answer to ${path} is larger than ${MAX_BODY} bytes.`,
            'Check that the base URL points at the Splunk management port.',
          ),
        ),
      );
    } else done(parsed(text, path));
  });
  response.on('close', () => {
    if (!response.complete) done(failure(noAnswer(path)));
  });
}

function noAnswer(path: string): SplunkError {
  return splunkError(
    'dropped',
    `The connection closed before Splunk's answer to ${path} was complete.`,
    'Run it again; if it keeps happening, check proxies between here and Splunk.',
  );
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
