/** Commands built on eval expressions: eval, fieldformat, where, head, tail. */
import type {
  CommandOption,
  EvalAssignment,
  EvalCommand,
  EvalExpression,
  FieldName,
  HeadTailCommand,
  WhereCommand,
} from '../ast';
import { unquote } from './context';
import { GenericRules, type StageStart } from './genericRules';
import { Comma, Compare, StringLiteral, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

export abstract class EvalCommandRules extends GenericRules {
  protected atCount(): boolean {
    return this.atKind('number') && /^\d+$/.test(this.peek()?.image ?? '');
  }

  /** The field an assignment sets: `x`, `"my field"`, `'my field'`, `x{}`; consumed. */
  private readonly assignedField = this.RULE('assignedField', (): FieldName | undefined => {
    const chunk = this.atStageEnd() ? [] : this.tokensAhead(this.chunkLength(true));
    const fieldLength = chunk.findIndex((token) => token.kind === 'compare');
    const nameLength = fieldLength < 0 ? chunk.length : fieldLength;
    const quote = this.peek()?.image === "'";
    return this.OR([
      {
        GATE: () => !this.atStageEnd(),
        ALT: () => {
          const token = this.CONSUME(StringLiteral) as SplToken;
          return this.ACTION((): FieldName => ({
            kind: 'field',
            name: unquote(token.image),
            quoted: true,
            range: this.range(token.startOffset, token.end),
          }));
        },
      },
      {
        GATE: () => quote && this.quotedFieldEnd((this.peek() as SplToken).end) >= 0,
        ALT: () => {
          const open = this.consumeAny(1);
          return this.ACTION((): FieldName => {
            const close = this.quotedFieldEnd(open.end);
            this.skipThrough(close);
            const name = this.context.text.slice(open.end, close);
            return {
              kind: 'field',
              name,
              quoted: true,
              range: this.range(open.startOffset, close + 1),
            };
          });
        },
      },
      {
        GATE: () => !quote && nameLength > 0,
        ALT: () => {
          const first = this.consumeAny(2);
          return this.ACTION((): FieldName => {
            const last = nameLength > 1 ? (this.skipTokens(nameLength - 1) as SplToken) : first;
            const name = this.context.text.slice(first.startOffset, last.end);
            return {
              kind: 'field',
              name,
              quoted: false,
              range: this.range(first.startOffset, last.end),
            };
          });
        },
      },
      { ALT: () => undefined },
    ]);
  });

  private readonly assignment = this.RULE('assignment', (): EvalAssignment | undefined => {
    const start = this.peek() as SplToken;
    const field = this.SUBRULE(this.assignedField);
    return this.OR([
      {
        GATE: () => field !== undefined && this.atKind('compare') && this.peek()?.image === '=',
        ALT: () => {
          const equals = this.CONSUME(Compare) as SplToken;
          const value = this.SUBRULE(this.evalExpr);
          return this.ACTION((): EvalAssignment | undefined => {
            if (!field) return undefined;
            if (!value) {
              this.missingExpression(equals.end, `${field.name}=`);
              return undefined;
            }
            const range = this.range(startOffsetOf(field.range), endOffsetOf(value.range));
            return { field, value, range };
          });
        },
      },
      {
        ALT: () =>
          this.ACTION((): undefined => {
            if (!field) {
              this.error(
                'spl.syntax.missing-field',
                `expected a field name to assign, found '${start.image.slice(0, 40)}'`,
                start.startOffset,
                start.end,
              );
              return undefined;
            }
            this.error(
              'spl.syntax.missing-value',
              `expected '=' and an expression after '${field.name}'`,
              startOffsetOf(field.range),
              this.previousEnd(),
            );
            return undefined;
          }),
      },
    ]);
  });

  readonly evalCommand = this.RULE('evalCommand', (stage: StageStart): EvalCommand => {
    const assignments: EvalAssignment[] = [];
    const reported = this.ACTION(() => this.context.diagnostics.length);
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () => {
        const assignment = this.SUBRULE(this.assignment);
        const comma = this.OPTION({
          GATE: () => assignment !== undefined && this.atKind('comma'),
          DEF: () => this.CONSUME(Comma),
        });
        this.ACTION(() => {
          if (assignment) assignments.push(assignment);
          if (!assignment || !comma) stopped = true;
        });
      },
    });
    return this.ACTION((): EvalCommand => {
      if (assignments.length === 0 && this.context.diagnostics.length === reported) {
        this.error(
          'spl.syntax.missing-operand',
          `expected an assignment after '${stage.name}', e.g. x=1`,
          stage.start,
          endOffsetOf(stage.nameRange),
        );
      }
      return {
        kind: 'command',
        name: stage.name as EvalCommand['name'],
        nameRange: stage.nameRange,
        options: [],
        assignments,
        range: this.stageRange(stage),
      };
    });
  });

  readonly whereCommand = this.RULE('whereCommand', (stage: StageStart): WhereCommand => {
    const expression = this.SUBRULE(this.evalExpr);
    return this.ACTION((): WhereCommand => {
      if (!expression) this.missingExpression(endOffsetOf(stage.nameRange), 'where');
      return {
        kind: 'command',
        name: 'where',
        nameRange: stage.nameRange,
        options: [],
        ...(expression && { expression }),
        range: this.stageRange(stage),
      };
    });
  });

  /** `head 20`, `head limit=5`, `head (x>3)`, `head x>3 keeplast=t`. */
  readonly headTailCommand = this.RULE('headTailCommand', (stage: StageStart): HeadTailCommand => {
    const options: CommandOption[] = [];
    let count: number | undefined;
    let condition: EvalExpression | undefined;
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          {
            GATE: () => count === undefined && condition === undefined && this.atCount(),
            ALT: () => {
              count = this.SUBRULE(this.count);
            },
          },
          this.optionInto(options),
          {
            GATE: () => condition === undefined && count === undefined,
            ALT: () => {
              condition = this.SUBRULE(this.evalExpr);
              this.ACTION(() => (stopped = condition === undefined));
            },
          },
          { ALT: () => this.ACTION(() => (stopped = true)) },
        ]),
    });
    return this.ACTION(() => ({
      kind: 'command',
      name: stage.name as HeadTailCommand['name'],
      nameRange: stage.nameRange,
      options,
      ...(count !== undefined && { count }),
      ...(condition && { condition }),
      range: this.stageRange(stage),
    }));
  });
}
