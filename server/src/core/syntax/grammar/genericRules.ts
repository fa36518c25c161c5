/**
 * The one grammar for every command without a dedicated one (and for unknown commands, so the
 * rest of the stage still yields options, subsearches and macros).
 */
import type { IOrAlt } from 'chevrotain';
import type { SourceRange } from '../../text/range';
import type { EvalExpression, GenericArgument, GenericCommand } from '../ast';
import { ArgRules } from './argRules';
import { readMacro } from './macroCall';
import { Comma, LParen, Macro, RParen, Word, type SplToken } from './tokens';
import { endOffsetOf } from '../../text/lineIndex';

/** Where a stage's command word sits; the name is canonical (aliases resolved, lower case). */
export interface StageStart {
  readonly name: string;
  readonly start: number;
  readonly nameRange: SourceRange;
}

const keywords = new Set(['by', 'as', 'over', 'output', 'outputnew']);

export abstract class GenericRules extends ArgRules {
  private parenthesisedIsEval = false;

  /** From the command word through the last token consumed. */
  protected stageRange(stage: StageStart): SourceRange {
    return this.range(stage.start, Math.max(endOffsetOf(stage.nameRange), this.previousEnd()));
  }

  /** Speculative: does `( <eval expression> )` start here? Leaves no trace (BACKTRACK). */
  private readonly parenthesisedEvalProbe = this.RULE('parenthesisedEvalProbe', () => {
    this.CONSUME(LParen);
    const expression = this.SUBRULE(this.evalExpr);
    this.ACTION(
      () => (this.parenthesisedIsEval = expression !== undefined && this.atKind('rparen')),
    );
  });

  private parenthesisedEvalAhead(): boolean {
    const reported = this.context.diagnostics.length;
    this.parenthesisedIsEval = false;
    this.BACKTRACK(this.parenthesisedEvalProbe).call(this);
    this.context.diagnostics.length = reported;
    return this.parenthesisedIsEval;
  }

  /**
   * `( ... )` not attached to a word: an eval expression when it reads as one (`head (x>1)`),
   * else kept as a literal, because some commands put other syntax in parentheses.
   */
  private readonly parenthesised = this.RULE('parenthesised', (): GenericArgument =>
    this.OR([
      {
        GATE: () => this.parenthesisedEvalAhead(),
        ALT: () => {
          const open = this.CONSUME(LParen) as SplToken;
          const expression = this.SUBRULE(this.evalExpr) as EvalExpression;
          this.CONSUME(RParen);
          return this.ACTION((): GenericArgument => ({
            kind: 'evalArgument',
            expression,
            range: this.range(open.startOffset, this.previousEnd()),
          }));
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME2(LParen) as SplToken;
          return this.ACTION(() => this.rawLiteral(open.startOffset, this.skipBalanced(open)));
        },
      },
    ]),
  );

  private readonly genericCall = this.RULE('genericCall', (): GenericArgument => {
    const name = this.CONSUME(Word) as SplToken;
    const open = this.CONSUME(LParen) as SplToken;
    const entered = this.ACTION(() => this.enter(open));
    const args = this.SUBRULE(this.genericArguments, { ARGS: [true] });
    this.ACTION(() => entered && this.leave());
    let closed = false;
    this.OPTION(() => {
      this.CONSUME(RParen);
      closed = true;
    });
    return this.ACTION((): GenericArgument => {
      if (!closed)
        this.error(
          'spl.syntax.unbalanced-paren',
          "unbalanced parenthesis: this '(' is never closed",
          open.startOffset,
          open.end,
        );
      const range = this.range(name.startOffset, this.previousEnd());
      return { kind: 'call', name: name.image.toLowerCase(), args, range };
    });
  });

  /** Built once: this runs per argument of every generic command. */
  private readonly genericArgumentAlternatives: IOrAlt<GenericArgument | undefined>[] = [
    {
      ALT: () => {
        const token = this.CONSUME(Macro) as SplToken;
        return this.ACTION(() => {
          const macro = readMacro(this.context, token);
          return macro.kind === 'macro' ? macro : undefined;
        });
      },
    },
    { GATE: () => this.atKind('lbracket'), ALT: () => this.SUBRULE(this.subsearch) },
    { GATE: () => this.atKind('lparen'), ALT: () => this.SUBRULE(this.parenthesised) },
    { GATE: () => this.atOption(), ALT: () => this.SUBRULE(this.commandOption) },
    {
      GATE: () => this.atKind('word') && this.atKind('lparen', 2) && this.glued(2),
      ALT: () => this.SUBRULE(this.genericCall),
    },
    {
      GATE: () => this.atKind('word') && keywords.has(this.peek()?.image.toLowerCase() ?? ''),
      ALT: () => {
        const token = this.CONSUME(Word) as SplToken;
        return this.ACTION((): GenericArgument => ({
          kind: 'keyword',
          keyword: token.image.toLowerCase(),
          range: this.range(token.startOffset, token.end),
        }));
      },
    },
    { ALT: () => this.SUBRULE(this.literal, { ARGS: [true] }) },
  ];

  private readonly genericArgument = this.RULE('genericArgument', (): GenericArgument | undefined =>
    this.OR(this.genericArgumentAlternatives),
  );

  /** Arguments until the stage ends (or, inside a call, until its `)`). */
  private readonly genericArguments = this.RULE(
    'genericArguments',
    (inCall: boolean): GenericArgument[] => {
      const args: GenericArgument[] = [];
      this.repeat({
        GATE: () => !this.atStageEnd() && !(inCall && this.atKind('rparen')),
        DEF: () =>
          this.OR([
            { ALT: () => this.CONSUME(Comma) },
            {
              ALT: () => {
                const before = this.LA(0);
                const token = this.peek() as SplToken;
                const arg = this.SUBRULE(this.genericArgument);
                this.ACTION(() => {
                  if (arg) args.push(arg);
                  if (this.movedPast(before)) return;
                  this.SKIP_TOKEN();
                  this.error(
                    'spl.syntax.unexpected-token',
                    `unexpected '${token.image}'`,
                    token.startOffset,
                    token.end,
                  );
                });
              },
            },
          ]),
      });
      return args;
    },
  );

  readonly genericCommand = this.RULE(
    'genericCommand',
    (stage: StageStart, known: boolean): GenericCommand => {
      const args = this.SUBRULE(this.genericArguments, { ARGS: [false] });
      return this.ACTION(() => ({
        kind: 'command',
        name: stage.name,
        nameRange: stage.nameRange,
        options: args.filter((arg) => arg.kind === 'option'),
        generic: true,
        known,
        args,
        range: this.stageRange(stage),
      }));
    },
  );
}
