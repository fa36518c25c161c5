/**
 * Stage dispatch: a command word selects its dedicated rule (aliases resolved by the catalog);
 * unknown and add-on commands are reported and read generically.
 */
import type { IOrAlt, ParserMethod } from 'chevrotain';
import { didYouMean } from '../../text/didYouMean';
import { findAddonCommand } from '../addonCommands';
import type { Command, SearchCommand, Stage } from '../ast';
import { allCommandNames, findCommand } from '../catalog/index';
import type { StageStart } from './genericRules';
import { ResultCommandRules } from './resultCommandRules';
import type { SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

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

export abstract class CommandDispatchRules extends ResultCommandRules {
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

  /** Every dedicated rule as an alternative, for the grammar recorder only. */
  private readonly dedicatedAlternatives = this.distinctRules.map((rule, index) => ({
    ALT: () => this.subrule(index, rule),
  }));

  /**
   * The stage's dedicated rule. The command word alone decides (no lookahead), so at parse time
   * the rule is invoked directly; the recorder sees the choice among all of them.
   */
  private readonly dedicatedCommand = this.RULE(
    'dedicatedCommand',
    (stage: StageStart): Command | undefined => {
      if (this.RECORDING_PHASE) return this.OR(this.dedicatedAlternatives);
      const rule = this.dedicatedRules.get(stage.name) as CommandRule;
      return this.subrule(this.distinctRules.indexOf(rule), rule, { ARGS: [stage] });
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
      const key = `${diagnostic.code} ${startOffsetOf(diagnostic.range)} ${endOffsetOf(diagnostic.range)}`;
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
      const suggestion = didYouMean(name.image, allCommandNames());
      this.error(
        'spl.syntax.unknown-command',
        `unknown command '${name.image}'` + (suggestion ? `; did you mean '${suggestion}'?` : ''),
        name.startOffset,
        name.end,
      );
    }
    return known || addon !== undefined;
  }

  /** The two readings of a stage, as the recorder sees them. */
  private readonly commandStageAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.dedicatedCommand) },
    { ALT: () => this.SUBRULE(this.genericCommand) },
  ];

  /**
   * The arguments of a stage whose command word `name` was just consumed. The command word
   * decides (no lookahead), so plain code picks the reading; it runs for every stage.
   */
  protected readonly commandStage = this.RULE(
    'commandStage',
    (name: SplToken): Stage | undefined => {
      if (this.RECORDING_PHASE) {
        this.OR(this.commandStageAlternatives);
        return undefined;
      }
      const info = findCommand(name.image);
      const stage: StageStart = {
        name: info ? info.name : name.image,
        start: name.startOffset,
        nameRange: this.range(name.startOffset, name.end),
      };
      if (this.dedicatedApplies(stage))
        return this.SUBRULE(this.dedicatedCommand, { ARGS: [stage] }) as Command;
      const gaveUpAt = this.gaveUpAt;
      const known = this.reportUnknownCommand(name, info !== undefined);
      const command = this.SUBRULE(this.genericCommand, { ARGS: [stage, known] });
      if (gaveUpAt !== undefined) this.dropRepeatedDiagnostics(gaveUpAt);
      return command;
    },
  );
}
