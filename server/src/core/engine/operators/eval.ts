import type { EvalCommand, WhereCommand } from '../../syntax/ast';
import { checkEvalExpression, evaluate, isTruthy } from '../expressions';
import type { Operator, PlanningContext } from '../plan/types';

/**
 * `eval a=x, b=y`: assignments run left to right, each seeing the ones before it; a null result
 * removes the field (spl-semantics.md "eval and where").
 */
export function evalOperator(command: EvalCommand, planning: PlanningContext): Operator {
  for (const assignment of command.assignments) {
    planning.diagnostics.push(...checkEvalExpression(assignment.value));
  }
  return {
    command: command.name,
    range: command.range,
    async *run(input, ctx) {
      for await (const row of input) {
        for (const { field, value } of command.assignments) {
          const result = evaluate(value, row, ctx.evalContext);
          if (result === undefined || result === null) row.delete(field.name);
          else row.set(field.name, result);
        }
        yield row;
      }
    },
  };
}

/** `where <expr>`: keeps the rows for which the expression is true; null counts as false. */
export function whereOperator(command: WhereCommand, planning: PlanningContext): Operator {
  const expression = command.expression;
  if (expression) planning.diagnostics.push(...checkEvalExpression(expression));
  return {
    command: 'where',
    range: command.range,
    async *run(input, ctx) {
      for await (const row of input) {
        if (!expression || isTruthy(evaluate(expression, row, ctx.evalContext))) yield row;
      }
    },
  };
}
