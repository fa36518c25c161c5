/**
 * eval expressions (eval, where, fieldformat, `eval(...)` in aggregations). Precedence, loosest
 * first: XOR, OR, AND, NOT, comparison (also LIKE and IN), `+ - .`, `* / %`, unary sign.
 * spl-semantics.md "eval and where": NOT, then AND, then OR, then XOR. Keywords ignore case here
 * (`and` works like `AND`), unlike in the search command.
 */
import type { IOrAlt } from 'chevrotain';
import type { EvalBinaryOperator, EvalExpression } from '../ast';
import type { TokenKind } from '../lexer';
import { unquote } from './context';
import { readMacro } from './macroCall';
import { SplParserBase } from './parserBase';
import { Comma, LParen, Macro, RParen, StringLiteral, Word, type SplToken } from './tokens';

type Operand = EvalExpression | undefined;

/** One binary precedence level: its operand rule, its operator test, the operand after one. */
interface BinaryLevel {
  readonly operand: () => Operand;
  readonly operatorAt: () => EvalBinaryOperator | undefined;
  readonly nextOperand: () => Operand;
}

/** Tokens where no expression starts: the caller says what it expected. */
const terminators: ReadonlySet<TokenKind> = new Set(['pipe', 'rbracket', 'rparen', 'comma']);

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

export abstract class EvalRules extends SplParserBase {
  protected atEvalKeyword(keyword: string, ahead = 1): boolean {
    const token = this.peek(ahead);
    return token?.kind === 'word' && token.image.toUpperCase() === keyword;
  }

  private binary(
    operator: EvalBinaryOperator,
    left: EvalExpression,
    right: EvalExpression,
  ): EvalExpression {
    const range = this.range(left.range.start.offset, right.range.end.offset);
    return { kind: 'binary', operator, left, right, range };
  }

  private missingOperand(operator: string, left: EvalExpression): EvalExpression {
    this.missingExpression(this.previousEnd(), operator);
    return left;
  }

  /** Reports "expected an expression" at `offset` unless something was already reported there. */
  protected missingExpression(offset: number, after?: string): void {
    const { diagnostics } = this.context;
    const last = diagnostics[diagnostics.length - 1];
    if (last && last.range.end.offset >= offset) return;
    const token = this.peek();
    const found =
      token && !terminators.has(token.kind) ? ` but found '${token.image.slice(0, 40)}'` : '';
    const where = after === undefined ? '' : ` after '${after}'`;
    this.error(
      'spl.syntax.missing-operand',
      `expected an expression${where}${found}`,
      offset,
      offset,
    );
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

  private readonly xorLevel: BinaryLevel = {
    operand: () => this.SUBRULE(this.evalOr),
    operatorAt: () => (this.atEvalKeyword('XOR') ? 'XOR' : undefined),
    nextOperand: () => this.SUBRULE2(this.evalOr),
  };

  private readonly orLevel: BinaryLevel = {
    operand: () => this.SUBRULE(this.evalAnd),
    operatorAt: () => (this.atEvalKeyword('OR') ? 'OR' : undefined),
    nextOperand: () => this.SUBRULE2(this.evalAnd),
  };

  private readonly andLevel: BinaryLevel = {
    operand: () => this.SUBRULE(this.evalNot),
    operatorAt: () => (this.atEvalKeyword('AND') ? 'AND' : undefined),
    nextOperand: () => this.SUBRULE2(this.evalNot),
  };

  private readonly additiveLevel: BinaryLevel = {
    operand: () => this.SUBRULE(this.evalMultiplicative),
    operatorAt: () => additiveOperators[this.peek()?.kind ?? ''],
    nextOperand: () => this.SUBRULE2(this.evalMultiplicative),
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

  /** Built once: Chevrotain's advice for hot rules, alternatives are not re-created per call. */
  private readonly notAlternatives: IOrAlt<Operand>[] = [
    {
      GATE: () => this.atEvalKeyword('NOT'),
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
          const range = this.range(not.startOffset, operand.range.end.offset);
          return { kind: 'unary', operator: 'NOT', operand, range };
        });
      },
    },
    { ALT: () => this.SUBRULE(this.evalComparison) },
  ];

  private readonly evalNot = this.RULE('evalNot', (): Operand =>
    this.nestedOr(this.notAlternatives),
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
    const left = this.SUBRULE(this.evalAdditive);
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
      const range = this.range(left.range.start.offset, this.previousEnd());
      return { kind: 'evalIn', value: left, list, range };
    }
    const right = this.SUBRULE2(this.evalAdditive);
    if (!right) return this.missingOperand(keyword ?? operator.image, left);
    if (keyword === 'LIKE') {
      const range = this.range(left.range.start.offset, right.range.end.offset);
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
      GATE: () => this.atKind('minus') || this.atKind('plus'),
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
          const range = this.range(sign.startOffset, operand.range.end.offset);
          return { kind: 'unary', operator, operand, range };
        });
      },
    },
    { ALT: () => this.SUBRULE(this.evalPrimary) },
  ];

  private readonly evalUnary = this.RULE('evalUnary', (): Operand =>
    this.nestedOr(this.unaryAlternatives),
  );

  /** Comma-separated expressions after an opening parenthesis, through the closing one. */
  protected readonly evalArguments = this.RULE('evalArguments', (openOffset: number) => {
    const args: EvalExpression[] = [];
    this.OR([
      { GATE: () => this.atKind('rparen'), ALT: () => this.CONSUME(RParen) },
      {
        ALT: () => {
          let done = false;
          this.repeat({
            GATE: () => !done,
            DEF: () => {
              const reported = this.ACTION(() => this.context.diagnostics.length);
              const arg = this.SUBRULE(this.evalExpr);
              this.ACTION(() => {
                if (arg) args.push(arg);
                else if (this.context.diagnostics.length === reported) {
                  const at = this.previousEnd();
                  this.error('spl.syntax.missing-operand', 'expected an argument', at, at);
                }
              });
              this.OR2([
                { GATE: () => this.atKind('comma'), ALT: () => this.CONSUME(Comma) },
                {
                  GATE: () => this.atKind('rparen'),
                  ALT: () => {
                    this.CONSUME2(RParen);
                    done = true;
                  },
                },
                {
                  ALT: () =>
                    this.ACTION(() => {
                      done = true;
                      if (arg) this.reportUnclosedArguments(openOffset);
                    }),
                },
              ]);
            },
          });
        },
      },
    ]);
    return args;
  });

  private reportUnclosedArguments(openOffset: number): void {
    const found = this.peek();
    if (found && !this.atStageEnd()) {
      this.error(
        'spl.syntax.unexpected-token',
        `expected ',' or ')' but found '${found.image}'`,
        found.startOffset,
        found.end,
      );
    } else {
      this.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: this '(' is never closed",
        openOffset,
        openOffset + 1,
      );
    }
  }

  /** `'field name'`: single quotes name a field in eval (spl-semantics.md "Lexical"). */
  protected quotedFieldEnd(openEnd: number): number {
    return this.context.text.indexOf("'", openEnd);
  }

  /** Consumes the tokens up to offset `close` (inclusive), after a `'` already consumed. */
  protected skipThrough(close: number): void {
    for (let token = this.peek(); token && token.startOffset <= close; token = this.peek())
      this.SKIP_TOKEN();
  }

  private readonly evalQuotedField = this.RULE('evalQuotedField', (): EvalExpression => {
    const open = this.consumeAny(1);
    return this.ACTION((): EvalExpression => {
      const { text } = this.context;
      const close = this.quotedFieldEnd(open.end);
      if (close < 0) {
        this.error(
          'spl.syntax.unclosed-quote',
          "unclosed quote starting here: end the field name with another '",
          open.startOffset,
          open.end,
        );
        this.skipThrough(Infinity);
        const range = this.range(open.startOffset, text.length);
        return { kind: 'fieldRef', name: text.slice(open.end), quoted: true, range };
      }
      this.skipThrough(close);
      const range = this.range(open.startOffset, close + 1);
      return { kind: 'fieldRef', name: text.slice(open.end, close), quoted: true, range };
    });
  });

  private readonly primaryAlternatives: IOrAlt<Operand>[] = [
    {
      GATE: () => this.atKind('number'),
      ALT: () => {
        const token = this.consumeAny(1);
        return this.ACTION((): Operand => {
          const range = this.range(token.startOffset, token.end);
          return { kind: 'number', value: Number(token.image), raw: token.image, range };
        });
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(StringLiteral) as SplToken;
        return this.ACTION((): Operand => {
          const range = this.range(token.startOffset, token.end);
          return { kind: 'string', value: unquote(token.image), range };
        });
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(Macro) as SplToken;
        return this.ACTION((): Operand => {
          const macro = readMacro(this.context, token);
          return macro.kind === 'macro' ? macro : undefined;
        });
      },
    },
    {
      ALT: () => {
        const open = this.CONSUME(LParen) as SplToken;
        const inner = this.SUBRULE(this.evalExpr);
        this.ACTION(() => inner || this.missingExpression(open.end, '('));
        let closed = false;
        this.OPTION(() => {
          this.CONSUME(RParen);
          closed = true;
        });
        return this.ACTION((): Operand => {
          if (!closed && inner)
            this.error(
              'spl.syntax.unbalanced-paren',
              "unbalanced parenthesis: this '(' is never closed",
              open.startOffset,
              open.end,
            );
          return inner;
        });
      },
    },
    {
      ALT: () => {
        const name = this.CONSUME(Word) as SplToken;
        let args: EvalExpression[] | undefined;
        this.OPTION2(() => {
          const open = this.CONSUME2(LParen);
          args = this.SUBRULE(this.evalArguments, { ARGS: [open.startOffset] });
        });
        return this.ACTION((): Operand => {
          const nameRange = this.range(name.startOffset, name.end);
          if (!args) return { kind: 'fieldRef', name: name.image, quoted: false, range: nameRange };
          const range = this.range(name.startOffset, this.previousEnd());
          return { kind: 'call', name: name.image.toLowerCase(), nameRange, args, range };
        });
      },
    },
    {
      GATE: () => this.peek()?.image === "'",
      ALT: () => this.SUBRULE(this.evalQuotedField),
    },
    {
      ALT: () =>
        this.ACTION((): Operand => {
          const token = this.peek();
          if (token && !terminators.has(token.kind))
            this.error(
              'spl.syntax.unexpected-token',
              `expected an expression but found '${token.image.slice(0, 40)}'`,
              token.startOffset,
              token.end,
            );
          return undefined;
        }),
    },
  ];

  private readonly evalPrimary = this.RULE('evalPrimary', (): Operand =>
    this.OR(this.primaryAlternatives),
  );
}
