import { commandFacts } from './commandFacts';
import { commandDocs } from './commandDocs';
import { evalFunctionFacts } from './evalFunctionFacts';
import { evalFunctionDocs } from './evalFunctionDocs';
import { statsFunctionFacts } from './statsFunctionFacts';
import { statsFunctionDocs } from './statsFunctionDocs';
import type { CommandInfo, FunctionInfo } from './types';

export type { CommandInfo, CommandKind, FunctionInfo, OptionInfo } from './types';

const commands: readonly CommandInfo[] = commandFacts.map((facts) => ({
  ...facts,
  ...commandDocs[facts.name],
}));
const evalFunctions: readonly FunctionInfo[] = evalFunctionFacts.map((facts) => ({
  ...facts,
  ...evalFunctionDocs[facts.name],
}));
const statsFunctions: readonly FunctionInfo[] = statsFunctionFacts.map((facts) => ({
  ...facts,
  ...statsFunctionDocs[facts.name],
}));

/** Keys are lower-cased: spl-semantics.md says command and function names ignore case. */
function byNameAndAlias<T extends { name: string; aliases: readonly string[] }>(
  entries: readonly T[],
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases]) map.set(name.toLowerCase(), entry);
  }
  return map;
}

const commandsByName = byNameAndAlias(commands);
const evalFunctionsByName = byNameAndAlias(evalFunctions);
const statsFunctionsByName = byNameAndAlias(statsFunctions);
const percentile = statsFunctionsByName.get('perc');
/** `perc95`, `p95`, `exactperc99.9`, `upperperc90`: a percentile between 0 and 100. */
const percentileSpelling = /^(?:perc|p|exactperc|upperperc)(\d{1,3}(?:\.\d+)?)$/;

/** A command by name or alias, ignoring case (`bucket` gives `bin`). */
export function findCommand(name: string): CommandInfo | undefined {
  return commandsByName.get(name.toLowerCase());
}

export function allCommands(): readonly CommandInfo[] {
  return commands;
}

let commandNames: readonly string[] | undefined;

/** Every command name and alias: the candidates of "unknown command; did you mean ...?". */
export function allCommandNames(): readonly string[] {
  commandNames ??= commands.flatMap((command) => [command.name, ...command.aliases]);
  return commandNames;
}

/** An eval function by name, ignoring case. */
export function findEvalFunction(name: string): FunctionInfo | undefined {
  return evalFunctionsByName.get(name.toLowerCase());
}

export function allEvalFunctions(): readonly FunctionInfo[] {
  return evalFunctions;
}

/**
 * A stats/chart/timechart aggregation by name or alias, ignoring case. `c` gives `count`,
 * `distinct_count` gives `dc`, `mean` gives `avg`, and every percentile spelling gives `perc`.
 */
export function findStatsFunction(name: string): FunctionInfo | undefined {
  const lower = name.toLowerCase();
  const direct = statsFunctionsByName.get(lower);
  if (direct) return direct;
  const percent = percentileSpelling.exec(lower)?.[1];
  return percent !== undefined && Number(percent) <= 100 ? percentile : undefined;
}

export function allStatsFunctions(): readonly FunctionInfo[] {
  return statsFunctions;
}
