/** Conditionals and type tests: the functions that exist to handle null. */
import type { EvalExpression } from '../../../syntax/ast';
import { isMultivalue, valuesOf } from '../../value';
import { single, toNumber } from '../coerce';
import type { Env, FunctionSpec, Value } from '../context';
import { str } from './args';

/** A condition is met only when it is true; null and false are both "not met". */
function met(value: Value): boolean {
  const scalar = single(value);
  if (typeof scalar === 'boolean') return scalar;
  if (typeof scalar === 'number') return scalar !== 0;
  return typeof scalar === 'string' && scalar.toLowerCase() === 'true';
}

function ifFunction([condition, then, otherwise]: readonly EvalExpression[], env: Env): Value {
  if (condition === undefined || then === undefined || otherwise === undefined) return undefined;
  return env.evaluate(met(env.evaluate(condition)) ? then : otherwise);
}

/** case(c1, v1, c2, v2, ...): the value of the first met condition; none met is null. */
function caseFunction(args: readonly EvalExpression[], env: Env): Value {
  for (let i = 0; i + 1 < args.length; i += 2) {
    if (met(env.evaluate(args[i] as EvalExpression)))
      return env.evaluate(args[i + 1] as EvalExpression);
  }
  return undefined;
}

function coalesce(args: readonly EvalExpression[], env: Env): Value {
  for (const arg of args) {
    const value = env.evaluate(arg);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** validate(c1, msg1, ...): the message of the first condition that is not met; all met is null. */
function validate(args: readonly EvalExpression[], env: Env): Value {
  for (let i = 0; i + 1 < args.length; i += 2) {
    if (!met(env.evaluate(args[i] as EvalExpression)))
      return env.evaluate(args[i + 1] as EvalExpression);
  }
  return undefined;
}

function typeOf(value: Value): string {
  if (value === undefined) return 'Invalid';
  if (isMultivalue(value)) return 'Multivalue';
  const scalar = value;
  if (typeof scalar === 'boolean') return 'Boolean';
  return toNumber(scalar) !== undefined ? 'Number' : 'String';
}

function test(predicate: (value: Value) => boolean): FunctionSpec {
  return { minArgs: 1, maxArgs: 1, acceptsNull: true, apply: ([v]) => predicate(v) };
}

const constant = (value: Value): FunctionSpec => ({
  minArgs: 0,
  maxArgs: 0,
  acceptsNull: true,
  apply: () => value,
});

export const conditionalFunctions: Record<string, FunctionSpec> = {
  if: { minArgs: 3, maxArgs: 3, lazy: ifFunction },
  case: { minArgs: 2, maxArgs: Infinity, lazy: caseFunction },
  coalesce: { minArgs: 1, maxArgs: Infinity, lazy: coalesce },
  ifnull: { minArgs: 2, maxArgs: 2, lazy: coalesce },
  validate: { minArgs: 2, maxArgs: Infinity, lazy: validate },
  nullif: {
    minArgs: 2,
    maxArgs: 2,
    acceptsNull: true,
    apply: ([a, b]) => (a !== undefined && b !== undefined && str(a) === str(b) ? undefined : a),
  },
  null: constant(undefined),
  true: constant(true),
  false: constant(false),
  in: {
    minArgs: 2,
    maxArgs: Infinity,
    acceptsNull: true,
    apply: ([value, ...candidates]) => {
      if (value === undefined) return undefined;
      const wanted = new Set(candidates.flatMap((c) => valuesOf(c)).map((c) => str(c)));
      return valuesOf(value).some((v) => wanted.has(str(v)));
    },
  },
  isnull: test((v) => v === undefined),
  isnotnull: test((v) => v !== undefined),
  isnum: test((v) => {
    const s = single(v);
    return s !== undefined && typeof s !== 'boolean' && toNumber(s) !== undefined;
  }),
  isint: test((v) => {
    const s = single(v);
    const n = s === undefined || typeof s === 'boolean' ? undefined : toNumber(s);
    return n !== undefined && Number.isInteger(n);
  }),
  isstr: test((v) => {
    const s = single(v);
    return typeof s === 'string' && toNumber(s) === undefined;
  }),
  isbool: test((v) => typeof single(v) === 'boolean'),
  ismv: test((v) => isMultivalue(v) && v.length > 1),
  typeof: { minArgs: 1, maxArgs: 1, acceptsNull: true, apply: ([v]) => typeOf(v) },
};
