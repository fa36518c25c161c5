import type { EvalOutcome } from '../macros';
import { compileEvalText, evaluate, type EvalContext } from './expressions';
import { isMultivalue, scalarToString } from './value';

/**
 * The evaluator that macro expansion needs for `iseval = 1` definitions and `validation`
 * expressions. The macros layer sits below the engine, so adapters inject this function.
 * Arguments are already substituted into the expression: it runs against an empty row.
 */
export function macroEvaluator(context: EvalContext): (expression: string) => EvalOutcome {
  return (expression) => {
    const compiled = compileEvalText(expression);
    if ('error' in compiled) return compiled;
    const value = evaluate(compiled.expression, new Map(), context);
    if (value === undefined) return {};
    return { value: isMultivalue(value) ? value.map(scalarToString).join(' ') : value };
  };
}
