/** Lookup tables and nested pipelines: lookup, inputlookup, outputlookup, join/append/... */
import type {
  CommandOption,
  FieldName,
  InputlookupCommand,
  Literal,
  LookupCommand,
  LookupFieldMapping,
  OutputlookupCommand,
  SearchExpression,
  Subsearch,
  SubpipelineCommand,
} from '../ast';
import { FieldCommandRules } from './fieldCommandRules';
import type { StageStart } from './genericRules';
import { Comma, Word, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

export abstract class LookupRules extends FieldCommandRules {
  private missingTable(stage: StageStart): void {
    this.error(
      'spl.syntax.missing-value',
      `expected a lookup table name after '${stage.name}'`,
      stage.start,
      endOffsetOf(stage.nameRange),
    );
  }

  /** Options, then the table name, then options; reports a missing table. */
  private readonly optionsAndTable = this.RULE(
    'optionsAndTable',
    (stage: StageStart, options: CommandOption[]): Literal | undefined => {
      this.MANY({
        GATE: () => this.atOption(),
        DEF: () => {
          const option = this.SUBRULE(this.commandOption);
          this.ACTION(() => options.push(option));
        },
      });
      const table = this.SUBRULE(this.literal, { ARGS: [true] });
      this.MANY2({
        GATE: () => this.atOption(),
        DEF: () => {
          const option = this.SUBRULE2(this.commandOption);
          this.ACTION(() => options.push(option));
        },
      });
      this.ACTION(() => table || this.missingTable(stage));
      return table;
    },
  );

  private readonly mappings = this.RULE(
    'mappings',
    (stopWords: readonly string[]): LookupFieldMapping[] => {
      const mappings: LookupFieldMapping[] = [];
      let stopped = false;
      this.repeat({
        GATE: () => !stopped && !this.atStageEnd() && !this.atStopWord(stopWords),
        DEF: () =>
          this.OR([
            { ALT: () => this.CONSUME(Comma) },
            {
              ALT: () => {
                const field: FieldName | undefined = this.SUBRULE(this.fieldName);
                const alias = this.OPTION({
                  GATE: () => field !== undefined,
                  DEF: () => this.SUBRULE(this.alias),
                });
                this.ACTION(() => {
                  if (!field) {
                    stopped = true;
                    return;
                  }
                  const range = this.range(startOffsetOf(field.range), this.previousEnd());
                  mappings.push({ field, ...(alias && { alias }), range });
                });
              },
            },
          ]),
      });
      return mappings;
    },
  );

  /** `lookup [options] table in [as x], ... [OUTPUT|OUTPUTNEW out [as y], ...]`. */
  readonly lookupCommand = this.RULE(
    'lookupCommand',
    (stage: StageStart): LookupCommand | undefined => {
      const options: CommandOption[] = [];
      const table = this.SUBRULE(this.optionsAndTable, { ARGS: [stage, options] });
      return this.OPTION({
        GATE: () => table !== undefined,
        DEF: () => {
          const inputs = this.SUBRULE(this.mappings, { ARGS: [['output', 'outputnew']] });
          const output = this.OPTION2({
            GATE: () => this.atKeyword('output') || this.atKeyword('outputnew'),
            DEF: () => {
              const keyword = this.CONSUME(Word) as SplToken;
              const outputs = this.SUBRULE2(this.mappings, { ARGS: [[]] });
              return { mode: keyword.image.toUpperCase() as LookupCommand['outputMode'], outputs };
            },
          });
          return this.ACTION((): LookupCommand => ({
            kind: 'command',
            name: 'lookup',
            nameRange: stage.nameRange,
            options,
            table: table as Literal,
            inputs,
            ...(output && { outputMode: output.mode }),
            outputs: output?.outputs ?? [],
            range: this.stageRange(stage),
          }));
        },
      });
    },
  );

  /** `inputlookup [options] table [where <search expression>]`. */
  readonly inputlookupCommand = this.RULE(
    'inputlookupCommand',
    (stage: StageStart): InputlookupCommand | undefined => {
      const options: CommandOption[] = [];
      const table = this.SUBRULE(this.optionsAndTable, { ARGS: [stage, options] });
      return this.OPTION({
        GATE: () => table !== undefined,
        DEF: () => {
          const where = this.OPTION2({
            GATE: () => this.atKeyword('where'),
            DEF: () => {
              const keyword = this.CONSUME(Word) as SplToken;
              const expression = this.SUBRULE(this.searchExpr, { ARGS: [false, 0] });
              this.ACTION(() => {
                if (!expression)
                  this.error(
                    'spl.syntax.missing-operand',
                    "expected a search expression after 'where'",
                    keyword.startOffset,
                    keyword.end,
                  );
              });
              return expression;
            },
          });
          return this.ACTION((): InputlookupCommand => ({
            kind: 'command',
            name: 'inputlookup',
            nameRange: stage.nameRange,
            options,
            table: table as Literal,
            ...(where && { where: where as SearchExpression }),
            range: this.stageRange(stage),
          }));
        },
      });
    },
  );

  readonly outputlookupCommand = this.RULE(
    'outputlookupCommand',
    (stage: StageStart): OutputlookupCommand | undefined => {
      const options: CommandOption[] = [];
      const table = this.SUBRULE(this.optionsAndTable, { ARGS: [stage, options] });
      return this.ACTION(() =>
        table
          ? {
              kind: 'command',
              name: 'outputlookup',
              nameRange: stage.nameRange,
              options,
              table,
              range: this.stageRange(stage),
            }
          : undefined,
      );
    },
  );

  /** join, append, appendpipe, appendcols, union: options, fields (join), subsearches. */
  readonly subpipelineCommand = this.RULE(
    'subpipelineCommand',
    (stage: StageStart): SubpipelineCommand => {
      const options: CommandOption[] = [];
      const fields: FieldName[] = [];
      const subsearches: Subsearch[] = [];
      let stopped = false;
      this.repeat({
        GATE: () => !stopped && !this.atStageEnd(),
        DEF: () =>
          this.OR([
            { ALT: () => this.CONSUME(Comma) },
            {
              GATE: () => this.atKind('lbracket'),
              ALT: () => {
                const subsearch = this.SUBRULE(this.subsearch);
                this.ACTION(() => subsearches.push(subsearch));
              },
            },
            this.optionInto(options),
            {
              ALT: () => {
                const field = this.SUBRULE(this.fieldName);
                this.ACTION(() => (field ? fields.push(field) : (stopped = true)));
              },
            },
          ]),
      });
      return this.ACTION((): SubpipelineCommand => {
        if (subsearches.length === 0 && stage.name !== 'union') {
          this.error(
            'spl.syntax.missing-subsearch',
            `expected a subsearch in brackets after '${stage.name}', e.g. [search ...]`,
            stage.start,
            endOffsetOf(stage.nameRange),
          );
        }
        return {
          kind: 'command',
          name: stage.name as SubpipelineCommand['name'],
          nameRange: stage.nameRange,
          options,
          fields,
          subsearches,
          range: this.stageRange(stage),
        };
      });
    },
  );
}
