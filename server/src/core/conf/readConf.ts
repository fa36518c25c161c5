import { LineIndex } from '../text/lineIndex';
import { offsetMapper, type OffsetAnchor } from '../text/offsetMapper';
import type { SourceRange } from '../text/range';

/**
 * Splunk's .conf format, read once for every kind of file the project loads (macros.conf,
 * props.conf, transforms.conf). Problems come back as data: each caller words them and picks
 * their severity, since a stray line means something different in each file.
 */
export interface ConfSetting {
  readonly key: string;
  readonly keyRange: SourceRange;
  /** The value with continuations joined (backslash removed, line break kept), trimmed. */
  readonly value: string;
  readonly valueRange: SourceRange;
  /** value offset -> file offset, exact across continued lines */
  readonly toFile: (offset: number) => number;
}

export interface ConfStanza {
  /** The text between the brackets, trimmed; `default` for settings before any header. */
  readonly name: string;
  readonly nameRange: SourceRange;
  /** The whole `[...]` header; an empty range at the start for the implicit default stanza. */
  readonly headerRange: SourceRange;
  /** True for the settings written before the first header. */
  readonly implicit: boolean;
  readonly settings: Map<string, ConfSetting>;
}

export type ConfProblemKind = 'unclosed-header' | 'not-a-setting' | 'empty-key' | 'duplicate-key';

export interface ConfProblem {
  readonly kind: ConfProblemKind;
  readonly range: SourceRange;
  /** For duplicate-key: the key and its stanza. */
  readonly key?: string;
  readonly stanza?: string;
}

export interface ConfText {
  readonly lines: LineIndex;
  /** The implicit default stanza first when it has settings, then every header in order. */
  readonly stanzas: ConfStanza[];
  readonly problems: ConfProblem[];
}

const DEFAULT_STANZA = 'default';

interface RawLine {
  readonly start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  readonly end: number;
}

/**
 * `#` comment lines, `[stanza]` headers, `key = value` lines, and values continued on the next
 * line by a trailing backslash. A header without its closing `]` is a problem and is skipped, so
 * the settings after it stay in the stanza before it, as Splunk reads such a file.
 */
export function readConf(text: string): ConfText {
  const lines = new LineIndex(text);
  const rawLines = splitLines(text);
  const problems: ConfProblem[] = [];
  const start = lines.range(0, 0);
  const implicit: ConfStanza = {
    name: DEFAULT_STANZA,
    nameRange: start,
    headerRange: start,
    implicit: true,
    settings: new Map(),
  };
  const stanzas: ConfStanza[] = [implicit];
  let current = implicit;
  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i] as RawLine;
    const content = text.slice(line.start, line.end);
    const lead = content.length - content.trimStart().length;
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const trimmedRange = lines.range(line.start + lead, line.start + lead + trimmed.length);
    if (trimmed.startsWith('[')) {
      if (!trimmed.endsWith(']')) {
        problems.push({ kind: 'unclosed-header', range: trimmedRange });
        continue;
      }
      const inner = trimmed.slice(1, -1);
      const nameStart = line.start + lead + 1 + (inner.length - inner.trimStart().length);
      const name = inner.trim();
      current = {
        name,
        nameRange: lines.range(nameStart, nameStart + name.length),
        headerRange: trimmedRange,
        implicit: false,
        settings: new Map(),
      };
      stanzas.push(current);
      continue;
    }
    const equals = content.indexOf('=');
    if (equals < 0) {
      problems.push({ kind: 'not-a-setting', range: trimmedRange });
      continue;
    }
    const key = content.slice(lead, equals).trim();
    const keyRange = lines.range(line.start + lead, line.start + lead + key.length);
    const read = readValue(text, rawLines, i, line.start + equals + 1, lines);
    i = read.lastLine;
    if (key === '') {
      problems.push({ kind: 'empty-key', range: keyRange });
      continue;
    }
    if (current.settings.has(key)) {
      problems.push({ kind: 'duplicate-key', range: keyRange, key, stanza: current.name });
    }
    current.settings.set(key, { key, keyRange, ...read.value });
  }
  return {
    lines,
    stanzas: stanzas.filter((s) => !s.implicit || s.settings.size > 0),
    problems,
  };
}

function readValue(
  text: string,
  rawLines: readonly RawLine[],
  firstLine: number,
  valueStart: number,
  lines: LineIndex,
): { value: Omit<ConfSetting, 'key' | 'keyRange'>; lastLine: number } {
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
    value: {
      value: trimmedValue,
      valueRange: lines.range(start, toFile(trimmedValue.length)),
      toFile,
    },
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
