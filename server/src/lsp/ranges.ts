import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceRange } from '../core/text/range';
import type { OffsetSpan } from './documents';

export function toLspRange(document: TextDocument, span: OffsetSpan): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** A range that already holds its file's lines and columns (both 0-based, UTF-16 columns). */
export function lineColumnRange(range: SourceRange): Range {
  return {
    start: { line: range.start.line, character: range.start.column },
    end: { line: range.end.line, character: range.end.column },
  };
}

/** Macro files are named by path in the core; the protocol names them by URI. */
export function fileUriOf(path: string): string {
  return isAbsolute(path) ? pathToFileURL(path).href : path;
}
