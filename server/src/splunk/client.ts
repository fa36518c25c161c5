import * as http from 'node:http';
import * as https from 'node:https';
import { errorFromNetwork, errorFromStatus, redactError, splunkError } from './errors';
import { EXPORT_PATH, exportRequestBody } from './exportRequest';
import { LineSplitter, isFatal, messagesFromBody, parseExportLine } from './exportLines';
import type { SplunkError, SplunkMessage, SplunkRunOptions, SplunkRunResult } from './types';

export type {
  SplunkError,
  SplunkErrorKind,
  SplunkMessage,
  SplunkRunOptions,
  SplunkRunResult,
} from './types';
export { exportSearchText } from './exportRequest';

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
/** Error bodies are small; a larger one is not a Splunk error message. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * Runs a search through Splunk's export endpoint and streams its final results to onResult.
 * Never throws: every failure comes back as `error`, with the token removed from all text.
 */
export function runOnSplunk(options: SplunkRunOptions): Promise<SplunkRunResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(EXPORT_PATH, options.baseUrl);
    } catch {
      resolve(failed(inputError('The Splunk base URL is not a valid URL.'), 0, []));
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      resolve(
        failed(inputError('The Splunk base URL must start with https:// or http://.'), 0, []),
      );
      return;
    }
    runRequest(url, options, (result) =>
      resolve(
        result.error ? { ...result, error: redactError(result.error, options.token) } : result,
      ),
    );
  });
}

function runRequest(
  url: URL,
  options: SplunkRunOptions,
  finish: (result: SplunkRunResult) => void,
): void {
  const messages: SplunkMessage[] = [];
  let resultCount = 0;
  let done = false;
  const body = exportRequestBody(options);
  const settle = (error?: SplunkError): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    finish(error ? failed(error, resultCount, messages) : { ok: true, resultCount, messages });
    request.destroy();
  };
  const transport = url.protocol === 'https:' ? https : http;
  const request = transport.request(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${options.token}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': Buffer.byteLength(body),
    },
    rejectUnauthorized: options.rejectUnauthorized ?? true,
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(
    () =>
      settle(
        splunkError(
          'timeout',
          `The search did not finish within ${timeoutMs} ms (${resultCount} results had arrived).`,
          'Narrow the time range (earliest/latest) or the search, or allow a longer time limit.',
        ),
      ),
    timeoutMs,
  );
  const onAbort = (): void =>
    settle(
      splunkError(
        'cancelled',
        `The search was cancelled after ${resultCount} results.`,
        'Run it again when needed.',
      ),
    );
  if (options.signal?.aborted) {
    onAbort();
    return;
  }
  options.signal?.addEventListener('abort', onAbort);

  request.on('error', (error: NodeJS.ErrnoException) => settle(errorFromNetwork(error, url.host)));
  request.on('response', (response) => {
    const status = response.statusCode ?? 0;
    response.setEncoding('utf8');
    if (status < 200 || status >= 300) {
      let text = '';
      response.on('data', (chunk: string) => {
        if (text.length < MAX_ERROR_BODY) text += chunk;
      });
      response.on('end', () => settle(errorFromStatus(status, messagesFromBody(text))));
      response.on('error', () => settle(errorFromStatus(status, messagesFromBody(text))));
      return;
    }
    const splitter = new LineSplitter();
    let sawLastRow = false;
    const handle = (lines: string[]): void => {
      for (const line of lines) {
        if (done) return;
        const parsed = parseExportLine(line);
        if (!parsed) {
          settle(
            splunkError(
              'protocol',
              `Splunk sent a line that is not JSON after ${resultCount} results.`,
              'Check that the base URL points at the Splunk management port and not at a proxy page.',
              [{ type: 'ERROR', text: line.slice(0, 500) }],
            ),
          );
          return;
        }
        const fatal = parsed.messages.filter(isFatal);
        if (fatal.length > 0) {
          settle(
            splunkError(
              'syntax',
              'Splunk stopped the search with an error.',
              'Fix the search where the server message points, then run it again.',
              parsed.messages,
              status,
            ),
          );
          return;
        }
        messages.push(...parsed.messages);
        if (parsed.lastrow) sawLastRow = true;
        if (parsed.result && !parsed.preview) {
          resultCount++;
          options.onResult(parsed.result);
        }
      }
    };
    response.on('data', (chunk: string) => handle(splitter.push(chunk)));
    response.on('end', () => {
      handle(splitter.flush());
      settle();
    });
    const onDropped = (): void => {
      if (done || response.complete) return;
      settle(
        splunkError(
          'dropped',
          `The connection closed mid-stream after ${resultCount} results${sawLastRow ? '' : ' (no last row seen)'}; the results are incomplete.`,
          'Run the search again; if it keeps happening, check proxies or load balancers between here and Splunk for idle or size limits.',
        ),
      );
    };
    response.on('error', onDropped);
    response.on('close', onDropped);
  });
  request.end(body);
}

function inputError(message: string): SplunkError {
  return splunkError(
    'input',
    message,
    'Use the management URL, e.g. https://splunk.example.com:8089.',
  );
}

function failed(
  error: SplunkError,
  resultCount: number,
  messages: SplunkMessage[],
): SplunkRunResult {
  return { ok: false, resultCount, messages, error };
}
