import type { SplunkError, SplunkErrorKind, SplunkMessage } from './types';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function splunkError(
  kind: SplunkErrorKind,
  message: string,
  advice: string,
  serverMessages: SplunkMessage[] = [],
  httpStatus?: number,
): SplunkError {
  return { kind, message, advice, serverMessages, httpStatus };
}

/** Maps an HTTP error status and the server's messages to an error the user can act on. */
export function errorFromStatus(status: number, serverMessages: SplunkMessage[]): SplunkError {
  if (status === 401 || status === 403) {
    return splunkError(
      'auth',
      `Splunk refused the credentials (HTTP ${status}).`,
      status === 401
        ? 'Check that the token is valid, not expired, and that token authentication is enabled on the server.'
        : 'The token is valid but its role may not run searches or export results; ask a Splunk admin for the needed capabilities.',
      serverMessages,
      status,
    );
  }
  if (status === 400) {
    return splunkError(
      'syntax',
      'Splunk could not parse the search (HTTP 400).',
      'Fix the search where the server message points, then run it again.',
      serverMessages,
      status,
    );
  }
  if (status === 503 || status === 429) {
    return splunkError(
      'server',
      `Splunk is too busy to start the search (HTTP ${status}).`,
      'A search quota or concurrency limit was probably reached; wait for other searches to finish or ask an admin to raise the limit.',
      serverMessages,
      status,
    );
  }
  return splunkError(
    'server',
    `Splunk answered with HTTP ${status}.`,
    'Check the base URL (it is the management port, usually 8089) and the server messages.',
    serverMessages,
    status,
  );
}

/** Maps a socket or TLS error from node to an error kind with advice. */
export function errorFromNetwork(error: NodeJS.ErrnoException, host: string): SplunkError {
  const code = error.code ?? '';
  if (TLS_CODES.has(code)) {
    return splunkError(
      'tls',
      `The TLS connection to ${host} failed (${code}).`,
      code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER'
        ? 'The server may not speak TLS on this port: try http:// instead of https://, or check the port.'
        : 'The server certificate could not be verified. If this is a test server with a self-signed certificate, allow it with rejectUnauthorized=false (TLS verification off); otherwise install the issuing CA.',
    );
  }
  if (UNREACHABLE_CODES.has(code)) {
    return splunkError(
      'unreachable',
      `Could not reach ${host} (${code}).`,
      'Check the host name and port of the management endpoint (usually 8089), and that the server is running and reachable from here.',
    );
  }
  return splunkError(
    'unreachable',
    `The connection to ${host} failed${code ? ` (${code})` : ''}.`,
    'Check the network path to the server and try again.',
  );
}

/** Removes the token from any text before it is shown to the user. */
export function redact(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('<token>');
}

export function redactError(error: SplunkError, token: string): SplunkError {
  return {
    ...error,
    message: redact(error.message, token),
    advice: redact(error.advice, token),
    serverMessages: error.serverMessages.map((m) => ({
      type: m.type,
      text: redact(m.text, token),
    })),
  };
}
