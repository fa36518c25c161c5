import type { SearchExpression } from './ast';

/** The terms a search expression combines with AND, OR and NOT, in text order. */
export function searchTerms(expression: SearchExpression): SearchExpression[] {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return expression.operands.flatMap(searchTerms);
    case 'not':
      return searchTerms(expression.operand);
    default:
      return [expression];
  }
}
