import { compileEvalText, evaluate, type EvalContext } from '../expressions';
import type { CompileEval } from './propsSteps';

/**
 * EVAL- settings compiled with the project's eval parser and evaluator. Calculated fields do not
 * depend on the clock in practice; `now` is the time the configuration was loaded.
 */
export function evalCompiler(context: Partial<EvalContext> = {}): CompileEval {
  const full: EvalContext = { now: Date.now() / 1000, timezone: 'UTC', ...context };
  return (text) => {
    const compiled = compileEvalText(text);
    if ('error' in compiled) return compiled;
    const { expression } = compiled;
    return { evaluate: (row) => evaluate(expression, row, full) };
  };
}
