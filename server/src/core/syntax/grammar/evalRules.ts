/**
 * eval expressions (eval, where, fieldformat, `eval(...)` in aggregations). Precedence, loosest
 * first: XOR, OR, AND, NOT, comparison (also LIKE and IN), `+ - .`, `* / %`, unary sign.
 * spl-semantics.md "eval and where": NOT, then AND, then OR, then XOR. Keywords ignore case here
 * (`and` works like `AND`), unlike in the search command.
 */
import type { IOrAlt } from 'chevrotain';
import type { EvalBinaryOperator, EvalExpression } from '../ast';
import { EvalPrimaryRules } from './evalPrimaryRules';
import { LParen, Word, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

type Operand = EvalExpression | undefined;

/** One binary precedence level: its operand rule, its operator test, the operand after one. */
interface BinaryLevel {
  readonly operand: () => Operand;
  readonly operatorAt: () => EvalBinaryOperator | undefined;
  readonly nextOperand: () => Operand;
}

const additiveOperators: Partial<Record<string, EvalBinaryOperator>> = {
  plus: '+',
  minus: '-',
  dot: '.',
};
const multiplicativeOperators: Partial<Record<string, EvalBinaryOperator>> = {
  star: '*',
  slash: '/',
  percent: '%',
};

export abstract class EvalRules extends EvalPrimaryRules {
  protected atEvalKeyword(keyword: string, ahead = 1): boolean {
    const token = this.peek(ahead);
    return token?.kind === 'word' && token.image.toUpperCase() === keyword;
  }

  private binary(
    operator: EvalBinaryOperator,
    left: EvalExpression,
    right: EvalExpression,
  ): EvalExpression {
    const range = this.range(startOffsetOf(left.range), endOffsetOf(right.range));
    return { kind: 'binary', operator, left, right, range };
  }

  private missingOperand(operator: string, left: EvalExpression): EvalExpression {
    this.missingExpression(this.previousEnd(), operator);
    return left;
  }

  /**
   * `operand (operator operand)*`, left-associative; a missing right operand ends the level. A
   * plain loop rather than MANY: every eval leaf passes through five such levels, and MANY's
   * per-call GATE/DEF closures cost more than the parse itself. The recording phase sees the
   * repeated part once, as a sequence, which gives the same one-token lookahead.
   */
  private leftAssociative(level: BinaryLevel): Operand {
    let left = level.operand();
    if (this.RECORDING_PHASE) {
      this.consumeAny(1);
      level.nextOperand();
      return left;
    }
    for (
      let operator = left && level.operatorAt();
      left && operator;
      operator = level.operatorAt()
    ) {
      const token = this.consumeAny(1);
      const right = level.nextOperand();
      if (right === undefined) return this.missingOperand(token.image, left);
      left = this.binary(operator, left, right);
    }
    return left;
  }

  /*
   * At parse time a level runs the next level's loop directly instead of through its rule
   * (evalOr, evalAnd, evalAdditive, evalMultiplicative): those rules hold no decision of their
   * own, and every SUBRULE hop costs Chevrotain's rule bookkeeping for each operand of each
   * expression. The recorder still sees the rules.
   */
  private orOperand(): Operand {
    return this.leftAssociative(this.orLevel);
  }

  private andOperand(): Operand {
    return this.leftAssociative(this.andLevel);
  }

  private additiveOperand(): Operand {
    return this.leftAssociative(this.additiveLevel);
  }

  private multiplicativeOperand(): Operand {
    return this.leftAssociative(this.multiplicativeLevel);
  }

  private readonly xorLevel: BinaryLevel = {
    operand: () => (this.RECORDING_PHASE ? this.SUBRULE(this.evalOr) : this.orOperand()),
    operatorAt: () => (this.atEvalKeyword('XOR') ? 'XOR' : undefined),
    nextOperand: () => (this.RECORDING_PHASE ? this.SUBRULE2(this.evalOr) : this.orOperand()),
  };

  private readonly orLevel: BinaryLevel = {
    operand: () => (this.RECORDING_PHASE ? this.SUBRULE(this.evalAnd) : this.andOperand()),
    operatorAt: () => (this.atEvalKeyword('OR') ? 'OR' : undefined),
    nextOperand: () => (this.RECORDING_PHASE ? this.SUBRULE2(this.evalAnd) : this.andOperand()),
  };

  private readonly andLevel: BinaryLevel = {
    operand: () => this.SUBRULE(this.evalNot),
    operatorAt: () => (this.atEvalKeyword('AND') ? 'AND' : undefined),
    nextOperand: () => this.SUBRULE2(this.evalNot),
  };

  private readonly additiveLevel: BinaryLevel = {
    operand: () =>
      this.RECORDING_PHASE ? this.SUBRULE(this.evalMultiplicative) : this.multiplicativeOperand(),
    operatorAt: () => additiveOperators[this.peek()?.kind ?? ''],
    nextOperand: () =>
      this.RECORDING_PHASE ? this.SUBRULE2(this.evalMultiplicative) : this.multiplicativeOperand(),
  };

  private readonly multiplicativeLevel: BinaryLevel = {
    operand: () => this.SUBRULE(this.evalUnary),
    operatorAt: () => multiplicativeOperators[this.peek()?.kind ?? ''],
    nextOperand: () => this.SUBRULE2(this.evalUnary),
  };

  /** One eval expression starting here; undefined (with a diagnostic) when none starts here. */
  readonly evalExpr = this.RULE('evalExpr', (): Operand => this.leftAssociative(this.xorLevel));

  private readonly evalOr = this.RULE('evalOr', (): Operand => this.leftAssociative(this.orLevel));

  private readonly evalAnd = this.RULE('evalAnd', (): Operand =>
    this.leftAssociative(this.andLevel),
  );

  /** Built once (hot); `evalNot` picks one by plain code, the second accepts any token. */
  private readonly notAlternatives: IOrAlt<Operand>[] = [
    {
      ALT: () => {
        const not = this.CONSUME(Word) as SplToken;
        const operand = this.SUBRULE(this.evalNot);
        return this.ACTION((): Operand => {
          if (!operand) {
            this.error(
              'spl.syntax.missing-operand',
              "expected an expression after 'NOT'",
              not.startOffset,
              not.end,
            );
            return undefined;
          }
          const range = this.range(not.startOffset, endOffsetOf(operand.range));
          return { kind: 'unary', operator: 'NOT', operand, range };
        });
      },
    },
    { ALT: () => this.SUBRULE(this.evalComparison) },
  ];

  private readonly evalNot = this.RULE('evalNot', (): Operand =>
    this.nestedChoice(this.notAlternatives, this.atEvalKeyword('NOT') ? 0 : 1),
  );

  /** What may follow a comparison operator, as the recorder sees it: an IN list or an operand. */
  private readonly comparisonRightAlternatives: IOrAlt<unknown>[] = [
    {
      ALT: () => {
        this.CONSUME(LParen);
        this.SUBRULE(this.evalArguments);
      },
    },
    { ALT: () => this.SUBRULE2(this.evalAdditive) },
  ];

  private atComparisonOperator(): boolean {
    return (
      this.atKind('compare') ||
      this.atEvalKeyword('LIKE') ||
      (this.atEvalKeyword('IN') && this.atKind('lparen', 2))
    );
  }

  /** `a = b`, `a LIKE "x%"`, `a IN (1, 2)`; decided by plain code on the recorded steps (hot). */
  private readonly evalComparison = this.RULE('evalComparison', (): Operand => {
    const left = this.RECORDING_PHASE ? this.SUBRULE(this.evalAdditive) : this.additiveOperand();
    if (this.RECORDING_PHASE) {
      this.consumeAny(1);
      this.OR(this.comparisonRightAlternatives);
      return undefined;
    }
    if (!left || !this.atComparisonOperator()) return left;
    const operator = this.consumeAny(1);
    const keyword = operator.kind === 'word' ? operator.image.toUpperCase() : undefined;
    if (keyword === 'IN') {
      const open = this.CONSUME(LParen) as SplToken;
      const list = this.SUBRULE(this.evalArguments, { ARGS: [open.startOffset] });
      const range = this.range(startOffsetOf(left.range), this.previousEnd());
      return { kind: 'evalIn', value: left, list, range };
    }
    const right = this.additiveOperand();
    if (!right) return this.missingOperand(keyword ?? operator.image, left);
    if (keyword === 'LIKE') {
      const range = this.range(startOffsetOf(left.range), endOffsetOf(right.range));
      return { kind: 'like', value: left, pattern: right, range };
    }
    return this.binary(operator.image as EvalBinaryOperator, left, right);
  });

  private readonly evalAdditive = this.RULE('evalAdditive', (): Operand =>
    this.leftAssociative(this.additiveLevel),
  );

  private readonly evalMultiplicative = this.RULE('evalMultiplicative', (): Operand =>
    this.leftAssociative(this.multiplicativeLevel),
  );

  private readonly unaryAlternatives: IOrAlt<Operand>[] = [
    {
      ALT: () => {
        const sign = this.consumeAny(1);
        const operand = this.SUBRULE(this.evalUnary);
        return this.ACTION((): Operand => {
          if (!operand) {
            this.error(
              'spl.syntax.missing-operand',
              `expected an expression after '${sign.image}'`,
              sign.startOffset,
              sign.end,
            );
            return undefined;
          }
          const operator = sign.kind === 'minus' ? '-' : '+';
          const range = this.range(sign.startOffset, endOffsetOf(operand.range));
          return { kind: 'unary', operator, operand, range };
        });
      },
    },
    { ALT: () => this.SUBRULE(this.evalPrimary) },
  ];

  private readonly evalUnary = this.RULE('evalUnary', (): Operand =>
    this.nestedChoice(this.unaryAlternatives, this.atKind('minus') || this.atKind('plus') ? 0 : 1),
  );
}
