import { readFileSync } from 'node:fs';
import { macroEvaluator } from '../core/engine/macroEvaluation';

/** A document the CLI works on: `-` reads standard input. */
export interface InputDocument {
  readonly path: string;
  readonly text: string;
}

export function readInput(path: string): InputDocument {
  if (path === '-') return { path: '<stdin>', text: readFileSync(0, 'utf8') };
  return { path, text: readFileSync(path, 'utf8') };
}

/** Evaluates `iseval` macros and `validation` expressions as a search starting now, in UTC. */
export function cliMacroEvaluator(): ReturnType<typeof macroEvaluator> {
  return macroEvaluator({ now: Date.now() / 1000, timezone: 'UTC' });
}
