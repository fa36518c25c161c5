import { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import { fileDiagnostic, type LocatedValue } from './definition';
import { offsetMapper, type OffsetAnchor } from './offsetMap';
import type { FileDiagnostic } from './types';

/** One `[header]` of a .conf file with its `key = value` lines. */
export interface ConfStanza {
  /** The text between the brackets, trimmed. */
  readonly header: string;
  readonly headerRange: SourceRange;
  readonly values: ReadonlyMap<string, LocatedValue>;
}

export interface ConfFile {
  readonly path: string;
  readonly lines: LineIndex;
  readonly stanzas: readonly ConfStanza[];
}

interface RawLine {
  readonly start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  readonly end: number;
}

/**
 * Reads a Splunk .conf file: `#` comment lines, `[stanza]` headers, `key = value` lines, and values
 * continued on the next line by a trailing backslash (the backslash goes, the line break stays).
 * Keys before the first header belong to Splunk's implicit default stanza and are ignored here.
 */
export function readConfFile(path: string, text: string, diagnostics: FileDiagnostic[]): ConfFile {
  const lines = new LineIndex(text);
  const rawLines = splitLines(text);
  const stanzas: ConfStanza[] = [];
  let current:
    { header: string; headerRange: SourceRange; values: Map<string, LocatedValue> } | undefined;
  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i] as RawLine;
    const content = text.slice(line.start, line.end);
    const trimmedStart = content.length - content.trimStart().length;
    const first = content.charAt(trimmedStart);
    if (first === '' || first === '#') continue;
    if (first === '[') {
      const close = content.lastIndexOf(']');
      if (close < 0) {
        diagnostics.push(
          fileDiagnostic(
            path,
            'error',
            'spl.macro.confSyntax',
            "Stanza header is missing its closing ']'.",
            lines.range(line.start, line.end),
          ),
        );
        current = undefined;
        continue;
      }
      const inner = content.slice(trimmedStart + 1, close);
      const headerStart = line.start + trimmedStart + 1 + (inner.length - inner.trimStart().length);
      const header = inner.trim();
      current = {
        header,
        headerRange: lines.range(headerStart, headerStart + header.length),
        values: new Map(),
      };
      stanzas.push(current);
      continue;
    }
    const equals = content.indexOf('=');
    if (equals < 0) {
      diagnostics.push(
        fileDiagnostic(
          path,
          'warning',
          'spl.macro.confSyntax',
          "Line is neither a '[stanza]', a 'key = value' nor a '#' comment; Splunk ignores it.",
          lines.range(line.start + trimmedStart, line.end),
        ),
      );
      continue;
    }
    const key = content.slice(trimmedStart, equals).trim();
    const { value, lastLine } = readValue(text, rawLines, i, line.start + equals + 1, lines);
    i = lastLine;
    current?.values.set(key, value);
  }
  return { path, lines, stanzas };
}

function readValue(
  text: string,
  rawLines: readonly RawLine[],
  firstLine: number,
  valueStart: number,
  lines: LineIndex,
): { value: LocatedValue; lastLine: number } {
  let start = valueStart;
  const firstEnd = (rawLines[firstLine] as RawLine).end;
  while (start < firstEnd && (text[start] === ' ' || text[start] === '\t')) start += 1;
  const anchors: OffsetAnchor[] = [];
  let value = '';
  let index = firstLine;
  let pieceStart = start;
  while (true) {
    const line = rawLines[index] as RawLine;
    const continued = text.charCodeAt(line.end - 1) === 92 /* \ */ && index + 1 < rawLines.length;
    const pieceEnd = continued ? line.end - 1 : line.end;
    anchors.push({ value: value.length, file: pieceStart });
    value += text.slice(pieceStart, pieceEnd);
    if (!continued) break;
    value += '\n';
    index += 1;
    pieceStart = (rawLines[index] as RawLine).start;
  }
  const trimmedValue = value.trimEnd();
  const toFile = offsetMapper(anchors);
  return {
    value: { value: trimmedValue, range: lines.range(start, toFile(trimmedValue.length)), toFile },
    lastLine: index,
  };
}

function splitLines(text: string): RawLine[] {
  const result: RawLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      result.push({ start, end });
      start = i + 1;
    }
  }
  return result;
}
