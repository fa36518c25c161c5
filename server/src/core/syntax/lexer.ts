/**
 * SPL tokens. SPL's lexing depends on the command (in search `C:\Windows\*` is one term, in eval
 * `a-b` is a subtraction), so the lexer is deliberately fine-grained and context free: the parser
 * glues adjacent tokens (no gap between their offsets) into search terms where the search grammar
 * wants them. Whitespace is skipped because gluing only needs offsets. Keywords are not tokens:
 * they are case-sensitive in search, insensitive in eval, and double as field names, so the
 * parser compares a word's image where a keyword may stand.
 *
 * Written by hand rather than with a Chevrotain Lexer: SPL's context-dependent words cannot be
 * lexed once for all commands anyway, and one pass over character codes is several times faster
 * than trying a regular expression per token type.
 */

export type TokenKind =
  | 'comment'
  | 'macro'
  | 'string'
  | 'pipe'
  | 'lbracket'
  | 'rbracket'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'compare'
  | 'plus'
  | 'minus'
  | 'star'
  | 'slash'
  | 'percent'
  | 'dot'
  | 'number'
  | 'word'
  | 'other';

export interface Token {
  readonly kind: TokenKind;
  readonly image: string;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** Set on comments, macros and strings that run to the end of the text without closing. */
  readonly unclosed?: true;
}

const singleCharKinds: Partial<Record<string, TokenKind>> = {
  '|': 'pipe',
  '[': 'lbracket',
  ']': 'rbracket',
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
  '+': 'plus',
  '-': 'minus',
  '*': 'star',
  '/': 'slash',
  '%': 'percent',
  '.': 'dot',
};

/**
 * Word characters: letters, digits, `_`, `$ @ { }` (for `$tokens$`, `a{}` JSON paths), and any
 * non-ASCII character but the no-break space, so `user=José` and `eval 名前=1` read as words.
 */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x80 && code !== 0xa0) ||
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code === 64 ||
    code === 123 ||
    code === 125
  );
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 11;
}

/** End of a word with dotted parts (`Processes.dest`): a dot only joins when a word follows it. */
function scanWord(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isWordChar(code)) i++;
    else if (code === 46 && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))) i += 2;
    else break;
  }
  return i;
}

const plainNumber = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const plainFraction = /\.\d+(?:[eE][+-]?\d+)?/y;

/**
 * True when `text` from `start` to `end` is exactly a plain number (`15`, `2.5`, `1e-3`, or `.5`
 * with `fraction`), not the start of a longer word (`24h`, `10.0.0.1`).
 */
function isNumberAt(text: string, start: number, end: number, fraction = false): boolean {
  const pattern = fraction ? plainFraction : plainNumber;
  pattern.lastIndex = start;
  return pattern.test(text) && pattern.lastIndex === end;
}

function scanNumberWithExponent(text: string, start: number): number {
  const match = /^\d+(?:\.\d+)?[eE][+-]\d+/.exec(text.slice(start, start + 64));
  if (!match) return start;
  const end = start + match[0].length;
  return end < text.length && isWordChar(text.charCodeAt(end)) ? start : end;
}

/** foreach's placeholders (`<<FIELD>>`, `<<MATCHSTR>>`) stand where a field name goes. */
const foreachTemplate = /^<<\w+>>/;

/** Receives each token as it is scanned: its kind, offsets and whether it runs unclosed to the end. */
export type TokenSink = (kind: TokenKind, start: number, end: number, unclosed: boolean) => void;

/** The tokens of `text`, in order. Never fails: any other character becomes an 'other' token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (kind, start, end, unclosed) => {
    const token: Token = { kind, image: text.slice(start, end), start, end };
    tokens.push(unclosed ? { ...token, unclosed: true } : token);
  });
  return tokens;
}

/**
 * Scans `text` once and hands every token to `sink`, so a caller that wants its own token objects
 * (the parser) builds them without a Token array in between. With `from`/`to`, only the tokens
 * that start in between: the lexer keeps no state from one token to the next, so scanning from a
 * token's start gives the tokens a scan from the beginning gives there (a reparse relies on it).
 */
export function scanTokens(text: string, sink: TokenSink, from = 0, to = text.length): void {
  const length = text.length;
  const stop = Math.min(to, length);
  let i = from;
  while (i < stop) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    const start = i;
    const ch = text[i] as string;
    if (ch === '`') {
      if (text.startsWith('```', i)) {
        const close = text.indexOf('```', i + 3);
        const end = close < 0 ? length : close + 3;
        sink('comment', start, end, close < 0);
        i = end;
      } else {
        const close = text.indexOf('`', i + 1);
        const end = close < 0 ? length : close + 1;
        sink('macro', start, end, close < 0);
        i = end;
      }
    } else if (ch === '"') {
      i++;
      while (i < length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      const closed = i < length;
      i = closed ? i + 1 : length;
      sink('string', start, i, !closed);
    } else if (
      ch === '<' &&
      text.startsWith('<<', i) &&
      foreachTemplate.test(text.slice(i, i + 80))
    ) {
      i += (foreachTemplate.exec(text.slice(i, i + 80)) as RegExpExecArray)[0].length;
      sink('word', start, i, false);
    } else if (ch === '\\' && text[i + 1] === '"') {
      // An escaped quote outside quotes (`a=*\"x\"*` in search) is part of a term, not a string.
      i += 2;
      sink('other', start, i, false);
    } else if (
      ch === '.' &&
      isDigit(text.charCodeAt(i + 1)) &&
      !isWordChar(text.charCodeAt(i - 1))
    ) {
      i = scanWord(text, i + 1);
      sink(isNumberAt(text, start, i, true) ? 'number' : 'word', start, i, false);
    } else if (ch === '=' || ch === '!' || ch === '<' || ch === '>') {
      const withEquals = text[i + 1] === '=';
      i += withEquals ? 2 : 1;
      // A lone `!` is no operator in SPL; it is glued into search terms like any character.
      sink(ch === '!' && !withEquals ? 'other' : 'compare', start, i, false);
    } else if (isWordChar(code)) {
      i = isDigit(code)
        ? Math.max(scanNumberWithExponent(text, i), scanWord(text, i))
        : scanWord(text, i);
      sink(isDigit(code) && isNumberAt(text, start, i) ? 'number' : 'word', start, i, false);
    } else {
      i++;
      sink(singleCharKinds[ch] ?? 'other', start, i, false);
    }
  }
}
