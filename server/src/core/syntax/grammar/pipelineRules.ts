/** Pipelines and stages: splits at `|` and hands each stage to the command dispatch. */
import type { IOrAlt } from 'chevrotain';
import type { Pipeline, Stage, Subsearch } from '../ast';
import { findCommand } from '../catalog/index';
import { CommandDispatchRules } from './commandDispatchRules';
import { readMacro } from './macroCall';
import { LBracket, Macro, Pipe, RBracket, Word, type SplToken } from './tokens';
import { endOffsetOf } from '../../text/lineIndex';

export abstract class SplGrammar extends CommandDispatchRules {
  private readonly implicitSearch = this.RULE('implicitSearch', (): Stage => {
    const start = this.peek()?.startOffset ?? 0;
    const expression = this.SUBRULE(this.searchExpr, { ARGS: [false, 0] });
    return this.ACTION(() => ({
      kind: 'command',
      name: 'search',
      implicit: true,
      options: [],
      ...(expression && { expression }),
      range: this.range(start, expression ? endOffsetOf(expression.range) : start),
    }));
  });

  /** Where the `|` before the current stage ends (read by the stage alternatives). */
  private stagePipeEnd = 0;

  /** Built once: runs for every stage. */
  private readonly stageAlternatives: IOrAlt<Stage | undefined>[] = [
    {
      ALT: () => {
        const token = this.CONSUME(Macro) as SplToken;
        return this.ACTION((): Stage | undefined => {
          const macro = readMacro(this.context, token);
          if (macro.kind !== 'macro') return undefined;
          this.skipRestOfStage('after a macro stage: start a new stage with |');
          return { kind: 'macroStage', macro, range: macro.range };
        });
      },
    },
    {
      ALT: () => {
        const name = this.CONSUME(Word) as SplToken;
        const stage = this.SUBRULE(this.commandStage, { ARGS: [name] });
        // Checked first so the message is only built when there is something to report.
        this.ACTION(() => this.atStageEnd() || this.skipRestOfStage(`in '${name.image}'`));
        return stage;
      },
    },
    {
      ALT: () =>
        this.ACTION((): undefined => {
          if (!this.atStageEnd()) {
            this.skipRestOfStage("where a command name should be: write a command after '|'");
            return undefined;
          }
          const next = this.peek()?.startOffset ?? this.context.text.length;
          if (this.context.hasCommentBetween(this.stagePipeEnd, next)) return undefined;
          this.error(
            'spl.syntax.empty-stage',
            "empty stage: write a command after '|' or remove the '|'",
            this.stagePipeEnd - 1,
            this.stagePipeEnd,
          );
          return undefined;
        }),
    },
  ];

  /** One stage after a `|`; undefined when the stage is empty. */
  private readonly stage = this.RULE('stage', (pipeEnd: number): Stage | undefined => {
    this.stagePipeEnd = pipeEnd;
    return this.OR(this.stageAlternatives);
  });

  /**
   * foreach and map write a command in brackets without a `|` (`foreach * [eval <<FIELD>>=...]`):
   * a bracket that starts with a command name (not followed by an operator) is read as that command.
   */
  private startsCommandTemplate(): boolean {
    const word = this.peek() as SplToken;
    return findCommand(word.image) !== undefined && !this.atKind('compare', 2);
  }

  /** After the first stage: a stray `]`, a `|` and its stage, or tokens out of place. */
  private readonly pipelineStepAlternatives: IOrAlt<Stage | undefined>[] = [
    {
      ALT: () => {
        const bracket = this.CONSUME(RBracket) as SplToken;
        this.ACTION(() =>
          this.error(
            'spl.syntax.unbalanced-bracket',
            "unexpected ']' with no '[' before it",
            bracket.startOffset,
            bracket.end,
          ),
        );
        return undefined;
      },
    },
    {
      ALT: () => {
        const pipe = this.CONSUME(Pipe) as SplToken;
        return this.SUBRULE(this.stage, { ARGS: [pipe.end] });
      },
    },
    {
      ALT: () => {
        this.ACTION(() => this.skipRestOfStage("after the search: separate stages with '|'"));
        return undefined;
      },
    },
  ];

  /**
   * Stages up to the end of the text, or up to the `]` closing a subsearch. A stray `]` at the top
   * level is reported and skipped so the stages after it still parse.
   */
  readonly pipeline = this.RULE('pipeline', (inSubsearch: boolean): Pipeline => {
    const stages: Stage[] = [];
    const first = this.peek();
    const startOffset = first?.startOffset ?? this.previousEnd();
    const leadingPipe = first?.kind === 'pipe';
    this.OPTION({
      GATE: () =>
        first !== undefined && !leadingPipe && !(inSubsearch && first.kind === 'rbracket'),
      DEF: () =>
        this.OR([
          {
            GATE: () =>
              this.atKind('word') &&
              (this.atKeyword('search') || (inSubsearch && this.startsCommandTemplate())),
            ALT: () => {
              const name = this.CONSUME(Word) as SplToken;
              const stage = this.SUBRULE(this.commandStage, { ARGS: [name] });
              this.ACTION(() => {
                this.skipRestOfStage("in 'search'");
                if (stage) stages.push(stage);
              });
            },
          },
          {
            ALT: () => {
              const stage = this.SUBRULE(this.implicitSearch);
              this.ACTION(() => stages.push(stage));
            },
          },
        ]),
    });
    this.repeat({
      GATE: () => {
        const next = this.peek();
        if (next === undefined) return false;
        return inSubsearch ? next.kind !== 'rbracket' : next.startOffset < this.context.stopOffset;
      },
      DEF: () => {
        this.ACTION(() => {
          const next = this.peek() as SplToken;
          if (!inSubsearch && next.kind === 'pipe')
            this.context.enterTopLevelStage(next.startOffset);
        });
        const stage = this.OR2(this.pipelineStepAlternatives);
        this.ACTION(() => stage && stages.push(stage));
      },
    });
    return this.ACTION(() => ({
      kind: 'pipeline',
      leadingPipe,
      stages,
      range: this.range(startOffset, Math.max(startOffset, this.previousEnd())),
    }));
  });

  /** `[ ... ]`: a nested pipeline. An unclosed `[` is reported where it opens. */
  readonly subsearch = this.RULE('subsearch', (): Subsearch => {
    const open = this.CONSUME(LBracket) as SplToken;
    const entered = this.ACTION(() => this.enter(open));
    const pipeline = this.SUBRULE(this.pipeline, { ARGS: [true] });
    this.ACTION(() => entered && this.leave());
    let closed = false;
    this.OPTION(() => {
      this.CONSUME(RBracket);
      closed = true;
    });
    return this.ACTION((): Subsearch => {
      if (!closed)
        this.error(
          'spl.syntax.unclosed-bracket',
          "unclosed '[': end the subsearch with ']'",
          open.startOffset,
          open.end,
        );
      if (pipeline.stages.length === 0) {
        this.error(
          'spl.syntax.empty-subsearch',
          'empty subsearch: write a search between the brackets',
          open.startOffset,
          this.previousEnd(),
        );
      }
      return {
        kind: 'subsearch',
        pipeline,
        range: this.range(open.startOffset, this.previousEnd()),
      };
    });
  });
}
