import type { IncomingMessage } from 'node:http';
import { errorFromStatus, redactError, splunkError } from './errors';
import { EXPORT_PATH, exportRequestBody } from './exportRequest';
import { LineSplitter, isFatal, messagesFromBody, parseExportLine } from './exportLines';
import { managementUrl, sendSplunkRequest, type Settle } from './request';
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
    const url = managementUrl(options.baseUrl, EXPORT_PATH);
    if (!(url instanceof URL)) {
      resolve(failed(url, 0, []));
      return;
    }
    const messages: SplunkMessage[] = [];
    const stream = { resultCount: 0, sawLastRow: false };
    const body = exportRequestBody(options);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    sendSplunkRequest(
      {
        url,
        method: 'POST',
        token: options.token,
        verifyTls: options.rejectUnauthorized ?? true,
        timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
        body,
        timedOut: () =>
          splunkError(
            'timeout',
            `The search did not finish within ${timeoutMs} ms (${stream.resultCount} results had arrived).`,
            'Narrow the time range (earliest/latest) or the search, or allow a longer time limit.',
          ),
        cancelled: () =>
          splunkError(
            'cancelled',
            `The search was cancelled after ${stream.resultCount} results.`,
            'Run it again when needed.',
          ),
        onResponse: (response, settle) =>
          readExport(response, settle, stream, messages, options.onResult),
      },
      (error) =>
        resolve(
          error
            ? failed(redactError(error, options.token), stream.resultCount, messages)
            : { ok: true, resultCount: stream.resultCount, messages },
        ),
    );
  });
}

/** Reads the export stream: an error status, or JSON lines of results and messages. */
function readExport(
  response: IncomingMessage,
  settle: Settle,
  stream: { resultCount: number; sawLastRow: boolean },
  messages: SplunkMessage[],
  onResult: SplunkRunOptions['onResult'],
): void {
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
  const handle = (lines: string[]): void => {
    for (const line of lines) {
      if (settle.done()) return;
      const parsed = parseExportLine(line);
      if (!parsed) {
        settle(
          splunkError(
            'protocol',
            `Splunk sent a line that is not JSON after ${stream.resultCount} results.`,
            'Check that the base URL points at the Splunk management port and not at a proxy page.',
            [{ type: 'ERROR', text: line.slice(0, 500) }],
          ),
        );
        return;
      }
      if (parsed.messages.some(isFatal)) {
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
      if (parsed.lastrow) stream.sawLastRow = true;
      if (parsed.result && !parsed.preview) {
        stream.resultCount++;
        onResult(parsed.result);
      }
    }
  };
  response.on('data', (chunk: string) => handle(splitter.push(chunk)));
  response.on('end', () => {
    handle(splitter.flush());
    settle();
  });
  const onDropped = (): void => {
    if (settle.done() || response.complete) return;
    settle(
      splunkError(
        'dropped',
        `The connection closed mid-stream after ${stream.resultCount} results${stream.sawLastRow ? '' : ' (no last row seen)'}; the results are incomplete.`,
        'Run the search again; if it keeps happening, check proxies or load balancers between here and Splunk for idle or size limits.',
      ),
    );
  };
  response.on('error', onDropped);
  response.on('close', onDropped);
}

function failed(
  error: SplunkError,
  resultCount: number,
  messages: SplunkMessage[],
): SplunkRunResult {
  return { ok: false, resultCount, messages, error };
}
