/**
 * The eval/where expression evaluator. Semantics (spl-semantics.md "eval and where"):
 * - null propagates: an operator with a null operand gives null, and so do functions unless they
 *   exist to handle null (coalesce, isnull, if, case, ...);
 * - text that looks like a number is a number; `+` adds numbers and concatenates two strings;
 * - `=`/`==` compare strings case-sensitively;
 * - AND/OR/NOT use three-valued logic (null AND false is false, null AND true is null).
 * Multivalue fields: comparisons, IN and LIKE hold when any value satisfies them; arithmetic and
 * concatenation need a single value and give null for a multivalue operand (our choice: Splunk's
 * behaviour here is unverified, and null is the safe, visible outcome).
 */
import type { EvalBinary, EvalExpression, EvalLike } from '../../syntax/ast';
import { valuesOf, type FieldValue, type Row, type Scalar } from '../value';
import { compareScalars, formatNumber, single, text, toNumber } from './coerce';
import type { Env, EvalContext, Value } from './context';
import { evalFunctions } from './functions/registry';
import { likeMatcher, type Matcher } from './wildcard';

/** The boolean a value stands for in a condition; undefined when it is null or not boolean-like. */
export function toBoolean(value: Value): boolean | undefined {
  const scalar = single(value);
  if (scalar === undefined) return undefined;
  if (typeof scalar === 'boolean') return scalar;
  if (typeof scalar === 'number') return scalar !== 0;
  const lower = scalar.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  const number = toNumber(scalar);
  return number === undefined ? undefined : number !== 0;
}

/** Whether `where`/`head (cond)` keeps the row: only a true condition does; null drops it. */
export function isTruthy(value: FieldValue | undefined): boolean {
  return toBoolean(value) === true;
}

export function scalarsEqual(a: Scalar, b: Scalar): boolean {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  return text(a) === text(b);
}

function anyPair(left: Value, right: Value, test: (a: Scalar, b: Scalar) => boolean): boolean | undefined {
  if (left === undefined || right === undefined) return undefined;
  for (const a of valuesOf(left)) for (const b of valuesOf(right)) if (test(a, b)) return true;
  return false;
}

function logical(operator: 'AND' | 'OR' | 'XOR', left: boolean | undefined, right: () => boolean | undefined): Value {
  if (operator === 'AND') {
    if (left === false) return false;
    const r = right();
    if (r === false) return false;
    return left === undefined || r === undefined ? undefined : true;
  }
  if (operator === 'OR') {
    if (left === true) return true;
    const r = right();
    if (r === true) return true;
    return left === undefined || r === undefined ? undefined : false;
  }
  const r = right();
  return left === undefined || r === undefined ? undefined : left !== r;
}

function arithmetic(operator: string, left: Value, right: Value): Value {
  const a = single(left);
  const b = single(right);
  if (a === undefined || b === undefined) return undefined;
  const x = toNumber(a);
  const y = toNumber(b);
  if (operator === '.') return text(typeof a === 'number' ? formatNumber(a) : a) + text(typeof b === 'number' ? formatNumber(b) : b);
  if (x === undefined || y === undefined) {
    const bothText = operator === '+' && typeof a === 'string' && typeof b === 'string';
    return bothText ? a + b : undefined;
  }
  let result: number;
  switch (operator) {
    case '+':
      result = x + y;
      break;
    case '-':
      result = x - y;
      break;
    case '*':
      result = x * y;
      break;
    case '/':
      result = x / y;
      break;
    default:
      result = x % y;
  }
  return Number.isFinite(result) ? result : undefined;
}

function binary(expr: EvalBinary, env: Env): Value {
  const op = expr.operator;
  if (op === 'AND' || op === 'OR' || op === 'XOR') {
    const left = toBoolean(env.evaluate(expr.left));
    return logical(op, left, () => toBoolean(env.evaluate(expr.right)));
  }
  const left = env.evaluate(expr.left);
  const right = env.evaluate(expr.right);
  switch (op) {
    case '=':
    case '==':
      return anyPair(left, right, scalarsEqual);
    case '!=': {
      const equal = anyPair(left, right, scalarsEqual);
      return equal === undefined ? undefined : !equal;
    }
    case '<':
      return anyPair(left, right, (a, b) => compareScalars(a, b) < 0);
    case '<=':
      return anyPair(left, right, (a, b) => compareScalars(a, b) <= 0);
    case '>':
      return anyPair(left, right, (a, b) => compareScalars(a, b) > 0);
    case '>=':
      return anyPair(left, right, (a, b) => compareScalars(a, b) >= 0);
    default:
      return arithmetic(op, left, right);
  }
}

const likeCache = new Map<string, Matcher>();

function like(expr: EvalLike, env: Env): Value {
  const value = env.evaluate(expr.value);
  const pattern = single(env.evaluate(expr.pattern));
  if (value === undefined || pattern === undefined) return undefined;
  const key = text(pattern);
  let matcher = likeCache.get(key);
  if (!matcher) {
    matcher = likeMatcher(key);
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(key, matcher);
  }
  return valuesOf(value).some((v) => (matcher as Matcher)(text(v)));
}

function evaluateIn(row: Row, ctx: EvalContext, expr: EvalExpression): Value {
  const env: Env = {
    row,
    ctx,
    evaluate: (inner, otherRow) => evaluateIn(otherRow ?? row, ctx, inner),
  };
  switch (expr.kind) {
    case 'fieldRef':
      return row.get(expr.name);
    case 'string':
      return expr.value;
    case 'number':
      return expr.value;
    case 'binary':
      return binary(expr, env);
    case 'unary': {
      const operand = env.evaluate(expr.operand);
      if (expr.operator === 'NOT') {
        const b = toBoolean(operand);
        return b === undefined ? undefined : !b;
      }
      const scalar = single(operand);
      const n = scalar === undefined ? undefined : toNumber(scalar);
      if (n === undefined) return undefined;
      return expr.operator === '-' ? -n : n;
    }
    case 'evalIn': {
      const value = env.evaluate(expr.value);
      if (value === undefined) return undefined;
      return expr.list.some((candidate) => anyPair(value, env.evaluate(candidate), scalarsEqual) === true);
    }
    case 'like':
      return like(expr, env);
    case 'call': {
      const spec = evalFunctions.get(expr.name.toLowerCase());
      if (!spec || expr.args.length < spec.minArgs || expr.args.length > spec.maxArgs) return undefined;
      if ('lazy' in spec) return spec.lazy(expr.args, env);
      const args = expr.args.map((arg) => env.evaluate(arg));
      if (!spec.acceptsNull && args.some((arg) => arg === undefined)) return undefined;
      return spec.apply(args, env);
    }
    case 'macro':
      return undefined;
  }
}

/**
 * Evaluates an eval expression against a row. undefined is null: Splunk's failed evaluation, which
 * leaves the target field unset. Never throws on any input.
 */
export function evaluate(expr: EvalExpression, row: Row, ctx: EvalContext): FieldValue | undefined {
  return evaluateIn(row, ctx, expr);
}
