/** Per-parse state the grammar actions share: the text, its line index and the diagnostics. */
import type { Diagnostic } from '../../text/diagnostic';
import type { LineIndex } from '../../text/lineIndex';
import type { SourceRange } from '../../text/range';

export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Ranges (offsets) of the comments taken out of the tokens, in order. */
  readonly commentSpans: { start: number; end: number }[] = [];

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
  ) {}

  /** A node's range; its line and column are computed only if something reads them. */
  range(start: number, end: number): SourceRange {
    return this.lines.lazyRange(start, end);
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
      // Plain positions: diagnostics are posted between threads (spl lint --threads).
      range: this.lines.range(start, end),
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
