/** searchmatch("search text"): whether the current row matches a search expression. */
import type { SearchExpression } from '../../../syntax/ast';
import { parseSearchExpression } from '../../../syntax';
import type { FunctionSpec } from '../context';
import { matchesSearch } from '../search';
import { str } from './args';

const MAX_CACHED = 500;
/** Parsed once per distinct text; `null` remembers a text that does not parse. */
const parsed = new Map<string, SearchExpression | null>();

function parse(text: string): SearchExpression | undefined {
  let expression = parsed.get(text);
  if (expression === undefined) {
    const result = parseSearchExpression(text);
    expression =
      result.expression && result.diagnostics.every((d) => d.severity !== 'error')
        ? result.expression
        : null;
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(text, expression);
  }
  return expression ?? undefined;
}

export const searchmatchFunctions: Record<string, FunctionSpec> = {
  searchmatch: {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v], env) => {
      const text = str(v);
      const expression = text === undefined ? undefined : parse(text);
      return expression === undefined ? undefined : matchesSearch(expression, env.row, env.ctx);
    },
  },
};
