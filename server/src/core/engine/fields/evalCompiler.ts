import { parseEvalExpression } from '../../syntax';
import { checkEvalExpression, evaluate, type EvalContext } from '../expressions';
import type { CompileEval } from './propsSteps';

/**
 * EVAL- settings compiled with the project's eval parser and evaluator. Calculated fields do not
 * depend on the clock in practice; `now` is the time the configuration was loaded.
 */
export function evalCompiler(context: Partial<EvalContext> = {}): CompileEval {
  const full: EvalContext = { now: Date.now() / 1000, timezone: 'UTC', ...context };
  return (text) => {
    const parsed = parseEvalExpression(text);
    const problems = [
      ...parsed.diagnostics,
      ...(parsed.expression ? checkEvalExpression(parsed.expression) : []),
    ];
    const firstError = problems.find((d) => d.severity === 'error');
    if (parsed.expression === undefined || firstError !== undefined) {
      return { error: firstError?.message ?? 'the expression is empty' };
    }
    const expression = parsed.expression;
    return { evaluate: (row) => evaluate(expression, row, full) };
  };
}
