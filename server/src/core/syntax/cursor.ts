/**
 * The parser's position in the token stream, plus the helpers every grammar shares: ranges,
 * diagnostics, stage boundaries and gluing of adjacent tokens into SPL's multi-character words.
 */
import type { Diagnostic } from '../text/diagnostic';
import type { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
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

export class TokenCursor {
  pos = 0;
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
    return this.lines.range(start, end);
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
    return token?.kind === 'word' && token.image.toLowerCase() === keyword;
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
   * to it through its matching `)` (`*GetCurrent()*`, `predicted(x)`, `relative_time(now(), "-1d")`),
   * as Splunk reads them, but a `)` that closes an outer group does not.
   */
  chunkEnd(stopAtComma: boolean, withParens = false): number {
    let index = this.pos;
    let depth = 0;
    // Where the glued run first met a gap inside an open group: the end if the group never closes.
    let firstGap = -1;
    while (index < this.tokens.length) {
      const token = this.tokens[index] as Token;
      const glued = index === this.pos || this.gluedToPrevious(index);
      if (!glued && depth === 0) break;
      if (!glued && firstGap < 0) firstGap = index;
      if (token.kind === 'pipe' || token.kind === 'lbracket' || token.kind === 'rbracket') break;
      if (withParens && index > this.pos && token.kind === 'lparen') depth++;
      else if (withParens && depth > 0 && token.kind === 'rparen') depth--;
      else if (
        depth === 0 &&
        (chunkBreakers.has(token.kind) || (stopAtComma && token.kind === 'comma'))
      )
        break;
      index++;
    }
    return depth > 0 && firstGap >= 0 ? firstGap : index;
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
