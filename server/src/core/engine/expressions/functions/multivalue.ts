/** Multivalue functions. A multivalue result of one value is a plain value, and of none is null. */
import type { EvalExpression } from '../../../syntax/ast';
import { valuesOf, type Row, type Scalar } from '../../value';
import { boundedRegexInput, compileUserRegex } from '../../regex';
import { fromList, text } from '../coerce';
import type { Env, FunctionSpec, Value } from '../context';
import { num, str } from './args';

/** mvrange and mvzip build lists; this caps them so one expression cannot exhaust memory. */
export const MAX_GENERATED_VALUES = 10_000;

function mvindex(values: readonly Scalar[], start: number, end: number | undefined): Value {
  const resolve = (i: number): number => (i < 0 ? values.length + i : i);
  const from = resolve(start);
  if (from < 0 || from >= values.length) return undefined;
  if (end === undefined) return values[from];
  const to = Math.min(resolve(end), values.length - 1);
  if (to < from) return undefined;
  return fromList(values.slice(from, to + 1));
}

/** The one field an mvfilter/mvmap expression iterates over: the field it references. */
function iteratedField(expr: EvalExpression): string | undefined {
  switch (expr.kind) {
    case 'fieldRef':
      return expr.name;
    case 'binary':
      return iteratedField(expr.left) ?? iteratedField(expr.right);
    case 'unary':
      return iteratedField(expr.operand);
    case 'call':
      for (const arg of expr.args) {
        const name = iteratedField(arg);
        if (name) return name;
      }
      return undefined;
    case 'evalIn':
      return iteratedField(expr.value) ?? expr.list.map(iteratedField).find((n) => n !== undefined);
    case 'like':
      return iteratedField(expr.value) ?? iteratedField(expr.pattern);
    default:
      return undefined;
  }
}

/** Evaluates `expr` once per value of `field`, with the field bound to that value. */
function perValue(
  field: string,
  values: readonly Scalar[],
  expr: EvalExpression,
  env: Env,
): Value[] {
  const row: Row = new Map(env.row);
  return values.map((value) => {
    row.set(field, value);
    return env.evaluate(expr, row);
  });
}

function mvfilter([expr]: readonly EvalExpression[], env: Env): Value {
  if (expr === undefined) return undefined;
  const field = iteratedField(expr);
  if (field === undefined) return undefined;
  const values = valuesOf(env.row.get(field));
  const results = perValue(field, values, expr, env);
  return fromList(values.filter((_, i) => results[i] === true));
}

function mvmap([source, expr]: readonly EvalExpression[], env: Env): Value {
  if (source === undefined || expr === undefined) return undefined;
  const values = valuesOf(env.evaluate(source));
  const field = source.kind === 'fieldRef' ? source.name : iteratedField(expr);
  if (field === undefined) return undefined;
  const results = perValue(field, values, expr, env);
  return fromList(results.flatMap((r) => valuesOf(r)));
}

function mvrange(start: number, end: number, step: number): Value {
  if (step === 0 || (end - start) / step > MAX_GENERATED_VALUES) return undefined;
  const out: number[] = [];
  for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
  return fromList(out);
}

function mvzip(a: readonly Scalar[], b: readonly Scalar[], delimiter: string): Value {
  const count = Math.min(a.length, b.length, MAX_GENERATED_VALUES);
  const out: string[] = [];
  for (let i = 0; i < count; i++)
    out.push(`${text(a[i] as Scalar)}${delimiter}${text(b[i] as Scalar)}`);
  return fromList(out);
}

function mvfind(values: readonly Scalar[], pattern: string): Value {
  const compiled = compileUserRegex(pattern);
  if ('error' in compiled) return undefined;
  const index = values.findIndex((v) => compiled.regex.test(boundedRegexInput(text(v))));
  return index === -1 ? undefined : index;
}

function lexicographic(a: Scalar, b: Scalar): number {
  const x = text(a);
  const y = text(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const multivalueFunctions: Record<string, FunctionSpec> = {
  mvcount: { minArgs: 1, maxArgs: 1, apply: ([v]) => valuesOf(v).length },
  mvindex: {
    minArgs: 2,
    maxArgs: 3,
    apply: ([v, start, end]) => {
      const s = num(start);
      const e = end === undefined ? undefined : num(end);
      if (s === undefined || (end !== undefined && e === undefined)) return undefined;
      return mvindex(valuesOf(v), Math.trunc(s), e === undefined ? undefined : Math.trunc(e));
    },
  },
  mvjoin: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([v, delimiter]) => {
      const d = str(delimiter);
      return d === undefined ? undefined : valuesOf(v).map(text).join(d);
    },
  },
  mvappend: {
    minArgs: 1,
    maxArgs: Infinity,
    acceptsNull: true,
    apply: (args) => fromList(args.flatMap((a) => valuesOf(a))),
  },
  mvdedup: {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v]) => {
      const seen = new Set<string>();
      return fromList(
        valuesOf(v).filter((s) => !seen.has(text(s)) && seen.add(text(s)) !== undefined),
      );
    },
  },
  mvsort: {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v]) => fromList([...valuesOf(v)].sort(lexicographic)),
  },
  mvreverse: { minArgs: 1, maxArgs: 1, apply: ([v]) => fromList([...valuesOf(v)].reverse()) },
  mvzip: {
    minArgs: 2,
    maxArgs: 3,
    apply: ([a, b, delimiter]) => {
      const d = delimiter === undefined ? ',' : str(delimiter);
      return d === undefined ? undefined : mvzip(valuesOf(a), valuesOf(b), d);
    },
  },
  mvfind: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([v, pattern]) => {
      const p = str(pattern);
      return p === undefined ? undefined : mvfind(valuesOf(v), p);
    },
  },
  mvrange: {
    minArgs: 2,
    maxArgs: 3,
    apply: ([start, end, step]) => {
      const s = num(start);
      const e = num(end);
      const by = step === undefined ? 1 : num(step);
      return s === undefined || e === undefined || by === undefined ? undefined : mvrange(s, e, by);
    },
  },
  mvfilter: { minArgs: 1, maxArgs: 1, lazy: mvfilter },
  mvmap: { minArgs: 2, maxArgs: 2, lazy: mvmap },
};
