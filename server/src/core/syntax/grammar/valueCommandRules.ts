/** Commands about one field's values: rex, convert, fillnull, makemv, mvexpand, bin, iplocation. */
import type {
  BinCommand,
  CommandOption,
  ConvertCommand,
  ConvertFunction,
  FieldName,
  FillnullCommand,
  IplocationCommand,
  Literal,
  MakemvCommand,
  MvexpandCommand,
  RexCommand,
} from '../ast';
import type { StageStart } from './genericRules';
import { LookupRules } from './lookupRules';
import { Comma, LParen, RParen, Word, type SplToken } from './tokens';
import { endOffsetOf } from '../../text/lineIndex';

function optionValue(options: readonly CommandOption[], name: string): string | undefined {
  const option = options.find((candidate) => candidate.name.toLowerCase() === name);
  return option?.value.kind === 'literal' ? option.value.value : undefined;
}

interface FieldAndAlias {
  field?: FieldName;
  alias?: FieldName;
}

export abstract class ValueCommandRules extends LookupRules {
  /** Options interleaved with at most one positional field (required) and its `as` alias. */
  private readonly optionsAndField = this.RULE(
    'optionsAndField',
    (stage: StageStart, options: CommandOption[]): FieldAndAlias => {
      const parts: FieldAndAlias = {};
      let stopped = false;
      this.repeat({
        GATE: () => !stopped && !this.atStageEnd(),
        DEF: () =>
          this.OR([
            this.optionInto(options),
            {
              GATE: () => parts.field !== undefined && !parts.alias && this.atKeyword('as'),
              ALT: () => {
                const alias = this.SUBRULE(this.alias);
                this.ACTION(() => alias && (parts.alias = alias));
              },
            },
            {
              GATE: () => parts.field === undefined,
              ALT: () => {
                const field = this.SUBRULE(this.fieldName);
                this.ACTION(() => (field ? (parts.field = field) : (stopped = true)));
              },
            },
            { ALT: () => this.ACTION(() => (stopped = true)) },
          ]),
      });
      this.OPTION({
        GATE: () => parts.field === undefined && this.atStageEnd(),
        DEF: () => this.SUBRULE(this.expectFieldName, { ARGS: [this.ACTION(() => stage.name)] }),
      });
      return parts;
    },
  );

  /** `rex [field=x] [mode=sed] "pattern"`. */
  readonly rexCommand = this.RULE('rexCommand', (stage: StageStart): RexCommand | undefined => {
    const options: CommandOption[] = [];
    let pattern: Literal | undefined;
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          this.optionInto(options),
          {
            GATE: () => pattern === undefined && this.atKind('string'),
            ALT: () => {
              pattern = this.SUBRULE(this.literal, { ARGS: [true] });
            },
          },
          { ALT: () => this.ACTION(() => (stopped = true)) },
        ]),
    });
    return this.ACTION((): RexCommand | undefined => {
      if (!pattern) {
        this.error(
          'spl.syntax.missing-value',
          "expected a regular expression in double quotes after 'rex'",
          stage.start,
          endOffsetOf(stage.nameRange),
        );
        return undefined;
      }
      const field = optionValue(options, 'field');
      const mode = optionValue(options, 'mode');
      return {
        kind: 'command',
        name: 'rex',
        nameRange: stage.nameRange,
        options,
        pattern,
        ...(field !== undefined && { field }),
        ...(mode === 'sed' && { mode }),
        range: this.stageRange(stage),
      };
    });
  });

  private readonly conversion = this.RULE('conversion', (): ConvertFunction | undefined => {
    const fn = this.CONSUME(Word) as SplToken;
    const open = this.CONSUME(LParen) as SplToken;
    const field = this.SUBRULE(this.expectFieldName, { ARGS: [`${fn.image}(`] });
    let closed = false;
    this.OPTION(() => {
      this.CONSUME(RParen);
      closed = true;
    });
    this.ACTION(() => {
      if (!closed)
        this.error(
          'spl.syntax.unbalanced-paren',
          "unbalanced parenthesis: this '(' is never closed",
          open.startOffset,
          open.end,
        );
    });
    const alias = this.SUBRULE(this.alias);
    return this.ACTION(
      () =>
        field && {
          function: fn.image.toLowerCase(),
          functionRange: this.range(fn.startOffset, fn.end),
          field,
          ...(alias && { alias }),
          range: this.range(fn.startOffset, this.previousEnd()),
        },
    );
  });

  /** `convert [timeformat="..."] ctime(a) [as b], dur2sec(c)...`. */
  readonly convertCommand = this.RULE('convertCommand', (stage: StageStart): ConvertCommand => {
    const options: CommandOption[] = [];
    const conversions: ConvertFunction[] = [];
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME(Comma) },
          this.optionInto(options),
          {
            GATE: () => this.atKind('word') && this.atKind('lparen', 2),
            ALT: () => {
              const conversion = this.SUBRULE(this.conversion);
              this.ACTION(() => conversion && conversions.push(conversion));
            },
          },
          { ALT: () => this.ACTION(() => (stopped = true)) },
        ]),
    });
    return this.ACTION(() => {
      const timeformat = optionValue(options, 'timeformat');
      return {
        kind: 'command',
        name: 'convert',
        nameRange: stage.nameRange,
        options,
        ...(timeformat !== undefined && { timeformat }),
        conversions,
        range: this.stageRange(stage),
      };
    });
  });

  /** `fillnull [value=X] [fields...]`. */
  readonly fillnullCommand = this.RULE('fillnullCommand', (stage: StageStart): FillnullCommand => {
    const options: CommandOption[] = [];
    const fields = this.SUBRULE(this.fieldList, { ARGS: [options, []] });
    return this.ACTION(() => {
      const value = optionValue(options, 'value');
      return {
        kind: 'command',
        name: 'fillnull',
        nameRange: stage.nameRange,
        options,
        ...(value !== undefined && { value }),
        fields,
        range: this.stageRange(stage),
      };
    });
  });

  /** makemv, mvexpand, bin (bucket), iplocation: options around one required field. */
  readonly singleFieldCommand = this.RULE(
    'singleFieldCommand',
    (
      stage: StageStart,
    ): MakemvCommand | MvexpandCommand | BinCommand | IplocationCommand | undefined => {
      const options: CommandOption[] = [];
      const { field, alias } = this.SUBRULE(this.optionsAndField, { ARGS: [stage, options] });
      return this.ACTION(() => {
        if (!field) return undefined;
        const common = { kind: 'command', nameRange: stage.nameRange, options } as const;
        const range = this.stageRange(stage);
        switch (stage.name) {
          case 'makemv': {
            const delim = optionValue(options, 'delim');
            const tokenizer = optionValue(options, 'tokenizer');
            return {
              ...common,
              name: 'makemv',
              ...(delim !== undefined && { delim }),
              ...(tokenizer !== undefined && { tokenizer }),
              field,
              range,
            };
          }
          case 'mvexpand': {
            const limitText = optionValue(options, 'limit');
            const limit =
              limitText !== undefined && /^\d+$/.test(limitText) ? Number(limitText) : undefined;
            return {
              ...common,
              name: 'mvexpand',
              field,
              ...(limit !== undefined && { limit }),
              range,
            };
          }
          case 'bin':
            return { ...common, name: 'bin', field, ...(alias && { alias }), range };
          default:
            return { ...common, name: 'iplocation', field, range };
        }
      });
    },
  );
}
