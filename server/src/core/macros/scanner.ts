/**
 * The textual view Splunk takes before parsing: double-quoted strings (inside which nothing is
 * expanded), triple-backtick comments (replaced by a space) and backtick macro calls. Everything
 * else is plain text. The scanner never fails: unterminated constructs become tokens too.
 */

export interface ScannedArgument {
  /** The argument as written, surrounding whitespace removed, quotes and escapes kept. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For `key=value`: the key, and where the value (as written) starts. */
  readonly key?: string;
  readonly valueStart?: number;
}

export interface ScannedCall {
  readonly kind: 'call';
  /** Offsets of the opening backtick and just after the closing one. */
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly hasParens: boolean;
  readonly args: readonly ScannedArgument[];
  /** False when text follows the closing parenthesis or it is missing; Splunk cannot call that. */
  readonly wellFormed: boolean;
}

export interface ScannedComment {
  readonly kind: 'comment';
  readonly start: number;
  readonly end: number;
  readonly terminated: boolean;
}

export interface ScannedString {
  readonly kind: 'string';
  readonly start: number;
  readonly end: number;
  readonly terminated: boolean;
}

/** A lone backtick with no closing one: Splunk reports the search as malformed. */
export interface ScannedStrayBacktick {
  readonly kind: 'strayBacktick';
  readonly start: number;
  readonly end: number;
}

export type ScannedToken = ScannedCall | ScannedComment | ScannedString | ScannedStrayBacktick;

const BACKTICK = 96;
const QUOTE = 34;
const BACKSLASH = 92;

/** Where scanning goes next: only quotes and backticks start anything the scanner reports. */
const quoteOrBacktick = /["`]/g;

export function scanMacroText(text: string): ScannedToken[] {
  const tokens: ScannedToken[] = [];
  let i = 0;
  while (i < text.length) {
    quoteOrBacktick.lastIndex = i;
    if (!quoteOrBacktick.test(text)) break;
    i = quoteOrBacktick.lastIndex - 1;
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      const end = endOfString(text, i);
      tokens.push({
        kind: 'string',
        start: i,
        end,
        terminated: text.charCodeAt(end - 1) === QUOTE && end - i > 1,
      });
      i = end;
    } else if (ch === BACKTICK && text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      const end = close < 0 ? text.length : close + 3;
      tokens.push({ kind: 'comment', start: i, end, terminated: close >= 0 });
      i = end;
    } else {
      const close = text.indexOf('`', i + 1);
      if (close < 0) {
        tokens.push({ kind: 'strayBacktick', start: i, end: i + 1 });
        i += 1;
      } else {
        tokens.push(scanCall(text, i, close + 1));
        i = close + 1;
      }
    }
  }
  return tokens;
}

/** Just after the closing quote, or the end of the text; a backslash escapes the next character. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === BACKSLASH) i += 2;
    else if (ch === QUOTE) return i + 1;
    else i += 1;
  }
  return text.length;
}

function scanCall(text: string, start: number, end: number): ScannedCall {
  const innerStart = start + 1;
  const innerEnd = end - 1;
  const open = text.indexOf('(', innerStart);
  const hasParens = open >= 0 && open < innerEnd;
  const nameLimit = hasParens ? open : innerEnd;
  const [nameStart, nameEnd] = trimmed(text, innerStart, nameLimit);
  const name = text.slice(nameStart, nameEnd);
  if (!hasParens) {
    return {
      kind: 'call',
      start,
      end,
      name,
      nameStart,
      nameEnd,
      hasParens,
      args: [],
      wellFormed: true,
    };
  }
  const [, contentEnd] = trimmed(text, open + 1, innerEnd);
  const closed = contentEnd > open && text.charCodeAt(contentEnd - 1) === 41; /* ) */
  const args = splitArguments(text, open + 1, closed ? contentEnd - 1 : innerEnd);
  return {
    kind: 'call',
    start,
    end,
    name,
    nameStart,
    nameEnd,
    hasParens,
    args,
    wellFormed: closed,
  };
}

/**
 * Commas split arguments except inside double quotes or nested parentheses (spl-semantics.md
 * marks the parenthesis rule unverified; it is what lets `f(a(1,2))` pass one argument).
 */
function splitArguments(text: string, start: number, end: number): ScannedArgument[] {
  const [first, last] = trimmed(text, start, end);
  if (first === last) return [];
  const args: ScannedArgument[] = [];
  let depth = 0;
  let pieceStart = start;
  let i = start;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      i = Math.min(endOfString(text, i), end);
      continue;
    }
    if (ch === 40 /* ( */) depth += 1;
    else if (ch === 41 /* ) */ && depth > 0) depth -= 1;
    else if (ch === 44 /* , */ && depth === 0) {
      args.push(argument(text, pieceStart, i));
      pieceStart = i + 1;
    }
    i += 1;
  }
  args.push(argument(text, pieceStart, end));
  return args;
}

const NAMED_ARGUMENT = /^([A-Za-z0-9_-]+)\s*=(?!=)\s*/;

function argument(text: string, from: number, to: number): ScannedArgument {
  const [start, end] = trimmed(text, from, to);
  const written = text.slice(start, end);
  const named = NAMED_ARGUMENT.exec(written);
  if (!named) return { text: written, start, end };
  return { text: written, start, end, key: named[1], valueStart: start + named[0].length };
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s += 1;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e -= 1;
  return [s, e];
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}
