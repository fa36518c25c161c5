/**
 * The SPL parser on Chevrotain: `parseSpl`, `parseEvalExpression` and `parseSearchExpression`,
 * from one parser instance built at module load (grammar recording and self-analysis happen once;
 * a parse only sets `input`).
 */
import type { Diagnostic } from '../../text/diagnostic';
import { LineIndex, startOffsetOf } from '../../text/lineIndex';
import type { Comment, EvalExpression, Pipeline, SearchExpression } from '../ast';
import { scanTokens } from '../lexer';
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
 * Tokens with comments taken out, closed by the end-of-text token: Splunk replaces ```...``` by a
 * space before running, and the legacy `comment("...")` macro expands to nothing, so neither takes
 * part in parsing.
 */
function prepare(
  text: string,
  list: TokenList,
): { context: ParseContext; tokens: SplToken[]; comments: Comment[] } {
  const context = new ParseContext(text, new LineIndex(text));
  const comments: Comment[] = [];
  scanTokens(text, (kind, start, end, unclosed) => {
    if (kind === 'comment') {
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
      const comment = readMacro(context, { startOffset: start, end, unclosed });
      if (comment.kind === 'comment') {
        comments.push(comment);
        context.commentSpans.push({ start, end });
        return;
      }
    }
    list.add(kind, image, start, end, unclosed);
  });
  return { context, tokens: list.finish(text.length), comments };
}

/** The one parser instance: grammar recording and self-analysis run once, at module load. */
const parser = new SplParser();

/** Parses a whole search. Never throws: problems come back as diagnostics. */
export function parseSpl(text: string): ParseResult {
  const { context, pipeline, comments } = withTokenList((list) => {
    const prepared = prepare(text, list);
    return { ...prepared, pipeline: parser.parsePipeline(prepared.context, prepared.tokens) };
  });
  // Recovery can report an outer problem after inner ones; readers expect document order.
  const diagnostics = context.diagnostics.sort(
    (a, b) => startOffsetOf(a.range) - startOffsetOf(b.range),
  );
  return { pipeline, diagnostics, comments };
}

/** One eval expression (a macro's `iseval` definition or `validation`). */
export function parseEvalExpression(text: string): {
  expression?: EvalExpression;
  diagnostics: Diagnostic[];
} {
  const { context, expression } = withTokenList((list) => {
    const { context, tokens } = prepare(text, list);
    return { context, expression: parser.parseEval(context, tokens) };
  });
  return { ...(expression && { expression }), diagnostics: context.diagnostics };
}

/** One search-command expression. */
export function parseSearchExpression(text: string): {
  expression?: SearchExpression;
  diagnostics: Diagnostic[];
} {
  const { context, expression } = withTokenList((list) => {
    const { context, tokens } = prepare(text, list);
    return { context, expression: parser.parseSearch(context, tokens) };
  });
  return { ...(expression && { expression }), diagnostics: context.diagnostics };
}
