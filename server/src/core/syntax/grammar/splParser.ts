/**
 * The entry points on the grammar: each parse sets the input and the per-parse context and runs
 * one top rule; any Chevrotain recognition error (the grammar is gated so that none is expected)
 * becomes a diagnostic instead of an exception.
 */
import type { EvalExpression, Pipeline, SearchExpression } from '../ast';
import type { ParseContext } from './context';
import { SplGrammar } from './pipelineRules';
import { EndOfText, type SplToken } from './tokens';

export class SplParser extends SplGrammar {
  /** Reports and skips what follows a whole expression (eval or search entry points). */
  private skipLeftover(): void {
    const token = this.peek();
    if (!token) return;
    this.error(
      'spl.syntax.unexpected-token',
      `unexpected '${token.image.slice(0, 40)}' after the expression`,
      token.startOffset,
      this.lastToken().end,
    );
    while (this.peek()) this.SKIP_TOKEN();
  }

  private readonly wholeSearch = this.RULE('wholeSearch', (): Pipeline => {
    const pipeline = this.SUBRULE(this.pipeline, { ARGS: [false] });
    this.CONSUME(EndOfText);
    return pipeline;
  });

  /** The top-level stages up to the context's stop offset; the tokens after it are lookahead. */
  private readonly searchUpToStop = this.RULE('searchUpToStop', (): Pipeline => {
    const pipeline = this.SUBRULE(this.pipeline, { ARGS: [false] });
    this.ACTION(() => {
      this.context.stoppedAt = this.peek()?.startOffset ?? this.context.text.length;
      while (this.peek()) this.SKIP_TOKEN();
    });
    this.CONSUME(EndOfText);
    return pipeline;
  });

  private readonly wholeEvalExpression = this.RULE('wholeEvalExpression', () => {
    const expression = this.SUBRULE(this.evalExpr);
    this.ACTION(() => {
      if (!expression) this.missingExpression(this.peek()?.startOffset ?? this.context.text.length);
      this.skipLeftover();
    });
    this.CONSUME(EndOfText);
    return expression;
  });

  private readonly wholeSearchExpression = this.RULE('wholeSearchExpression', () => {
    const expression = this.SUBRULE(this.searchExpr, { ARGS: [false, 0] });
    this.ACTION(() => this.skipLeftover());
    this.CONSUME(EndOfText);
    return expression;
  });

  constructor() {
    super();
    this.performSelfAnalysis();
  }

  /** Parses `tokens`, which end with the end-of-text token, with the top rule `rule`. */
  private run<T>(context: ParseContext, tokens: SplToken[], rule: () => T): T {
    this.startParse(context, tokens);
    this.input = tokens;
    const result = rule.call(this);
    // The grammar is gated so that Chevrotain never meets a token it cannot place; should it
    // happen, its error still becomes a diagnostic rather than an exception.
    for (const error of this.errors) {
      const token = error.token as Partial<SplToken>;
      const start = Number.isNaN(token.startOffset)
        ? context.text.length
        : (token.startOffset ?? 0);
      const message = token.image ? `unexpected '${token.image}'` : 'unexpected end of the text';
      this.error('spl.syntax.unexpected-token', message, start, token.end ?? start);
    }
    this.endParse();
    return result;
  }

  parsePipeline(context: ParseContext, tokens: SplToken[]): Pipeline {
    // After a recognition error Chevrotain's recovery may give no tree at all: an empty one then.
    const pipeline = this.run(context, tokens, this.wholeSearch) as Pipeline | undefined;
    const range = context.range(0, context.text.length);
    return pipeline ?? { kind: 'pipeline', leadingPipe: false, stages: [], range };
  }

  /**
   * Parses the top-level stages of `tokens` that start before the context's stop offset; undefined
   * if Chevrotain met a token it could not place (the caller then parses the whole text).
   */
  parseStagesUpToStop(context: ParseContext, tokens: SplToken[]): Pipeline | undefined {
    this.startParse(context, tokens);
    this.input = tokens;
    const pipeline = this.searchUpToStop();
    const failed = this.errors.length > 0;
    this.endParse();
    return failed ? undefined : pipeline;
  }

  parseEval(context: ParseContext, tokens: SplToken[]): EvalExpression | undefined {
    return this.run(context, tokens, this.wholeEvalExpression);
  }

  parseSearch(context: ParseContext, tokens: SplToken[]): SearchExpression | undefined {
    return this.run(context, tokens, this.wholeSearchExpression);
  }
}
