/** Aggregating commands: stats, eventstats, streamstats, chart, timechart, tstats. */
import type { IOrAlt } from 'chevrotain';
import type {
  Aggregation,
  CommandOption,
  FieldName,
  Literal,
  MacroCall,
  SearchExpression,
  StatsCommand,
  TstatsCommand,
} from '../ast';
import { EvalCommandRules } from './evalCommandRules';
import type { StageStart } from './genericRules';
import { readMacro } from './macroCall';
import { Comma, LParen, Macro, RParen, Word, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

interface AggregationParts {
  readonly aggregations: Aggregation[];
  readonly options: CommandOption[];
  by: FieldName[];
  over?: FieldName;
}

export abstract class StatsRules extends EvalCommandRules {
  /** The argument inside `fn( ... )`: `eval(...)`, or the text up to the matching `)` as a field. */
  /** `eval(<expression>)` inside an aggregation's parentheses. */
  private readonly aggregationEval = this.RULE('aggregationEval', (): Aggregation['argument'] => {
    this.CONSUME(Word);
    const open = this.CONSUME(LParen) as SplToken;
    const expression = this.SUBRULE(this.evalExpr);
    if (this.RECORDING_PHASE) {
      this.CONSUME(RParen);
      return undefined;
    }
    if (!expression) this.missingExpression(open.end, 'eval(');
    if (this.atKind('rparen')) this.CONSUME(RParen);
    else
      this.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: close eval( with ')'",
        open.startOffset,
        open.end,
      );
    return expression;
  });

  private fieldArgument(): FieldName | undefined {
    let depth = 0;
    const first = this.peek();
    while (!this.atStageEnd() && (depth > 0 || !this.atKind('rparen'))) {
      const token = this.peek() as SplToken;
      this.SKIP_TOKEN();
      if (token.kind === 'lparen') depth++;
      else if (token.kind === 'rparen') depth--;
    }
    const end = this.previousEnd();
    if (!first || first.startOffset >= end) return undefined;
    const name = this.context.text.slice(first.startOffset, end);
    const quoted = first.kind === 'string';
    return {
      kind: 'field',
      name: quoted ? name.slice(1, -1) : name,
      quoted,
      range: this.range(first.startOffset, end),
    };
  }

  /**
   * `count`, `min(_time) as firstTime`, `count(eval(x>1)) as n`. Runs once per aggregation, so
   * its optional parts are decided by plain code; the recorder sees them as a sequence.
   */
  private readonly aggregation = this.RULE('aggregation', (): Aggregation | undefined => {
    const fn = this.CONSUME(Word) as SplToken;
    if (this.RECORDING_PHASE) {
      this.CONSUME(LParen);
      this.SUBRULE(this.aggregationEval);
      this.CONSUME(RParen);
      this.SUBRULE(this.alias);
      return undefined;
    }
    let argument: Aggregation['argument'];
    if (this.atKind('lparen') && this.glued(1)) {
      const open = this.CONSUME(LParen) as SplToken;
      argument =
        this.atKeyword('eval') && this.atKind('lparen', 2)
          ? this.SUBRULE(this.aggregationEval)
          : this.fieldArgument();
      if (this.atKind('rparen')) this.CONSUME(RParen);
      else
        this.error(
          'spl.syntax.unbalanced-paren',
          "unbalanced parenthesis: this '(' is never closed",
          open.startOffset,
          open.end,
        );
    }
    const alias = this.SUBRULE(this.alias);
    return {
      kind: 'aggregation',
      function: fn.image.toLowerCase(),
      functionRange: this.range(fn.startOffset, fn.end),
      ...(argument && { argument }),
      ...(alias && { alias }),
      range: this.range(fn.startOffset, this.previousEnd()),
    };
  });

  protected atAggregationPart(): boolean {
    return this.atKind('comma') || this.atKind('word');
  }

  /** The parts being filled by the current `aggregationPart` call (read first by each alternative). */
  private parts: AggregationParts = { aggregations: [], options: [], by: [] };
  private chartLike = false;

  private readonly aggregationPartAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(Comma) },
    {
      ALT: () => {
        const parts = this.parts;
        const option = this.SUBRULE(this.commandOption);
        this.ACTION(() => parts.options.push(option));
      },
    },
    {
      ALT: () => {
        const parts = this.parts;
        const by = this.CONSUME(Word) as SplToken;
        const fields = this.SUBRULE(this.fieldList, {
          ARGS: [this.ACTION(() => parts.options), this.chartLike ? ['over'] : []],
        });
        this.ACTION(() => (parts.by = fields));
        this.OPTION({
          GATE: () => parts.by.length === 0,
          DEF: () => this.SUBRULE(this.expectFieldName, { ARGS: [by.image] }),
        });
      },
    },
    {
      ALT: () => {
        const parts = this.parts;
        const over = this.CONSUME2(Word) as SplToken;
        const field = this.SUBRULE2(this.expectFieldName, { ARGS: [over.image] });
        this.ACTION(() => {
          if (field) parts.over = field;
          else delete parts.over;
        });
      },
    },
    {
      ALT: () => {
        const parts = this.parts;
        const aggregation = this.SUBRULE(this.aggregation);
        this.ACTION(() => aggregation && parts.aggregations.push(aggregation));
      },
    },
  ];

  /** Which of `aggregationPartAlternatives` applies (hot: plain code, not a gated OR). */
  private aggregationPartChoice(): number {
    if (this.atKind('comma')) return 0;
    if (this.atOption()) return 1;
    if (this.atKeyword('by')) return 2;
    return this.chartLike && this.atKeyword('over') ? 3 : 4;
  }

  /** One piece of an aggregating command (callers check `atAggregationPart()`). */
  private readonly aggregationPart = this.RULE(
    'aggregationPart',
    (parts: AggregationParts, chartLike: boolean): void => {
      this.parts = parts;
      this.chartLike = chartLike;
      this.choice(this.aggregationPartAlternatives, this.aggregationPartChoice());
    },
  );

  readonly statsCommand = this.RULE('statsCommand', (stage: StageStart): StatsCommand => {
    const parts: AggregationParts = { aggregations: [], options: [], by: [] };
    const chartLike = this.ACTION(() => stage.name === 'chart' || stage.name === 'timechart');
    this.MANY({
      GATE: () => !this.atStageEnd() && this.atAggregationPart(),
      DEF: () => this.SUBRULE(this.aggregationPart, { ARGS: [parts, chartLike] }),
    });
    return this.ACTION(() => ({
      kind: 'command',
      name: stage.name as StatsCommand['name'],
      nameRange: stage.nameRange,
      options: parts.options,
      aggregations: parts.aggregations,
      by: parts.by,
      ...(parts.over && { over: parts.over }),
      range: this.stageRange(stage),
    }));
  });

  /** `datamodel=Endpoint.Processes` or `datamodel:Endpoint.Processes` after `from`. */
  private readonly tstatsFrom = this.RULE(
    'tstatsFrom',
    (options: CommandOption[]): Literal | MacroCall | undefined =>
      this.OR([
        {
          ALT: () => {
            const token = this.CONSUME(Macro) as SplToken;
            return this.ACTION(() => {
              const macro = readMacro(this.context, token);
              return macro.kind === 'macro' ? macro : undefined;
            });
          },
        },
        {
          GATE: () => this.atOption(),
          ALT: () => {
            const option = this.SUBRULE(this.commandOption);
            return this.ACTION(() => {
              options.push(option);
              return option.value;
            });
          },
        },
        {
          ALT: () => {
            const literal = this.SUBRULE(this.literal, { ARGS: [false] });
            return this.ACTION((): Literal | undefined => {
              const prefix = literal && /^\w+:/.exec(literal.raw);
              if (!literal || !prefix) return literal;
              const start = startOffsetOf(literal.range) + prefix[0].length;
              const value = literal.raw.slice(prefix[0].length);
              const range = this.range(start, endOffsetOf(literal.range));
              return { kind: 'literal', value, quoted: false, raw: value, range };
            });
          },
        },
      ]),
  );

  /** One step of tstats, as the recorder sees it (the rule decides by plain code). */
  private readonly tstatsStepAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(Macro) },
    {
      ALT: () => {
        this.CONSUME(Word);
        this.SUBRULE(this.tstatsFrom);
      },
    },
    {
      ALT: () => {
        this.CONSUME2(Word);
        this.SUBRULE(this.searchExpr);
      },
    },
    { ALT: () => this.SUBRULE(this.aggregationPart) },
  ];

  /** `tstats [macros] aggregations from datamodel=X where <search> by fields`, in any order. */
  readonly tstatsCommand = this.RULE(
    'tstatsCommand',
    (stage: StageStart): TstatsCommand | undefined => {
      if (this.RECORDING_PHASE) {
        this.OR(this.tstatsStepAlternatives);
        return undefined;
      }
      const parts: AggregationParts = { aggregations: [], options: [], by: [] };
      const macros: MacroCall[] = [];
      let from: Literal | MacroCall | undefined;
      let where: SearchExpression | undefined;
      while (!this.atStageEnd()) {
        const token = this.peek() as SplToken;
        if (token.kind === 'macro') {
          this.CONSUME(Macro);
          const macro = readMacro(this.context, token);
          if (macro.kind === 'macro') macros.push(macro);
        } else if (this.atKeyword('from') && !this.atOption()) {
          this.CONSUME(Word);
          from = this.SUBRULE(this.tstatsFrom, { ARGS: [parts.options] });
          if (!from)
            this.error(
              'spl.syntax.missing-value',
              "expected a data model after 'from', e.g. datamodel=Endpoint.Processes",
              token.startOffset,
              token.end,
            );
        } else if (this.atKeyword('where') && !this.atOption()) {
          this.CONSUME2(Word);
          where = this.SUBRULE(this.searchExpr, { ARGS: [true, 0] });
          if (!where)
            this.error(
              'spl.syntax.missing-operand',
              "expected a search expression after 'where'",
              token.startOffset,
              token.end,
            );
        } else if (this.atAggregationPart())
          this.SUBRULE(this.aggregationPart, { ARGS: [parts, false] });
        else break;
      }
      return {
        kind: 'command',
        name: 'tstats',
        nameRange: stage.nameRange,
        options: parts.options,
        aggregations: parts.aggregations,
        ...(from && { from }),
        ...(where && { where }),
        by: parts.by,
        macros,
        range: this.stageRange(stage),
      };
    },
  );
}
