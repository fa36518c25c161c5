import type { Command } from 'commander';
import { registerExpand } from './expand';
import { registerFmt } from './fmt';
import { registerLint } from './lint';
import { registerParse } from './parse';
import { registerRun } from './run';
import { registerTest } from './test';

/** Every subcommand registers itself here, in the order `spl --help` lists them. */
const registrations: ReadonlyArray<(program: Command) => void> = [
  registerLint,
  registerParse,
  registerRun,
  registerTest,
  registerExpand,
  registerFmt,
];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
