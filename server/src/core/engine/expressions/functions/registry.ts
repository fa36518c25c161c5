/** Every eval function the local evaluator implements, by lower-case name. */
import type { FunctionSpec } from '../context';
import { conditionalFunctions } from './conditional';
import { formatFunctions } from './format';
import { jsonFunctions } from './json';
import { mathFunctions } from './math';
import { miscFunctions } from './misc';
import { multivalueFunctions } from './multivalue';
import { searchmatchFunctions } from './searchmatch';
import { textFunctions } from './text';

export const evalFunctions: ReadonlyMap<string, FunctionSpec> = new Map(
  Object.entries({
    ...conditionalFunctions,
    ...formatFunctions,
    ...jsonFunctions,
    ...mathFunctions,
    ...miscFunctions,
    ...multivalueFunctions,
    ...searchmatchFunctions,
    ...textFunctions,
  }),
);

/** Names of the implemented eval functions, sorted (for documentation and completion). */
export function implementedEvalFunctions(): string[] {
  return [...evalFunctions.keys()].sort();
}
