/**
 * The search command's expressions (search, tstats/inputlookup where). spl-semantics.md "The
 * search command": parentheses, then NOT, then OR, then AND (OR binds tighter than AND); AND is
 * implied between terms; `AND OR NOT` are operators only in upper case, and only standing alone
 * (a GATE checks that no adjacent token glues to them).
 */
import type { IOrAlt } from 'chevrotain';
import type { SearchExpression } from '../ast';
import type { TokenKind } from '../lexer';
import { readMacro } from './macroCall';
import { SearchTermRules } from './searchTermRules';
import { LParen, Macro, RParen, Word, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

type Operand = SearchExpression | undefined;

/** Index in `primaryAlternativesInSearch` of the term each token kind starts; others: a chunk. */
const searchPrimaryByKind: Partial<Record<TokenKind, number>> = {
  lparen: 0,
  rparen: 1,
  lbracket: 2,
  macro: 3,
  string: 4,
};

export abstract class SearchRules extends SearchTermRules {
  private atSearchOperator(operator: 'AND' | 'OR' | 'NOT'): boolean {
    const token = this.peek();
    // The cheap test first: most terms are not operators, and chunkLength walks the whole term.
    return token?.kind === 'word' && token.image === operator && this.chunkLength(false) === 1;
  }

  /** The stops of the expression being read: tstats' `by`, and the parenthesis depth. */
  private searchAtBy = false;
  private searchDepth = 0;

  private atSearchEnd(): boolean {
    if (this.atStageEnd()) return true;
    if (this.searchDepth > 0 && this.atKind('rparen')) return true;
    return this.searchAtBy && this.atKeyword('by');
  }

  private combine(kind: 'and' | 'or', operands: SearchExpression[]): Operand {
    const first = operands[0];
    const last = operands[operands.length - 1];
    if (!first || !last || operands.length === 1) return first;
    const range = this.range(startOffsetOf(first.range), endOffsetOf(last.range));
    return { kind, operands, range } as SearchExpression;
  }

  /**
   * A whole search expression up to the end of the stage (or `)`, or tstats' `by`). The loops of
   * this rule and `searchOr` are plain loops over recorded steps, not MANY: they run once per
   * search term and per-call closures cost more than the parse.
   */
  readonly searchExpr = this.RULE('searchExpr', (atBy: boolean, depth: number): Operand => {
    if (this.RECORDING_PHASE) {
      this.OR(this.searchStepAlternatives);
      return undefined;
    }
    const outerAtBy = this.searchAtBy;
    const outerDepth = this.searchDepth;
    this.searchAtBy = atBy;
    this.searchDepth = depth;
    try {
      const operands: SearchExpression[] = [];
      while (!this.atSearchEnd()) {
        if (this.atSearchOperator('AND')) {
          const and = this.CONSUME(Word) as SplToken;
          if (operands.length === 0 || this.atSearchEnd())
            this.error(
              'spl.syntax.missing-operand',
              "'AND' needs a search term on both sides",
              and.startOffset,
              and.end,
            );
          continue;
        }
        const before = this.LA(0);
        const operand = this.SUBRULE(this.searchOr);
        if (operand) operands.push(operand);
        if (!this.movedPast(before)) this.skipRestOfStage('in the search');
      }
      return this.combine('and', operands);
    } finally {
      this.searchAtBy = outerAtBy;
      this.searchDepth = outerDepth;
    }
  });

  /** One step of a search expression, as the recorder sees it: an `AND`, or an OR-group. */
  private readonly searchStepAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(Word) },
    { ALT: () => this.SUBRULE(this.searchOr) },
  ];

  private readonly searchOr = this.RULE('searchOr', (): Operand => {
    const first = this.SUBRULE(this.searchNot);
    if (this.RECORDING_PHASE) {
      this.CONSUME(Word);
      this.SUBRULE2(this.searchNot);
      return undefined;
    }
    if (!first) return undefined;
    const operands = [first];
    while (this.atSearchOperator('OR')) {
      const or = this.CONSUME(Word) as SplToken;
      const next = this.atSearchEnd() ? undefined : this.SUBRULE2(this.searchNot);
      if (!next) {
        this.error(
          'spl.syntax.missing-operand',
          "expected a search term after 'OR'",
          or.startOffset,
          or.end,
        );
        break;
      }
      operands.push(next);
    }
    return this.combine('or', operands);
  });

  private readonly notAlternativesInSearch: IOrAlt<Operand>[] = [
    {
      ALT: () => {
        const not = this.CONSUME(Word) as SplToken;
        if (this.RECORDING_PHASE) {
          this.SUBRULE(this.searchNot);
          return undefined;
        }
        const operand = this.atSearchEnd() ? undefined : this.SUBRULE(this.searchNot);
        if (!operand) {
          this.error(
            'spl.syntax.missing-operand',
            "expected a search term after 'NOT'",
            not.startOffset,
            not.end,
          );
          return undefined;
        }
        const range = this.range(not.startOffset, endOffsetOf(operand.range));
        return { kind: 'not', operand, range };
      },
    },
    { ALT: () => this.SUBRULE(this.searchPrimary) },
  ];

  private readonly searchNot = this.RULE('searchNot', (): Operand =>
    this.nestedChoice(this.notAlternativesInSearch, this.atSearchOperator('NOT') ? 0 : 1),
  );

  private readonly primaryAlternativesInSearch: IOrAlt<Operand>[] = [
    {
      ALT: () => {
        const open = this.CONSUME(LParen) as SplToken;
        const inner = this.SUBRULE(this.searchExpr, {
          ARGS: [this.searchAtBy, this.searchDepth + 1],
        });
        let closed = false;
        this.OPTION(() => {
          this.CONSUME(RParen);
          closed = true;
        });
        return this.ACTION(() => {
          if (!closed)
            this.error(
              'spl.syntax.unbalanced-paren',
              "unbalanced parenthesis: this '(' is never closed",
              open.startOffset,
              open.end,
            );
          if (!inner)
            this.error(
              'spl.syntax.empty-group',
              'empty parentheses: put a search term inside or remove them',
              open.startOffset,
              this.previousEnd(),
            );
          return inner;
        });
      },
    },
    {
      ALT: () => {
        const close = this.CONSUME2(RParen) as SplToken;
        return this.ACTION((): Operand => {
          this.error(
            'spl.syntax.unbalanced-paren',
            "unbalanced parenthesis: no '(' before this ')'",
            close.startOffset,
            close.end,
          );
          return undefined;
        });
      },
    },
    { ALT: () => this.SUBRULE(this.subsearch) },
    {
      ALT: () => {
        const token = this.CONSUME(Macro) as SplToken;
        return this.ACTION((): Operand => {
          const macro = readMacro(this.context, token);
          return macro.kind === 'macro' ? macro : undefined;
        });
      },
    },
    { ALT: () => this.SUBRULE(this.searchQuoted) },
    { ALT: () => this.SUBRULE(this.searchChunk) },
  ];

  /** Hot: the next token's kind picks the alternative (in their order) by plain code. */
  private readonly searchPrimary = this.RULE('searchPrimary', (): Operand => {
    const kind = this.peek()?.kind;
    const chosen = kind === undefined ? undefined : searchPrimaryByKind[kind];
    return this.choice(this.primaryAlternativesInSearch, chosen ?? 5);
  });
}
