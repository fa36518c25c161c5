import { isDeepStrictEqual } from 'node:util';
import { parseSpl, parseEvalExpression, parseSearchExpression } from './server/src/core/syntax/index';
import { parseSplWithChevrotain, parseEvalExpressionWithChevrotain, parseSearchExpressionWithChevrotain } from './server/src/core/syntax/grammar/index';
function firstDiff(a: any, b: any, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} vs ${String(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) { if ((k in a) !== (k in b)) return `${path}.${k} present ${k in a} vs ${k in b}`; const d = firstDiff(a[k], b[k], `${path}.${k}`); if (d) return d; }
  return `${path}: proto ${Object.getPrototypeOf(a)?.constructor?.name} vs ${Object.getPrototypeOf(b)?.constructor?.name}`;
}
const t = process.env.TEXT ?? ']';
for (const [n, a, b] of [['spl', parseSplWithChevrotain, parseSpl], ['eval', parseEvalExpressionWithChevrotain, parseEvalExpression], ['search', parseSearchExpressionWithChevrotain, parseSearchExpression]] as const) {
  const d = firstDiff((a as any)(t), (b as any)(t), n); if (d) console.log(d);
}
