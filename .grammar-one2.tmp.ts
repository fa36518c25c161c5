import { parseSpl, parseEvalExpression, parseSearchExpression } from './server/src/core/syntax/index';
import { parseSplWithChevrotain, parseEvalExpressionWithChevrotain, parseSearchExpressionWithChevrotain } from './server/src/core/syntax/grammar/index';
const t = process.env.TEXT ?? ']';
for (const [n, a, b] of [['spl', parseSplWithChevrotain, parseSpl], ['eval', parseEvalExpressionWithChevrotain, parseEvalExpression], ['search', parseSearchExpressionWithChevrotain, parseSearchExpression]] as const) {
  const x = JSON.stringify((a as (s: string) => unknown)(t)), y = JSON.stringify((b as (s: string) => unknown)(t));
  if (x !== y) console.log(n, '\n C', x.slice(0, 700), '\n H', y.slice(0, 700));
}
