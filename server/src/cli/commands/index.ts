import type { Command } from 'commander';
import { registerExpand } from './expand';
import { registerParse } from './parse';
import { registerRun } from './run';

/** Every subcommand registers itself here, in the order `spl --help` lists them. */
const registrations: ReadonlyArray<(program: Command) => void> = [
  registerParse,
  registerRun,
  registerExpand,
];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
