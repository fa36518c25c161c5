/**
 * The operands of eval expressions: literals, field references (also `'quoted'`), calls with
 * their arguments, macro calls and parenthesised expressions.
 */
import type { IOrAlt, ParserMethod } from 'chevrotain';
import type { EvalExpression } from '../ast';
import type { TokenKind } from '../lexer';
import { unquote } from './context';
import { readMacro } from './macroCall';
import { SplParserBase } from './parserBase';
import { Comma, LParen, Macro, RParen, StringLiteral, Word, type SplToken } from './tokens';
import { endOffsetOf } from '../../text/lineIndex';

type Operand = EvalExpression | undefined;

/** Tokens where no expression starts: the caller says what it expected. */
const terminators: ReadonlySet<TokenKind> = new Set(['pipe', 'rbracket', 'rparen', 'comma']);

/** Index in `primaryAlternatives` of the operand each token kind starts (absent: decided by image). */
const primaryByKind: Partial<Record<TokenKind, number>> = {
  number: 0,
  string: 1,
  macro: 2,
  lparen: 3,
  word: 4,
};

export abstract class EvalPrimaryRules extends SplParserBase {
  /** Defined by EvalRules; operands nest whole expressions (arguments, parentheses). */
  abstract readonly evalExpr: ParserMethod<[], Operand>;

  /** Reports "expected an expression" at `offset` unless the stage already reported something there. */
  protected missingExpression(offset: number, after?: string): void {
    const last = this.context.lastProblemInStage();
    if (last && endOffsetOf(last.range) >= offset) return;
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

  /** The shape of `evalArguments`, as the recorder sees it. */
  private readonly argumentEndAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(Comma) },
    { ALT: () => this.CONSUME2(RParen) },
    { ALT: () => undefined },
  ];

  private readonly argumentsAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(RParen) },
    {
      ALT: () => {
        this.SUBRULE(this.evalExpr);
        this.OR2(this.argumentEndAlternatives);
      },
    },
  ];

  /**
   * Comma-separated expressions after an opening parenthesis, through the closing one. Hot (every
   * call): plain code decides at parse time, so no alternatives or closures are built per call.
   */
  protected readonly evalArguments = this.RULE('evalArguments', (openOffset: number) => {
    const args: EvalExpression[] = [];
    if (this.RECORDING_PHASE) {
      this.OR(this.argumentsAlternatives);
      return args;
    }
    if (this.atKind('rparen')) {
      this.CONSUME(RParen);
      return args;
    }
    for (;;) {
      const reported = this.context.diagnostics.length;
      const arg = this.SUBRULE(this.evalExpr);
      if (arg) args.push(arg);
      else if (this.context.diagnostics.length === reported) {
        const at = this.previousEnd();
        this.error('spl.syntax.missing-operand', 'expected an argument', at, at);
      }
      if (this.atKind('comma')) {
        this.CONSUME(Comma);
        continue;
      }
      if (this.atKind('rparen')) this.CONSUME2(RParen);
      else if (arg) this.reportUnclosedArguments(openOffset);
      return args;
    }
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
          if (token.unclosed) {
            this.error(
              'spl.syntax.unclosed-quote',
              'unclosed quote starting here: end the string with another "',
              token.startOffset,
              token.startOffset + 1,
            );
          }
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
    { ALT: () => this.SUBRULE(this.evalQuotedField) },
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

  /** Which of `primaryAlternatives` applies: the next token's kind decides, in their order. */
  private primaryChoice(): number {
    const token = this.peek();
    const chosen = token ? primaryByKind[token.kind] : undefined;
    if (chosen !== undefined) return chosen;
    return token?.image === "'" ? 5 : 6;
  }

  protected readonly evalPrimary = this.RULE('evalPrimary', (): Operand =>
    this.choice(this.primaryAlternatives, this.primaryChoice()),
  );
}
