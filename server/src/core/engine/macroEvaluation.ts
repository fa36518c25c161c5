import type { EvalOutcome } from '../macros';
import { parseEvalExpression } from '../syntax';
import { checkEvalExpression, evaluate, type EvalContext } from './expressions';
import { isMultivalue, scalarToString } from './value';

/**
 * The evaluator that macro expansion needs for `iseval = 1` definitions and `validation`
 * expressions. The macros layer sits below the engine, so adapters inject this function.
 * Arguments are already substituted into the expression: it runs against an empty row.
 */
export function macroEvaluator(context: EvalContext): (expression: string) => EvalOutcome {
  return (expression) => {
    const parsed = parseEvalExpression(expression);
    const problem =
      parsed.diagnostics.find((d) => d.severity === 'error') ??
      (parsed.expression
        ? checkEvalExpression(parsed.expression).find((d) => d.severity === 'error')
        : undefined);
    if (!parsed.expression || problem) {
      return { error: problem?.message ?? 'the expression is empty' };
    }
    const value = evaluate(parsed.expression, new Map(), context);
    if (value === undefined) return {};
    return { value: isMultivalue(value) ? value.map(scalarToString).join(' ') : value };
  };
}
