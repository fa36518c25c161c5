/**
 * The SPL syntax core: `parseSpl` turns a search into a Pipeline plus diagnostics and comments,
 * never throwing. The lexer is context free and fine grained; the recursive-descent grammars in
 * this folder pick the reading each command needs (see lexer.ts for why).
 */
import { LineIndex } from '../text/lineIndex';
import type { Diagnostic } from '../text/diagnostic';
import type { Comment, EvalExpression, Pipeline, SearchExpression } from './ast';
import { TokenCursor } from './cursor';
import { missingExpression, parseEvalExpr } from './evalExpression';
import { tokenize, type Token } from './lexer';
import { readCommentMacro } from './macroCall';
import { parsePipeline } from './pipeline';
import { parseSearchExpr } from './searchExpression';

export * from './ast';
export { outline } from './outline';

export interface ParseResult {
  readonly pipeline: Pipeline;
  readonly diagnostics: Diagnostic[];
  readonly comments: Comment[];
}

const commentMacro = /^`\s*comment\s*\(/i;

/**
 * Tokens with comments taken out: Splunk replaces ```...``` by a space before running, and the
 * legacy `comment("...")` macro expands to nothing, so neither takes part in parsing.
 */
function prepare(text: string): { cursor: TokenCursor; comments: Comment[] } {
  const lines = new LineIndex(text);
  const all = tokenize(text);
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const cursor = new TokenCursor(text, tokens, lines);
  for (const token of all) {
    if (token.kind === 'comment') {
      if (token.unclosed) {
        cursor.error(
          'spl.syntax.unclosed-comment',
          'unclosed comment starting here: end it with ```',
          token.start,
          token.start + 3,
        );
      }
      const body = token.image.slice(3, token.unclosed ? undefined : -3);
      comments.push({
        kind: 'comment',
        style: 'backticks',
        text: body,
        range: lines.range(token.start, token.end),
      });
      cursor.commentSpans.push({ start: token.start, end: token.end });
    } else if (token.kind === 'macro' && commentMacro.test(token.image)) {
      comments.push(readCommentMacro(cursor, token));
      cursor.commentSpans.push({ start: token.start, end: token.end });
    } else {
      tokens.push(token);
    }
  }
  return { cursor, comments };
}

/** Parses a whole search. Never throws: problems come back as diagnostics. */
export function parseSpl(text: string): ParseResult {
  const { cursor, comments } = prepare(text);
  const pipeline = parsePipeline(cursor, false);
  // Recovery can report an outer problem after inner ones; readers expect document order.
  const diagnostics = cursor.diagnostics.sort(
    (a, b) => a.range.start.offset - b.range.start.offset,
  );
  return { pipeline, diagnostics, comments };
}

function reportLeftover(cursor: TokenCursor): void {
  const token = cursor.peek();
  if (!token) return;
  const last = cursor.tokens[cursor.tokens.length - 1] as Token;
  cursor.error(
    'spl.syntax.unexpected-token',
    `unexpected '${token.image.slice(0, 40)}' after the expression`,
    token.start,
    last.end,
  );
}

/** One eval expression (a macro's `iseval` definition or `validation`). */
export function parseEvalExpression(text: string): {
  expression?: EvalExpression;
  diagnostics: Diagnostic[];
} {
  const { cursor } = prepare(text);
  const expression = parseEvalExpr(cursor);
  if (!expression) missingExpression(cursor, cursor.peek()?.start ?? text.length);
  reportLeftover(cursor);
  return { ...(expression && { expression }), diagnostics: cursor.diagnostics };
}

/** One search-command expression. */
export function parseSearchExpression(text: string): {
  expression?: SearchExpression;
  diagnostics: Diagnostic[];
} {
  const { cursor } = prepare(text);
  const expression = parseSearchExpr(cursor);
  reportLeftover(cursor);
  return { ...(expression && { expression }), diagnostics: cursor.diagnostics };
}
