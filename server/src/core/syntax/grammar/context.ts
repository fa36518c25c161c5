/** Per-parse state the grammar actions share: the text, its line index and the diagnostics. */
import type { Diagnostic } from '../../text/diagnostic';
import { RangeAnchor, startOffsetOf, type LineIndex } from '../../text/lineIndex';
import type { SourceRange } from '../../text/range';

export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Ranges (offsets) of the comments taken out of the tokens, in order. */
  readonly commentSpans: { start: number; end: number }[] = [];
  /** Offsets of the `|` between top-level stages, in order. */
  readonly topLevelPipes: number[] = [];
  /** For each top-level `|`, how many problems had been reported when the parse reached it. */
  private readonly reportedAtPipes: number[] = [];
  /** How many problems the lexing reported, before the parse started. */
  private reportedByLexing = -1;
  /** Where the top-level stages stopped, when the parse stops at `stopOffset`. */
  stoppedAt = -1;

  /**
   * With `stopOffset`, the top-level pipeline ends at the first token starting there or later:
   * the tokens after it are only there for lookahead (a reparse of some stages in place).
   */
  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly stopOffset = Infinity,
  ) {
    this.anchor = new RangeAnchor(lines);
  }

  /**
   * The anchor of the ranges made now: one for the lexing (comments), which never moves, then
   * one per top-level stage.
   */
  private anchor: RangeAnchor;
  /** The anchors of the first stage and of the stage after each top-level `|`. */
  readonly stageAnchors: RangeAnchor[] = [];

  /** A node's range; its line and column are computed only if something reads them. */
  range(start: number, end: number): SourceRange {
    return this.anchor.range(start, end);
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

  /** The tokens are made: problems reported from now on come from the parse. */
  startParsing(): void {
    this.reportedByLexing = this.diagnostics.length;
    this.newStageAnchor();
  }

  private newStageAnchor(): void {
    this.anchor = new RangeAnchor(this.lines);
    this.stageAnchors.push(this.anchor);
  }

  /** The parse moves on to the top-level stage after the `|` at `pipeOffset`. */
  enterTopLevelStage(pipeOffset: number): void {
    this.topLevelPipes.push(pipeOffset);
    this.reportedAtPipes.push(this.diagnostics.length);
    this.newStageAnchor();
  }

  /**
   * The last problem the parse reported in the current top-level stage. Lexing problems and
   * earlier stages do not count, so a stage parses the same alone as within the whole text.
   */
  lastProblemInStage(): Diagnostic | undefined {
    const stageStart = Math.max(this.reportedByLexing, this.reportedAtPipes.at(-1) ?? 0);
    return this.diagnostics.length > stageStart ? this.diagnostics.at(-1) : undefined;
  }

  /**
   * For each diagnostic, the top-level stage that reported it: the offset of the `|` before it,
   * 0 for the first stage; for a lexing problem, its own offset. A reparse replaces the
   * diagnostics of the stages it parses again by this, not by where they point (a stage may
   * report a problem at the `|` after it). Problems are only ever taken back within the stage
   * that reported them (a probe that backtracks), so the counts at the pipes stay true.
   */
  diagnosticOwners(): number[] {
    let stage = -1;
    return this.diagnostics.map((diagnostic, index) => {
      if (index < this.reportedByLexing) return startOffsetOf(diagnostic.range);
      while ((this.reportedAtPipes[stage + 1] ?? Infinity) <= index) stage++;
      return this.topLevelPipes[stage] ?? 0;
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
