import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/text/diagnostic';
import type { RunSearchMessage, RunSeverity } from '../protocol/runSearch';
import type { SplunkRunError } from '../protocol/splunk';
import { locateServerMessage, type RemoteSearch, type SplunkError } from '../splunk';
import type { SplunkMessage } from '../splunk/types';
import { documentSpanOf, type DocumentSpl } from './documents';
import { toLspRange } from './ranges';

export interface MessageContext {
  readonly document: TextDocument;
  readonly source: DocumentSpl;
  readonly remote: RemoteSearch;
}

/**
 * A Splunk message as the panel and Problems show it: the server's text verbatim, its type as
 * severity, and where the text names a command or term of the search, that place in the document
 * (through the local expansion's source map and the YAML quoting).
 */
export function serverMessage(message: SplunkMessage, context: MessageContext): RunSearchMessage {
  const { document, source, remote } = context;
  const located = locateServerMessage(message.text, remote, source.spl);
  return {
    severity: severityOf(message.type),
    code: `splunk.server.${message.type.toUpperCase()}`,
    message: message.text,
    ...(located
      ? { range: toLspRange(document, documentSpanOf(source, located.start, located.end)) }
      : {}),
  };
}

/** Our own account of a failure: what happened and what to do, after the server's words. */
export function failureMessage(error: SplunkError): RunSearchMessage {
  return {
    severity: error.kind === 'cancelled' ? 'info' : 'error',
    code: `splunk.${error.kind}`,
    message: `${error.message} ${error.advice}`,
  };
}

export function toRunError(error: SplunkError): SplunkRunError {
  return {
    kind: error.kind,
    message: error.message,
    advice: error.advice,
    ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
  };
}

/** Expansion problems of the local expansion, already in the user's search offsets. */
export function expansionMessage(
  diagnostic: Diagnostic,
  document: TextDocument,
  source: DocumentSpl,
): RunSearchMessage {
  const { start, end } = diagnostic.range;
  return {
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    range: toLspRange(document, documentSpanOf(source, start.offset, end.offset)),
  };
}

function severityOf(type: string): RunSeverity {
  switch (type.toUpperCase()) {
    case 'FATAL':
    case 'ERROR':
      return 'error';
    case 'WARN':
    case 'WARNING':
      return 'warning';
    default:
      return 'info';
  }
}
