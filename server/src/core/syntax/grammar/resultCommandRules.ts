/** top, rare, spath, return, format. */
import type {
  CommandOption,
  FieldName,
  FormatCommand,
  Literal,
  ReturnCommand,
  SpathCommand,
  TopRareCommand,
} from '../ast';
import { limitOption } from './fieldCommandRules';
import type { StageStart } from './genericRules';
import { Compare, Word, type SplToken } from './tokens';
import { ValueCommandRules } from './valueCommandRules';
import { endOffsetOf } from '../../text/lineIndex';

type ReturnItem = ReturnCommand['items'][number];

export abstract class ResultCommandRules extends ValueCommandRules {
  /** `top [N] [limit=N] fields... [by fields...]`. */
  readonly topRareCommand = this.RULE('topRareCommand', (stage: StageStart): TopRareCommand => {
    const options: CommandOption[] = [];
    const count = this.SUBRULE(this.count);
    const fields = this.SUBRULE(this.fieldList, { ARGS: [options, ['by']] });
    const by = this.OPTION({
      GATE: () => this.atKeyword('by'),
      DEF: () => {
        const keyword = this.CONSUME(Word) as SplToken;
        const list = this.SUBRULE2(this.fieldList, { ARGS: [options, []] });
        this.OPTION2({
          GATE: () => list.length === 0,
          DEF: () => this.SUBRULE(this.expectFieldName, { ARGS: [keyword.image] }),
        });
        return list;
      },
    });
    this.OPTION3({
      GATE: () => fields.length === 0 && this.atStageEnd(),
      DEF: () => this.SUBRULE2(this.expectFieldName, { ARGS: [this.ACTION(() => stage.name)] }),
    });
    return this.ACTION(() => {
      const limit = count ?? limitOption(options);
      return {
        kind: 'command',
        name: stage.name as TopRareCommand['name'],
        nameRange: stage.nameRange,
        options,
        ...(limit !== undefined && { limit }),
        fields,
        by: by ?? [],
        range: this.stageRange(stage),
      };
    });
  });

  /** `spath [input=x] [output=y] [path=a.b | a.b]`. */
  readonly spathCommand = this.RULE('spathCommand', (stage: StageStart): SpathCommand => {
    const options: CommandOption[] = [];
    let path: Literal | undefined;
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          this.optionInto(options),
          {
            GATE: () => path === undefined,
            ALT: () => {
              path = this.SUBRULE(this.literal, { ARGS: [false] });
              this.ACTION(() => (stopped = path === undefined));
            },
          },
          { ALT: () => this.ACTION(() => (stopped = true)) },
        ]),
    });
    return this.ACTION(() => ({
      kind: 'command',
      name: 'spath',
      nameRange: stage.nameRange,
      options,
      ...(path && { path }),
      range: this.stageRange(stage),
    }));
  });

  private readonly returnItem = this.RULE('returnItem', (): ReturnItem | undefined => {
    const first = this.peek() as SplToken;
    const alias = this.OPTION({
      GATE: () => this.atOption(),
      DEF: () => {
        const name = this.CONSUME(Word) as SplToken;
        this.CONSUME(Compare);
        return name.image;
      },
    });
    const field: FieldName | undefined = this.OR([
      {
        GATE: () => alias !== undefined,
        ALT: () => this.SUBRULE(this.expectFieldName, { ARGS: [`${alias}=`] }),
      },
      { ALT: () => this.SUBRULE(this.fieldName) },
    ]);
    return this.ACTION((): ReturnItem | undefined => {
      if (!field) return undefined;
      const valueOnly = !field.quoted && field.name.startsWith('$') && field.name.length > 1;
      const named: FieldName = valueOnly ? { ...field, name: field.name.slice(1) } : field;
      return {
        ...(alias !== undefined && { alias }),
        field: named,
        valueOnly,
        range: this.range(first.startOffset, endOffsetOf(field.range)),
      };
    });
  });

  /** `return [N] a x=b $c`. */
  readonly returnCommand = this.RULE('returnCommand', (stage: StageStart): ReturnCommand => {
    const count = this.SUBRULE(this.count);
    const items: ReturnItem[] = [];
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          { GATE: () => this.atKind('comma'), ALT: () => this.consumeAny(1) },
          {
            ALT: () => {
              const item = this.SUBRULE(this.returnItem);
              this.ACTION(() => (item ? items.push(item) : (stopped = true)));
            },
          },
        ]),
    });
    return this.ACTION(() => ({
      kind: 'command',
      name: 'return',
      nameRange: stage.nameRange,
      options: [],
      ...(count !== undefined && { count }),
      items,
      range: this.stageRange(stage),
    }));
  });

  /** `format [options] ["(" "(" "AND" ")" "OR" ")"]`. */
  readonly formatCommand = this.RULE('formatCommand', (stage: StageStart): FormatCommand => {
    const options: CommandOption[] = [];
    const strings: Literal[] = [];
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          this.optionInto(options),
          {
            GATE: () => this.atKind('string'),
            ALT: () => {
              const literal = this.SUBRULE(this.literal, { ARGS: [true] });
              this.ACTION(() => literal && strings.push(literal));
            },
          },
          { ALT: () => this.ACTION(() => (stopped = true)) },
        ]),
    });
    return this.ACTION(() => ({
      kind: 'command',
      name: 'format',
      nameRange: stage.nameRange,
      options,
      strings,
      range: this.stageRange(stage),
    }));
  });
}
