/** Commands that list fields: table, fields, rename, sort, dedup. */
import type {
  CommandOption,
  DedupCommand,
  FieldListCommand,
  RenameCommand,
  SortCommand,
  SortKey,
} from '../ast';
import type { StageStart } from './genericRules';
import { StatsRules } from './statsRules';
import { Comma, LParen, RParen, Word, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

const sortFunctions = new Set(['num', 'str', 'ip', 'auto']);

/** The whole-number value of a `limit=` option, when written as digits. */
export function limitOption(options: readonly CommandOption[]): number | undefined {
  const option = options.find((candidate) => candidate.name.toLowerCase() === 'limit');
  const text = option?.value.kind === 'literal' ? option.value.value : undefined;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

export abstract class FieldCommandRules extends StatsRules {
  /** `table a b*`, `fields a, b`, `fields - _raw`, `fields + a`. */
  readonly fieldListCommand = this.RULE(
    'fieldListCommand',
    (stage: StageStart): FieldListCommand => {
      const options: CommandOption[] = [];
      const sign = this.OPTION({
        GATE: () =>
          stage.name === 'fields' &&
          (this.atKind('minus') || this.atKind('plus')) &&
          !this.glued(2),
        DEF: () => this.consumeAny(1),
      });
      const fields = this.SUBRULE(this.fieldList, { ARGS: [options, []] });
      this.OPTION2({
        GATE: () => fields.length === 0 && this.atStageEnd(),
        DEF: () => this.SUBRULE(this.expectFieldName, { ARGS: [this.ACTION(() => stage.name)] }),
      });
      return this.ACTION(() => ({
        kind: 'command',
        name: stage.name as FieldListCommand['name'],
        nameRange: stage.nameRange,
        options,
        mode: sign?.kind === 'minus' ? 'remove' : 'keep',
        fields,
        range: this.stageRange(stage),
      }));
    },
  );

  /** `rename a as b, c* AS d*`. */
  readonly renameCommand = this.RULE('renameCommand', (stage: StageStart): RenameCommand => {
    const renames: RenameCommand['renames'][number][] = [];
    const reported = this.ACTION(() => this.context.diagnostics.length);
    let stopped = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME(Comma) },
          {
            ALT: () => {
              const from = this.SUBRULE(this.fieldName);
              this.OR2([
                {
                  GATE: () => from !== undefined && this.atKeyword('as'),
                  ALT: () => {
                    this.CONSUME(Word);
                    const to = this.SUBRULE(this.expectFieldName, { ARGS: ['as'] });
                    this.ACTION(() => {
                      if (!to || !from) stopped = true;
                      else {
                        const range = this.range(startOffsetOf(from.range), endOffsetOf(to.range));
                        renames.push({ from, to, range });
                      }
                    });
                  },
                },
                {
                  ALT: () =>
                    this.ACTION(() => {
                      stopped = true;
                      if (!from) return;
                      this.error(
                        'spl.syntax.missing-keyword',
                        `expected 'as' and a new name after '${from.name}'`,
                        startOffsetOf(from.range),
                        this.previousEnd(),
                      );
                    }),
                },
              ]);
            },
          },
        ]),
    });
    this.OPTION({
      GATE: () => renames.length === 0 && this.context.diagnostics.length === reported,
      DEF: () => this.SUBRULE2(this.expectFieldName, { ARGS: ['rename'] }),
    });
    return this.ACTION(() => ({
      kind: 'command',
      name: 'rename',
      nameRange: stage.nameRange,
      options: [],
      renames,
      range: this.stageRange(stage),
    }));
  });

  /** `-x`, `+ x`, `num(x)`, `-num(x)`; undefined when no key starts here. */
  private readonly sortKey = this.RULE('sortKey', (): SortKey | undefined => {
    const first = this.peek() as SplToken;
    const sign = this.OPTION({
      GATE: () => this.atKind('minus') || this.atKind('plus'),
      DEF: () => this.consumeAny(1),
    });
    const descending = sign?.kind === 'minus';
    return this.OR([
      {
        GATE: () =>
          this.atKind('word') &&
          sortFunctions.has(this.peek()?.image.toLowerCase() ?? '') &&
          this.atKind('lparen', 2),
        ALT: () => {
          const word = this.CONSUME(Word) as SplToken;
          const open = this.CONSUME(LParen) as SplToken;
          const field = this.SUBRULE(this.expectFieldName, { ARGS: [`${word.image}(`] });
          let closed = false;
          this.OPTION2(() => {
            this.CONSUME(RParen);
            closed = true;
          });
          return this.ACTION((): SortKey | undefined => {
            if (!closed)
              this.error(
                'spl.syntax.unbalanced-paren',
                "unbalanced parenthesis: this '(' is never closed",
                open.startOffset,
                open.end,
              );
            if (!field) return undefined;
            const as = word.image.toLowerCase() as SortKey['as'];
            const range = this.range(first.startOffset, this.previousEnd());
            return { field, descending, as, range };
          });
        },
      },
      {
        GATE: () => sign !== undefined,
        ALT: () => {
          const field = this.SUBRULE2(this.expectFieldName, { ARGS: [first?.image] });
          return this.ACTION(
            () =>
              field && {
                field,
                descending,
                range: this.range(first.startOffset, endOffsetOf(field.range)),
              },
          );
        },
      },
      {
        ALT: () => {
          const field = this.SUBRULE(this.fieldName);
          return this.ACTION(
            () =>
              field && {
                field,
                descending,
                range: this.range(first.startOffset, endOffsetOf(field.range)),
              },
          );
        },
      },
    ]);
  });

  private lastInStage(): boolean {
    const after = this.peek(2);
    return after === undefined || after.kind === 'pipe' || after.kind === 'rbracket';
  }

  /** Sort keys until the stage ends; a trailing `desc`/`d` reverses them all. */
  private readonly sortKeys = this.RULE('sortKeys', (options: CommandOption[]): SortKey[] => {
    const keys: SortKey[] = [];
    let stopped = false;
    let reversed = false;
    this.repeat({
      GATE: () => !stopped && !this.atStageEnd(),
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME(Comma) },
          this.optionInto(options),
          {
            GATE: () =>
              (this.atKeyword('desc') || this.atKeyword('d')) &&
              keys.length > 0 &&
              this.lastInStage(),
            ALT: () => {
              this.CONSUME(Word);
              reversed = true;
              stopped = true;
            },
          },
          {
            ALT: () => {
              const key = this.SUBRULE(this.sortKey);
              this.ACTION(() => (key ? keys.push(key) : (stopped = true)));
            },
          },
        ]),
    });
    return reversed ? keys.map((key) => ({ ...key, descending: !key.descending })) : keys;
  });

  /** `sort 0 -count, +str(user)`, `sort limit=100 x`. */
  readonly sortCommand = this.RULE('sortCommand', (stage: StageStart): SortCommand => {
    const options: CommandOption[] = [];
    const count = this.SUBRULE(this.count);
    const keys = this.SUBRULE(this.sortKeys, { ARGS: [options] });
    this.OPTION({
      GATE: () => keys.length === 0 && this.atStageEnd(),
      DEF: () => this.SUBRULE(this.expectFieldName, { ARGS: ['sort'] }),
    });
    return this.ACTION(() => {
      const limit = count ?? limitOption(options);
      return {
        kind: 'command',
        name: 'sort',
        nameRange: stage.nameRange,
        options,
        ...(limit !== undefined && { limit }),
        keys,
        range: this.stageRange(stage),
      };
    });
  });

  /** `dedup 3 a b keepempty=true sortby -x`. */
  readonly dedupCommand = this.RULE('dedupCommand', (stage: StageStart): DedupCommand => {
    const options: CommandOption[] = [];
    const count = this.SUBRULE(this.count);
    const fields = this.SUBRULE(this.fieldList, { ARGS: [options, ['sortby']] });
    const sortBy = this.OPTION({
      GATE: () => this.atKeyword('sortby'),
      DEF: () => {
        const keyword = this.CONSUME(Word) as SplToken;
        const keys = this.SUBRULE(this.sortKeys, { ARGS: [options] });
        this.OPTION2({
          GATE: () => keys.length === 0,
          DEF: () => this.SUBRULE(this.expectFieldName, { ARGS: [keyword.image] }),
        });
        return keys;
      },
    });
    this.OPTION3({
      GATE: () => fields.length === 0 && this.atStageEnd(),
      DEF: () => this.SUBRULE2(this.expectFieldName, { ARGS: ['dedup'] }),
    });
    return this.ACTION(() => ({
      kind: 'command',
      name: 'dedup',
      nameRange: stage.nameRange,
      options,
      ...(count !== undefined && { count }),
      fields,
      sortBy: sortBy ?? [],
      range: this.stageRange(stage),
    }));
  });
}
