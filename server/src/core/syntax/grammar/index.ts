/**
 * The SPL parser on Chevrotain: `parseSpl`, `parseEvalExpression` and `parseSearchExpression`,
 * from one parser instance built at module load (grammar recording and self-analysis happen once;
 * a parse only sets `input`).
 */
import type { Diagnostic } from '../../text/diagnostic';
import { LineIndex } from '../../text/lineIndex';
import type { Comment, EvalExpression, Pipeline, SearchExpression } from '../ast';
import { tokenize } from '../lexer';
import { ParseContext } from './context';
import { readMacro } from './macroCall';
import { toParserToken, type SplToken } from './tokens';
import { SplParser } from './splParser';

export { SplParser };

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
function prepare(text: string): { context: ParseContext; tokens: SplToken[]; comments: Comment[] } {
  const context = new ParseContext(text, new LineIndex(text));
  const tokens: SplToken[] = [];
  const comments: Comment[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'comment') {
      if (token.unclosed) {
        context.error(
          'spl.syntax.unclosed-comment',
          'unclosed comment starting here: end it with ```',
          token.start,
          token.start + 3,
        );
      }
      const body = token.image.slice(3, token.unclosed ? undefined : -3);
      const range = context.range(token.start, token.end);
      comments.push({ kind: 'comment', style: 'backticks', text: body, range });
      context.commentSpans.push({ start: token.start, end: token.end });
      continue;
    }
    const parserToken = toParserToken(token, tokens.length);
    if (token.kind === 'macro' && commentMacro.test(token.image)) {
      const comment = readMacro(context, parserToken);
      if (comment.kind === 'comment') {
        comments.push(comment);
        context.commentSpans.push({ start: token.start, end: token.end });
        continue;
      }
    }
    tokens.push(parserToken);
  }
  return { context, tokens, comments };
}

/** The one parser instance: grammar recording and self-analysis run once, at module load. */
const parser = new SplParser();

/** Parses a whole search. Never throws: problems come back as diagnostics. */
export function parseSpl(text: string): ParseResult {
  const { context, tokens, comments } = prepare(text);
  const pipeline = parser.parsePipeline(context, tokens);
  // Recovery can report an outer problem after inner ones; readers expect document order.
  const diagnostics = context.diagnostics.sort(
    (a, b) => a.range.start.offset - b.range.start.offset,
  );
  return { pipeline, diagnostics, comments };
}

/** One eval expression (a macro's `iseval` definition or `validation`). */
export function parseEvalExpression(text: string): {
  expression?: EvalExpression;
  diagnostics: Diagnostic[];
} {
  const { context, tokens } = prepare(text);
  const expression = parser.parseEval(context, tokens);
  return { ...(expression && { expression }), diagnostics: context.diagnostics };
}

/** One search-command expression. */
export function parseSearchExpression(text: string): {
  expression?: SearchExpression;
  diagnostics: Diagnostic[];
} {
  const { context, tokens } = prepare(text);
  const expression = parser.parseSearch(context, tokens);
  return { ...(expression && { expression }), diagnostics: context.diagnostics };
}
