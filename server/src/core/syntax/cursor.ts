/**
 * The parser's position in the token stream, plus the helpers every grammar shares: ranges,
 * diagnostics, stage boundaries and gluing of adjacent tokens into SPL's multi-character words.
 */
import type { Diagnostic } from '../text/diagnostic';
import type { LineIndex } from '../text/lineIndex';
import type { Position, SourceRange } from '../text/range';
import type { Token, TokenKind } from './lexer';

/** Tokens that always end a glued word: they structure a search. */
const chunkBreakers: ReadonlySet<TokenKind> = new Set([
  'pipe',
  'lbracket',
  'rbracket',
  'lparen',
  'rparen',
  'string',
  'macro',
]);

/** Deepest nesting of parentheses, calls and subsearches the parser follows. */
export const maxNesting = 200;

export class TokenCursor {
  pos = 0;
  private nesting = 0;
  readonly diagnostics: Diagnostic[] = [];
  /** Ranges (offsets) of the comments taken out of `tokens`, in order. */
  readonly commentSpans: { start: number; end: number }[] = [];

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly lines: LineIndex,
  ) {}

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  /** Consumes and returns the current token; callers check `peek()` first. */
  next(): Token {
    return this.tokens[this.pos++] as Token;
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }

  // The line last looked up: the parser asks for offsets in nearly increasing order, so most
  // positions fall on the same line and skip LineIndex's binary search.
  private hintLine = -1;
  private hintLineStart = 0;
  private hintNextLineStart = 0;

  private position(offset: number): Position {
    if (offset >= this.hintLineStart && offset < this.hintNextLineStart) {
      return { offset, line: this.hintLine, column: offset - this.hintLineStart };
    }
    const position = this.lines.position(offset);
    this.hintLine = position.line;
    this.hintLineStart = position.offset - position.column;
    this.hintNextLineStart =
      position.line + 1 < this.lines.lineCount
        ? this.lines.offsetAt(position.line + 1, 0)
        : this.text.length;
    return position;
  }

  error(code: string, message: string, start: number, end: number): void {
    this.report('error', code, message, start, end);
  }

  report(
    severity: Diagnostic['severity'],
    code: string,
    message: string,
    start: number,
    end: number,
  ): void {
    this.diagnostics.push({
      severity,
      code,
      message,
      range: this.range(start, end),
      source: 'syntax',
    });
  }

  /** A stage ends at `|`, at the `]` closing a subsearch, or at the end of the text. */
  atStageEnd(): boolean {
    const token = this.tokens[this.pos];
    return token === undefined || token.kind === 'pipe' || token.kind === 'rbracket';
  }

  /** Offset where the previous token ended (the start of the text if none). */
  previousEnd(): number {
    return this.tokens[this.pos - 1]?.end ?? 0;
  }

  /** The current token if it is the word `keyword`, ignoring case (`by`, `as`, `where`...). */
  atKeyword(keyword: string, ahead = 0): boolean {
    const token = this.tokens[this.pos + ahead];
    return (
      token?.kind === 'word' &&
      token.image.length === keyword.length &&
      token.image.toLowerCase() === keyword
    );
  }

  atKind(kind: TokenKind, ahead = 0): boolean {
    return this.tokens[this.pos + ahead]?.kind === kind;
  }

  /** `name=` starting here: a command option (the `=` may be spaced: `limit = 5`). */
  atOption(): boolean {
    const name = this.tokens[this.pos];
    const equals = this.tokens[this.pos + 1];
    return name?.kind === 'word' && equals?.kind === 'compare' && equals.image === '=';
  }

  /** True when token `index` starts exactly where token `index - 1` ends. */
  gluedToPrevious(index: number): boolean {
    const token = this.tokens[index];
    const previous = this.tokens[index - 1];
    return token !== undefined && previous !== undefined && previous.end === token.start;
  }

  /**
   * The index just past the run of adjacent tokens starting at `pos` that SPL reads as one word
   * (`C:\Windows\*`, `-24h@h`, `10.0.0.1`). Structural tokens end the run; so do commas when the
   * caller lists values with them. With `withParens`, a parenthesis opened inside the run belongs
   * to it through its matching `)`, spaces included (`*GetCurrent()*`, `predicted(x)`,
   * `relative_time(now(), "-1d")`), as Splunk reads them; a `(` never closed is just a character,
   * and a `)` that closes an outer group ends the run.
   */
  chunkEnd(stopAtComma: boolean, withParens = false): number {
    let index = this.pos;
    while (index < this.tokens.length) {
      const token = this.tokens[index] as Token;
      if (index > this.pos && !this.gluedToPrevious(index)) break;
      const close =
        withParens && index > this.pos && token.kind === 'lparen' ? this.matchingParen(index) : -1;
      if (close >= 0) index = close + 1;
      else if (token.kind === 'lparen' && withParens && index > this.pos) index++;
      else if (chunkBreakers.has(token.kind) || (stopAtComma && token.kind === 'comma')) break;
      else index++;
    }
    return index;
  }

  private matchingParens: Int32Array | undefined;

  /**
   * Index of the `)` closing the `(` at `index` within the same stage, or -1. Computed once per
   * parse for all parentheses, so gluing stays linear however many groups a search opens.
   */
  private matchingParen(index: number): number {
    if (!this.matchingParens) {
      const matches = new Int32Array(this.tokens.length).fill(-1);
      const open: number[] = [];
      this.tokens.forEach((token, at) => {
        if (token.kind === 'lparen') open.push(at);
        else if (token.kind === 'rparen' && open.length > 0) matches[open.pop() as number] = at;
        else if (token.kind === 'pipe' || token.kind === 'lbracket' || token.kind === 'rbracket')
          open.length = 0;
      });
      this.matchingParens = matches;
    }
    return this.matchingParens[index] ?? -1;
  }

  /**
   * Enters one level of nesting (parenthesis, call, subsearch) at `token`. Past `maxNesting` the
   * rest of the text is reported and skipped: recursion that deep would overflow the stack, and
   * no real search comes close.
   */
  enter(token: Token): boolean {
    if (this.nesting < maxNesting) {
      this.nesting++;
      return true;
    }
    const last = this.tokens[this.tokens.length - 1] as Token;
    this.error(
      'spl.syntax.too-deep',
      `nesting deeper than ${maxNesting} levels: simplify the search`,
      token.start,
      last.end,
    );
    this.pos = this.tokens.length;
    return false;
  }

  leave(): void {
    this.nesting--;
  }

  /** True when a comment lies between two offsets (a stage made only of a comment is not empty). */
  hasCommentBetween(start: number, end: number): boolean {
    return this.commentSpans.some((span) => span.start >= start && span.end <= end);
  }

  /** Reports every token left before the stage ends and skips them, so the next stage parses. */
  skipRestOfStage(what: string): void {
    if (this.atStageEnd()) return;
    const first = this.next();
    let last = first;
    let depth = 0;
    while (!this.atStageEnd() || depth > 0) {
      const token = this.peek();
      if (token === undefined) break;
      if (token.kind === 'lbracket') depth++;
      else if (token.kind === 'rbracket') depth--;
      last = this.next();
    }
    this.error(
      'spl.syntax.unexpected-token',
      `unexpected '${first.image.slice(0, 40)}' ${what}`,
      first.start,
      last.end,
    );
  }
}
