import { parseEvalExpression, type EvalExpression } from '../../syntax';
import { checkEvalExpression } from './check';

/**
 * An eval expression written as text outside a search (a props.conf EVAL-, a macro's `iseval`
 * definition or `validation`), parsed and checked: the first error decides, so a caller can
 * report one message at the setting that holds it.
 */
export function compileEvalText(text: string): { expression: EvalExpression } | { error: string } {
  const parsed = parseEvalExpression(text);
  const problems = [
    ...parsed.diagnostics,
    ...(parsed.expression ? checkEvalExpression(parsed.expression) : []),
  ];
  const firstError = problems.find((d) => d.severity === 'error');
  if (parsed.expression === undefined || firstError !== undefined) {
    return { error: firstError?.message ?? 'the expression is empty' };
  }
  return { expression: parsed.expression };
}
