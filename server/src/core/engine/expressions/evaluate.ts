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

function anyPair(
  left: Value,
  right: Value,
  test: (a: Scalar, b: Scalar) => boolean,
): boolean | undefined {
  if (left === undefined || right === undefined) return undefined;
  for (const a of valuesOf(left)) for (const b of valuesOf(right)) if (test(a, b)) return true;
  return false;
}

function logical(expr: EvalBinary, env: Env): Value {
  const left = toBoolean(env.evaluate(expr.left));
  if (expr.operator === 'AND' && left === false) return false;
  if (expr.operator === 'OR' && left === true) return true;
  const right = toBoolean(env.evaluate(expr.right));
  if (expr.operator === 'AND' && right === false) return false;
  if (expr.operator === 'OR' && right === true) return true;
  if (left === undefined || right === undefined) return undefined;
  return expr.operator === 'XOR' ? left !== right : expr.operator === 'AND';
}

// Comparators defined once: closures created per evaluation would cost an allocation each.
const less = (a: Scalar, b: Scalar): boolean => compareScalars(a, b) < 0;
const lessOrEqual = (a: Scalar, b: Scalar): boolean => compareScalars(a, b) <= 0;
const greater = (a: Scalar, b: Scalar): boolean => compareScalars(a, b) > 0;
const greaterOrEqual = (a: Scalar, b: Scalar): boolean => compareScalars(a, b) >= 0;

function concatText(value: Scalar): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? formatNumber(value) : text(value);
}

function arithmetic(operator: string, left: Value, right: Value): Value {
  const a = single(left);
  const b = single(right);
  if (a === undefined || b === undefined) return undefined;
  if (operator === '.') return concatText(a) + concatText(b);
  const x = toNumber(a);
  const y = toNumber(b);
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
  if (op === 'AND' || op === 'OR' || op === 'XOR') return logical(expr, env);
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
      return anyPair(left, right, less);
    case '<=':
      return anyPair(left, right, lessOrEqual);
    case '>':
      return anyPair(left, right, greater);
    case '>=':
      return anyPair(left, right, greaterOrEqual);
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

/** One environment per row evaluated, shared by every node of the expression. */
class Environment implements Env {
  constructor(
    readonly row: Row,
    readonly ctx: EvalContext,
  ) {}

  evaluate(expr: EvalExpression, otherRow?: Row): Value {
    return evaluateIn(otherRow === undefined ? this : new Environment(otherRow, this.ctx), expr);
  }
}

function evaluateIn(env: Env, expr: EvalExpression): Value {
  switch (expr.kind) {
    case 'fieldRef':
      return env.row.get(expr.name);
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
      return expr.list.some(
        (candidate) => anyPair(value, env.evaluate(candidate), scalarsEqual) === true,
      );
    }
    case 'like':
      return like(expr, env);
    case 'call': {
      const spec = evalFunctions.get(expr.name.toLowerCase());
      if (!spec || expr.args.length < spec.minArgs || expr.args.length > spec.maxArgs)
        return undefined;
      if ('lazy' in spec) return spec.lazy(expr.args, env);
      const args: Value[] = [];
      for (const arg of expr.args) {
        const value = env.evaluate(arg);
        if (value === undefined && !spec.acceptsNull) return undefined;
        args.push(value);
      }
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
  return evaluateIn(new Environment(row, ctx), expr);
}
