/** Parses and evaluates expression text against a row built from plain fields (test helper). */
import { parseEvalExpression, parseSearchExpression } from '../../../server/src/core/syntax';
import type { EvalExpression, SearchExpression } from '../../../server/src/core/syntax/ast';
import {
  evaluate,
  matchesSearch,
  type EvalContext,
} from '../../../server/src/core/engine/expressions';
import type { FieldValue, Row } from '../../../server/src/core/engine/value';

/** 2024-03-10T12:00:00Z, a Sunday: the day New York moves its clocks forward. */
export const NOW = 1710072000;
export const ctx: EvalContext = { now: NOW, timezone: 'UTC' };

export function row(fields: Record<string, FieldValue> = {}): Row {
  return new Map(Object.entries(fields));
}

export function evalExpr(text: string): EvalExpression {
  const result = parseEvalExpression(text);
  if (!result.expression || result.diagnostics.length > 0) {
    throw new Error(
      `test expression does not parse: ${text}: ${result.diagnostics.map((d) => d.message).join('; ')}`,
    );
  }
  return result.expression;
}

export function searchExpr(text: string): SearchExpression {
  const result = parseSearchExpression(text);
  if (!result.expression || result.diagnostics.length > 0) {
    throw new Error(
      `test search does not parse: ${text}: ${result.diagnostics.map((d) => d.message).join('; ')}`,
    );
  }
  return result.expression;
}

export function ev(
  text: string,
  fields: Record<string, FieldValue> = {},
  context: EvalContext = ctx,
): FieldValue | undefined {
  return evaluate(evalExpr(text), row(fields), context);
}

export function matches(
  text: string,
  fields: Record<string, FieldValue> = {},
  context: EvalContext = ctx,
): boolean {
  return matchesSearch(searchExpr(text), row(fields), context);
}
