/**
 * The SPL parser on Chevrotain: `parseSpl`, `parseEvalExpression` and `parseSearchExpression`,
 * from one parser instance built at module load (grammar recording and self-analysis happen once;
 * a parse only sets `input`).
 */
import type { Diagnostic } from '../../text/diagnostic';
import { LineIndex, startOffsetOf, type RangeAnchor } from '../../text/lineIndex';
import type { Comment, EvalExpression, Pipeline, SearchExpression } from '../ast';
import { scanTokens, type TokenKind } from '../lexer';
import { ParseContext } from './context';
import { readMacro } from './macroCall';
import { withTokenList, type TokenList } from './tokenPool';
import type { SplToken } from './tokens';
import { SplParser } from './splParser';

export { SplParser };

export interface ParseResult {
  readonly pipeline: Pipeline;
  readonly diagnostics: Diagnostic[];
  readonly comments: Comment[];
}

const commentMacro = /^`\s*comment\s*\(/i;

/**
 * The tokens of `context.text` that start between `from` and `to`, with comments taken out,
 * closed by the end-of-text token: Splunk replaces ```...``` by a space before running, and the
 * legacy `comment("...")` macro expands to nothing, so neither takes part in parsing. Tokens from
 * `to` to `lookaheadTo` follow, for lookahead only: their comments are neither kept nor reported.
 * `spanEnd` is where the last token starting before `to` ends.
 */
function prepare(
  context: ParseContext,
  list: TokenList,
  from = 0,
  to = context.text.length,
  lookaheadTo = to,
): { tokens: SplToken[]; comments: Comment[]; spanEnd: number } {
  const text = context.text;
  const comments: Comment[] = [];
  let spanEnd = from;
  const sink =
    (keep: boolean) =>
    (kind: TokenKind, start: number, end: number, unclosed: boolean): void => {
      if (keep) spanEnd = end;
      if (kind === 'comment') {
        if (!keep) return;
        if (unclosed) {
          context.error(
            'spl.syntax.unclosed-comment',
            'unclosed comment starting here: end it with ```',
            start,
            start + 3,
          );
        }
        const body = text.slice(start + 3, unclosed ? end : end - 3);
        const range = context.range(start, end);
        comments.push({ kind: 'comment', style: 'backticks', text: body, range });
        context.commentSpans.push({ start, end });
        return;
      }
      const image = text.slice(start, end);
      if (kind === 'macro' && commentMacro.test(image)) {
        // Read in a context of its own when only looked ahead at, so it reports nothing.
        const reader = keep ? context : new ParseContext(text, context.lines);
        const comment = readMacro(reader, { startOffset: start, end, unclosed });
        if (comment.kind === 'comment') {
          if (keep) {
            comments.push(comment);
            context.commentSpans.push({ start, end });
          }
          return;
        }
      }
      list.add(kind, image, start, end, unclosed);
    };
  scanTokens(text, sink(true), from, to);
  if (lookaheadTo > to) scanTokens(text, sink(false), to, lookaheadTo);
  return { tokens: list.finish(text.length), comments, spanEnd };
}

/** The one parser instance: grammar recording and self-analysis run once, at module load. */
const parser = new SplParser();

/** A parse plus what a reparse of some of its top-level stages needs. */
export interface StagedParse extends ParseResult {
  /** Offsets of the `|` between top-level stages. */
  readonly topLevelPipes: readonly number[];
  /** For each diagnostic, the stage that reported it (see `ParseContext.diagnosticOwners`). */
  readonly diagnosticOwners: readonly number[];
  /** The anchor of the first stage's ranges and of each stage after a top-level `|`. */
  readonly stageAnchors: readonly RangeAnchor[];
}

/**
 * The context's diagnostics in document order (recovery can report an outer problem after inner
 * ones; readers expect document order), with their owners in the same order.
 */
function staged(context: ParseContext, pipeline: Pipeline, comments: Comment[]): StagedParse {
  const owners = context.diagnosticOwners();
  const ordered = context.diagnostics
    .map((diagnostic, index) => ({ diagnostic, owner: owners[index] ?? 0 }))
    .sort((a, b) => startOffsetOf(a.diagnostic.range) - startOffsetOf(b.diagnostic.range));
  return {
    pipeline,
    diagnostics: ordered.map(({ diagnostic }) => diagnostic),
    comments,
    topLevelPipes: context.topLevelPipes,
    diagnosticOwners: ordered.map(({ owner }) => owner),
    stageAnchors: context.stageAnchors,
  };
}

/** Parses a whole search. Never throws: problems come back as diagnostics. */
export function parseSpl(text: string): ParseResult {
  const { pipeline, diagnostics, comments } = parseStaged(text, new LineIndex(text));
  return { pipeline, diagnostics, comments };
}

/** `parseSpl`, keeping what a reparse needs. */
export function parseStaged(text: string, lines: LineIndex): StagedParse {
  const context = new ParseContext(text, lines);
  return withTokenList((list) => {
    const { tokens, comments } = prepare(context, list);
    context.startParsing();
    return staged(context, parser.parsePipeline(context, tokens), comments);
  });
}

/** How far past the stages a reparse lexes, for the lookahead of the grammar's GATEs. */
const lookaheadChars = 1024;

/**
 * Parses the top-level stages of `text` between `from` (0 or a top-level `|`) and `to` (a
 * top-level `|` or the end) as they parse within the whole text. Undefined when they do not: a
 * token runs past `to`, or the parse does not stop exactly at `to` (a `[` left open, the nesting
 * limit); the caller then parses the whole text. The pipeline's stages are those of the span.
 */
export function parseStagesBetween(
  text: string,
  lines: LineIndex,
  from: number,
  to: number,
): StagedParse | undefined {
  const context = new ParseContext(text, lines, to);
  return withTokenList((list) => {
    const { tokens, comments, spanEnd } = prepare(context, list, from, to, to + lookaheadChars);
    if (spanEnd > to) return undefined;
    context.startParsing();
    const pipeline = parser.parseStagesUpToStop(context, tokens);
    if (!pipeline || context.stoppedAt !== to) return undefined;
    return staged(context, pipeline, comments);
  });
}

/** One eval expression (a macro's `iseval` definition or `validation`). */
export function parseEvalExpression(text: string): {
  expression?: EvalExpression;
  diagnostics: Diagnostic[];
} {
  const context = new ParseContext(text, new LineIndex(text));
  const expression = withTokenList((list) =>
    parser.parseEval(context, prepare(context, list).tokens),
  );
  return { ...(expression && { expression }), diagnostics: context.diagnostics };
}

/** One search-command expression. */
export function parseSearchExpression(text: string): {
  expression?: SearchExpression;
  diagnostics: Diagnostic[];
} {
  const context = new ParseContext(text, new LineIndex(text));
  const expression = withTokenList((list) =>
    parser.parseSearch(context, prepare(context, list).tokens),
  );
  return { ...(expression && { expression }), diagnostics: context.diagnostics };
}
