/**
 * Chevrotain's LL(k) lookahead, each decision's function built the first time a parse asks for it
 * rather than for every decision at self-analysis. Most of the grammar's decisions are recorded
 * only so the recorder sees the whole grammar (plain code picks their alternative at parse time),
 * so their lookahead is never needed; building it eagerly was the largest part of start-up.
 */
import {
  LLkLookaheadStrategy,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IOrAlt,
  type Rule,
  type TokenType,
} from 'chevrotain';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type AlternationLookahead = (alternatives?: IOrAlt<unknown>[]) => number | undefined;

export class LazyLookaheadStrategy implements ILookaheadStrategy {
  private readonly eager: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.eager = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: {
    rules: Rule[];
    tokenTypes: TokenType[];
    grammarName: string;
  }): ILookaheadValidationError[] {
    return this.eager.validate(options);
  }

  buildLookaheadForAlternation(options: AlternationOptions): AlternationLookahead {
    const eager = this.eager;
    let built: AlternationLookahead | undefined;
    // Chevrotain calls lookahead functions with the parser as `this`; they read its tokens.
    return function (this: unknown, alternatives) {
      const lookahead = (built ??= eager.buildLookaheadForAlternation(options));
      return lookahead.call(this, alternatives);
    };
  }

  buildLookaheadForOptional(options: OptionalOptions): () => boolean {
    const eager = this.eager;
    let built: (() => boolean) | undefined;
    return function (this: unknown) {
      const lookahead = (built ??= eager.buildLookaheadForOptional(options));
      return lookahead.call(this);
    };
  }
}
