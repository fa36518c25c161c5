import type { OptionInfo } from './types';

/** Shorthand for the options tables of the command docs: name, kind of value, summary. */
export function option(name: string, value: string, summary: string): OptionInfo {
  return { name, value, summary };
}
