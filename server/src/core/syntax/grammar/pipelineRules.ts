/** Pipelines and stages: splits at `|`, dispatches each stage to its command's rule. */
import type { ParserMethod } from 'chevrotain';
import { didYouMean } from '../../text/didYouMean';
import { findAddonCommand } from '../addonCommands';
import type { Command, Pipeline, SearchCommand, Stage, Subsearch } from '../ast';
import { allCommands, findCommand } from '../catalog/index';
import type { StageStart } from './genericRules';
import { readMacro } from './macroCall';
import { ResultCommandRules } from './resultCommandRules';
import { LBracket, Macro, Pipe, RBracket, Word, type SplToken } from './tokens';

let commandNames: string[] | undefined;

/** Every command name and alias, for did-you-mean; built on first use. */
function knownCommandNames(): string[] {
  commandNames ??= allCommands().flatMap((command) => [command.name, ...command.aliases]);
  return commandNames;
}

type CommandRule = ParserMethod<[StageStart], Command | undefined>;

/** Grammars that give up (after reporting) when a required part is missing: then generic. */
const mayGiveUp = new Set([
  'lookup',
  'inputlookup',
  'outputlookup',
  'rex',
  'makemv',
  'mvexpand',
  'bin',
  'iplocation',
]);

export abstract class SplGrammar extends ResultCommandRules {
  private probedCommand: Command | undefined;
  /** Where the diagnostics of a dedicated grammar that gave up on this stage begin. */
  private gaveUpAt: number | undefined;

  private readonly explicitSearch = this.RULE(
    'explicitSearch',
    (stage: StageStart): SearchCommand => {
      const expression = this.SUBRULE(this.searchExpr, { ARGS: [false, 0] });
      return this.ACTION(() => ({
        kind: 'command',
        name: 'search',
        implicit: false,
        nameRange: stage.nameRange,
        options: [],
        ...(expression && { expression }),
        range: this.stageRange(stage),
      }));
    },
  );

  /** The dedicated rules by canonical command name; every other command is generic. */
  private readonly dedicatedRules: ReadonlyMap<string, CommandRule> = new Map<string, CommandRule>([
    ['search', this.explicitSearch],
    ['where', this.whereCommand],
    ['eval', this.evalCommand],
    ['fieldformat', this.evalCommand],
    ...['stats', 'eventstats', 'streamstats', 'chart', 'timechart'].map(
      (name): [string, CommandRule] => [name, this.statsCommand],
    ),
    ['tstats', this.tstatsCommand],
    ['table', this.fieldListCommand],
    ['fields', this.fieldListCommand],
    ['rename', this.renameCommand],
    ['sort', this.sortCommand],
    ['dedup', this.dedupCommand],
    ['head', this.headTailCommand],
    ['tail', this.headTailCommand],
    ['rex', this.rexCommand],
    ['convert', this.convertCommand],
    ['fillnull', this.fillnullCommand],
    ['lookup', this.lookupCommand],
    ['inputlookup', this.inputlookupCommand],
    ['outputlookup', this.outputlookupCommand],
    ...['makemv', 'mvexpand', 'bin', 'iplocation'].map((name): [string, CommandRule] => [
      name,
      this.singleFieldCommand,
    ]),
    ['top', this.topRareCommand],
    ['rare', this.topRareCommand],
    ...['join', 'append', 'appendpipe', 'appendcols', 'union'].map(
      (name): [string, CommandRule] => [name, this.subpipelineCommand],
    ),
    ['spath', this.spathCommand],
    ['return', this.returnCommand],
    ['format', this.formatCommand],
  ]);

  private readonly distinctRules = [...new Set(this.dedicatedRules.values())];

  /** The stage being dispatched: the cached alternatives below read it instead of capturing it. */
  private dispatched: { stage: StageStart; rule: CommandRule | undefined } | undefined;

  private readonly dedicatedAlternatives = this.distinctRules.map((rule, index) => ({
    GATE: () => this.dispatched?.rule === rule,
    ALT: () =>
      this.subrule(index, rule, { ARGS: [(this.dispatched as { stage: StageStart }).stage] }),
  }));

  private readonly dedicatedCommand = this.RULE(
    'dedicatedCommand',
    (stage: StageStart): Command | undefined => {
      this.dispatched = { stage, rule: this.dedicatedRules.get(stage?.name) };
      return this.OR(this.dedicatedAlternatives);
    },
  );

  private readonly dedicatedProbe = this.RULE('dedicatedProbe', (stage: StageStart) => {
    const command = this.SUBRULE(this.dedicatedCommand, { ARGS: [stage] });
    this.ACTION(() => (this.probedCommand = command));
  });

  /**
   * Whether the stage's dedicated grammar applies. A grammar that may give up is tried first
   * (BACKTRACK leaves the position untouched); its diagnostics are kept only when it gives up,
   * as the stage is then read generically, and dropped when it is about to run for real.
   */
  private dedicatedApplies(stage: StageStart): boolean {
    this.gaveUpAt = undefined;
    if (!this.dedicatedRules.has(stage.name)) return false;
    if (!mayGiveUp.has(stage.name)) return true;
    const reported = this.context.diagnostics.length;
    this.probedCommand = undefined;
    this.BACKTRACK(this.dedicatedProbe, [stage]).call(this);
    if (this.probedCommand === undefined) {
      this.gaveUpAt = reported;
      return false;
    }
    this.context.diagnostics.length = reported;
    return true;
  }

  /**
   * After a grammar gave up and the stage was read generically: what the grammar reported is
   * kept once (the generic reading reports problems in options again).
   */
  private dropRepeatedDiagnostics(from: number): void {
    const { diagnostics } = this.context;
    const seen = new Set<string>();
    const kept = diagnostics.slice(from).filter((diagnostic) => {
      const key = `${diagnostic.code} ${diagnostic.range.start.offset} ${diagnostic.range.end.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    diagnostics.splice(from, Infinity, ...kept);
  }

  private reportUnknownCommand(name: SplToken, known: boolean): boolean {
    const addon = known ? undefined : findAddonCommand(name.image);
    if (addon) {
      this.context.report(
        'info',
        'spl.syntax.addon-command',
        `'${name.image}' is not a built-in Splunk command; it comes from ${addon}`,
        name.startOffset,
        name.end,
      );
    } else if (!known) {
      const suggestion = didYouMean(name.image, knownCommandNames());
      this.error(
        'spl.syntax.unknown-command',
        `unknown command '${name.image}'` + (suggestion ? `; did you mean '${suggestion}'?` : ''),
        name.startOffset,
        name.end,
      );
    }
    return known || addon !== undefined;
  }

  /** The arguments of a stage whose command word `name` was just consumed. */
  private readonly commandStage = this.RULE('commandStage', (name: SplToken): Stage => {
    const info = this.ACTION(() => findCommand(name.image));
    const stage: StageStart = this.ACTION(() => ({
      name: info ? info.name : name.image,
      start: name.startOffset,
      nameRange: this.range(name.startOffset, name.end),
    }));
    return this.OR([
      {
        GATE: () => this.dedicatedApplies(stage),
        ALT: () => this.SUBRULE(this.dedicatedCommand, { ARGS: [stage] }) as Command,
      },
      {
        ALT: () => {
          const gaveUpAt = this.gaveUpAt;
          const known = this.ACTION(() => this.reportUnknownCommand(name, info !== undefined));
          const command = this.SUBRULE(this.genericCommand, { ARGS: [stage, known] });
          this.ACTION(() => gaveUpAt !== undefined && this.dropRepeatedDiagnostics(gaveUpAt));
          return command;
        },
      },
    ]);
  });

  private readonly implicitSearch = this.RULE('implicitSearch', (): Stage => {
    const start = this.peek()?.startOffset ?? 0;
    const expression = this.SUBRULE(this.searchExpr, { ARGS: [false, 0] });
    return this.ACTION(() => ({
      kind: 'command',
      name: 'search',
      implicit: true,
      options: [],
      expression,
      range: this.range(start, expression ? expression.range.end.offset : start),
    }));
  });

  /** One stage after a `|`; undefined when the stage is empty. */
  private readonly stage = this.RULE('stage', (pipeEnd: number): Stage | undefined =>
    this.OR([
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
          this.ACTION(() => this.skipRestOfStage(`in '${name.image}'`));
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
            if (this.context.hasCommentBetween(pipeEnd, next)) return undefined;
            this.error(
              'spl.syntax.empty-stage',
              "empty stage: write a command after '|' or remove the '|'",
              pipeEnd - 1,
              pipeEnd,
            );
            return undefined;
          }),
      },
    ]),
  );

  /**
   * foreach and map write a command in brackets without a `|` (`foreach * [eval <<FIELD>>=...]`):
   * a bracket that starts with a command name (not followed by an operator) is read as that command.
   */
  private startsCommandTemplate(): boolean {
    const word = this.peek() as SplToken;
    return findCommand(word.image) !== undefined && !this.atKind('compare', 2);
  }

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
                stages.push(stage);
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
      GATE: () => this.peek() !== undefined && !(inSubsearch && this.atKind('rbracket')),
      DEF: () =>
        this.OR2([
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
            },
          },
          {
            ALT: () => {
              const pipe = this.CONSUME(Pipe) as SplToken;
              const stage = this.SUBRULE(this.stage, { ARGS: [pipe.end] });
              this.ACTION(() => stage && stages.push(stage));
            },
          },
          {
            ALT: () =>
              this.ACTION(() => this.skipRestOfStage("after the search: separate stages with '|'")),
          },
        ]),
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
