import type { Command } from 'commander';

/** Every subcommand registers itself here, in the order `spl --help` lists them. */
const registrations: ReadonlyArray<(program: Command) => void> = [];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
