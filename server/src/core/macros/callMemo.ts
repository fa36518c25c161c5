import type { Diagnostic } from '../text/diagnostic';
import type { MacroIndex } from './macroIndex';
import type { ExpandOptions } from './types';

/**
 * What expanding one call of the user's text reported and added: its diagnostics with offsets
 * from the call's start, the calls it made and the characters it added to the expansion.
 */
export interface CallOutcome {
  readonly diagnostics: readonly { diagnostic: Diagnostic; start: number; end: number }[];
  readonly calls: number;
  readonly length: number;
}

export type CallMemo = Map<string, CallOutcome>;

/** Calls remembered per index and filter convention; beyond it the memo starts again. */
const maxRemembered = 10_000;

const memos = new WeakMap<MacroIndex, Map<string, CallMemo>>();

/**
 * The outcomes of the calls already expanded against `index` with `options`, by the call's text:
 * a call of the user's text expands the same wherever it stands, so a search checked again after
 * an edit expands only the calls it has not met. None when the options hold an evaluator or
 * limits, whose effects the memo cannot key.
 */
export function callMemoFor(index: MacroIndex, options: ExpandOptions): CallMemo | undefined {
  if (options.evaluateEval || options.limits) return undefined;
  const byConvention = memos.get(index) ?? new Map<string, CallMemo>();
  memos.set(index, byConvention);
  const key = (options.implicitFilterMacros ?? []).join('\n');
  let memo = byConvention.get(key);
  if (!memo || memo.size > maxRemembered) {
    memo = new Map();
    byConvention.set(key, memo);
  }
  return memo;
}
