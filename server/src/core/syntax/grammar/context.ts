/** Per-parse state the grammar actions share: the text, its line index and the diagnostics. */
import type { Diagnostic } from '../../text/diagnostic';
import type { LineIndex } from '../../text/lineIndex';
import type { Position, SourceRange } from '../../text/range';

export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Ranges (offsets) of the comments taken out of the tokens, in order. */
  readonly commentSpans: { start: number; end: number }[] = [];

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
  ) {}

  /**
   * Positions handed out lately, by offset modulo their count: a node's range mostly starts or
   * ends where one of its parts did, so sharing those positions saves a third of the objects a
   * parse allocates for ranges (positions are read-only everywhere).
   */
  private readonly recentPositions: (Position | undefined)[] = new Array<undefined>(256);

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The last position's line and where it starts and ends: the next position is most often on it. */
  private recentLine = 0;
  private recentLineStart = 0;
  private recentLineEnd = -1;

  private position(offset: number): Position {
    const slot = offset & 255;
    const recent = this.recentPositions[slot];
    if (recent !== undefined && recent.offset === offset) return recent;
    let position: Position;
    if (offset >= this.recentLineStart && offset < this.recentLineEnd) {
      position = { offset, line: this.recentLine, column: offset - this.recentLineStart };
    } else {
      position = this.lines.position(offset);
      const line = position.line;
      this.recentLine = line;
      this.recentLineStart = this.lines.offsetAt(line, 0);
      this.recentLineEnd =
        line === this.lines.lineCount - 1 ? this.text.length + 1 : this.lines.offsetAt(line + 1, 0);
    }
    this.recentPositions[slot] = position;
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

  /** True when a comment lies between two offsets (a stage made only of a comment is not empty). */
  hasCommentBetween(start: number, end: number): boolean {
    return this.commentSpans.some((span) => span.start >= start && span.end <= end);
  }
}

/** The unescaped text of `"..."` (backslash escapes a quote or a backslash). */
export function unquote(raw: string): string {
  const body = raw.endsWith('"') && raw.length > 1 ? raw.slice(1, -1) : raw.slice(1);
  return body.includes('\\') ? body.replace(/\\(["\\])/g, '$1') : body;
}

/** Inside quotes `\\` is a backslash and `\"` a quote; `\*` stays as written (it cannot escape `*`). */
export function unescapeSearchString(body: string): string {
  return body.includes('\\') ? body.replace(/\\(["\\])/g, '$1') : body;
}
