/**
 * Chevrotain's LL(k) lookahead, each decision's function built the first time a parse asks for it
 * rather than for every decision at self-analysis. Most of the grammar's decisions are recorded
 * only so the recorder sees the whole grammar (plain code picks their alternative at parse time),
 * so their lookahead is never needed; building it eagerly was the largest part of start-up.
 *
 * Gated alternations choose as Chevrotain's do (the first alternative whose GATE holds and one of
 * whose lookahead paths matches), without the array of GATEs Chevrotain's version builds on every
 * call.
 */
import {
  getLookaheadPaths,
  LLkLookaheadStrategy,
  tokenMatcher,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IOrAlt,
  type IToken,
  type LookaheadSequence,
  type Rule,
  type TokenType,
} from 'chevrotain';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type AlternationLookahead = (alternatives?: IOrAlt<unknown>[]) => number | undefined;

/** The parser, as lookahead functions see it (their `this`). */
interface TokenReader {
  LA(howMuch: number): IToken;
}

/** The first alternative whose GATE holds (or that has none) and one of whose paths matches. */
function chooseGated(
  parser: TokenReader,
  paths: LookaheadSequence[],
  alternatives: IOrAlt<unknown>[] | undefined,
): number | undefined {
  for (let index = 0; index < paths.length; index++) {
    const gate = alternatives?.[index]?.GATE;
    if (gate !== undefined && !gate.call(parser)) continue;
    const alternativePaths = paths[index] as TokenType[][];
    for (const path of alternativePaths) {
      let matches = true;
      for (let ahead = 0; ahead < path.length && matches; ahead++) {
        matches = tokenMatcher(parser.LA(ahead + 1), path[ahead] as TokenType);
      }
      if (matches) return index;
    }
  }
  return undefined;
}

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
    if (options.hasPredicates) {
      let paths: LookaheadSequence[] | undefined;
      return function (this: TokenReader, alternatives) {
        paths ??= getLookaheadPaths({
          occurrence: options.prodOccurrence,
          rule: options.rule,
          prodType: 'Alternation',
          maxLookahead: options.maxLookahead,
        });
        return chooseGated(this, paths, alternatives);
      };
    }
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
