/** Numeric functions. A non-numeric argument or a non-finite result gives null. */
import type { EvalExpression } from '../../../syntax/ast';
import { valuesOf, type Scalar } from '../../value';
import { toNumber } from '../coerce';
import type { Env, FunctionSpec, Value } from '../context';
import { finite, num } from './args';

function unary(fn: (x: number) => number): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v]) => {
      const x = num(v);
      return x === undefined ? undefined : finite(fn(x));
    },
  };
}

function binaryMath(fn: (x: number, y: number) => number): FunctionSpec {
  return {
    minArgs: 2,
    maxArgs: 2,
    apply: ([a, b]) => {
      const x = num(a);
      const y = num(b);
      return x === undefined || y === undefined ? undefined : finite(fn(x, y));
    },
  };
}

/** Rounds half away from zero at `digits` decimals, through the decimal text to avoid 1.005 -> 1.00. */
function round(x: number, digits: number): number {
  const sign = x < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(x)}e${digits}`));
  return sign * Number(`${shifted}e${-digits}`);
}

function bitwise(fn: (a: bigint, b: bigint) => bigint): FunctionSpec {
  return {
    minArgs: 2,
    maxArgs: Infinity,
    apply: (args) => {
      const numbers = args.map(num);
      if (numbers.some((n) => n === undefined || !Number.isInteger(n))) return undefined;
      return Number((numbers as number[]).map(BigInt).reduce(fn));
    },
  };
}

/** eval's min/max: numbers compare numerically, text lexicographically, and text ranks above numbers. */
function extreme(sign: 1 | -1): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: Infinity,
    apply: (args) => {
      let best: Scalar | undefined;
      const rank = (s: Scalar): [number, number | string] => {
        const n = toNumber(s);
        return n === undefined ? [1, String(s)] : [0, n];
      };
      for (const value of args.flatMap((a) => valuesOf(a))) {
        if (best === undefined) {
          best = value;
          continue;
        }
        const [ra, va] = rank(value);
        const [rb, vb] = rank(best);
        const cmp = ra !== rb ? ra - rb : va < vb ? -1 : va > vb ? 1 : 0;
        if (cmp * sign > 0) best = value;
      }
      return best === undefined ? undefined : (toNumber(best) ?? best);
    },
  };
}

/** Integer operands and a shift within 64 bits (a huge shift would build a huge BigInt). */
function isShift(x: number, y: number): boolean {
  return Number.isInteger(x) && Number.isInteger(y) && y >= 0 && y <= 64;
}

function numbersOf(args: readonly Value[]): number[] | undefined {
  const numbers = args.flatMap((a) => valuesOf(a)).map(toNumber);
  return numbers.some((n) => n === undefined) ? undefined : (numbers as number[]);
}

function significantDigits(raw: string): number {
  const digits = raw.replace(/^[+-]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  return Math.max(1, digits.length);
}

function decimals(raw: string): number {
  return raw.includes('.') ? (raw.split('.')[1] as string).length : 0;
}

/**
 * sigfig(x * y) keeps as many significant figures as the least precise operand (for * and /),
 * or as many decimals as the least precise operand (for + and -), reading the operands' text.
 */
function sigfig([arg]: readonly EvalExpression[], env: Env): Value {
  if (arg === undefined) return undefined;
  const value = num(env.evaluate(arg));
  if (value === undefined) return undefined;
  if (arg.kind !== 'binary' || !'*/+-'.includes(arg.operator)) return value;
  const operands = [arg.left, arg.right].map((e) => {
    const v = env.evaluate(e);
    return e.kind === 'number' ? e.raw : typeof v === 'string' ? v.trim() : String(num(v));
  });
  if (arg.operator === '*' || arg.operator === '/') {
    return Number(value.toPrecision(Math.min(...operands.map(significantDigits))));
  }
  return round(value, Math.min(...operands.map(decimals)));
}

export const mathFunctions: Record<string, FunctionSpec> = {
  abs: unary(Math.abs),
  ceil: unary(Math.ceil),
  ceiling: unary(Math.ceil),
  floor: unary(Math.floor),
  sqrt: unary(Math.sqrt),
  exp: unary(Math.exp),
  ln: unary(Math.log),
  sin: unary(Math.sin),
  cos: unary(Math.cos),
  tan: unary(Math.tan),
  asin: unary(Math.asin),
  acos: unary(Math.acos),
  atan: unary(Math.atan),
  sinh: unary(Math.sinh),
  cosh: unary(Math.cosh),
  tanh: unary(Math.tanh),
  asinh: unary(Math.asinh),
  acosh: unary(Math.acosh),
  atanh: unary(Math.atanh),
  atan2: binaryMath(Math.atan2),
  hypot: binaryMath(Math.hypot),
  pow: binaryMath(Math.pow),
  log: {
    minArgs: 1,
    maxArgs: 2,
    apply: ([v, base]) => {
      const x = num(v);
      const b = base === undefined ? 10 : num(base);
      return x === undefined || b === undefined ? undefined : finite(Math.log(x) / Math.log(b));
    },
  },
  round: {
    minArgs: 1,
    maxArgs: 2,
    apply: ([v, digits]) => {
      const x = num(v);
      const d = digits === undefined ? 0 : num(digits);
      return x === undefined || d === undefined ? undefined : finite(round(x, Math.trunc(d)));
    },
  },
  pi: { minArgs: 0, maxArgs: 0, apply: () => Math.PI },
  exact: { minArgs: 1, maxArgs: 1, apply: ([v]) => num(v) },
  sigfig: { minArgs: 1, maxArgs: 1, lazy: sigfig },
  random: { minArgs: 0, maxArgs: 0, apply: () => Math.floor(Math.random() * 2 ** 31) },
  min: extreme(-1),
  max: extreme(1),
  sum: {
    minArgs: 1,
    maxArgs: Infinity,
    apply: (args) => numbersOf(args)?.reduce((a, b) => a + b, 0),
  },
  avg: {
    minArgs: 1,
    maxArgs: Infinity,
    apply: (args) => {
      const numbers = numbersOf(args);
      return numbers && numbers.length > 0
        ? numbers.reduce((a, b) => a + b, 0) / numbers.length
        : undefined;
    },
  },
  bit_and: bitwise((a, b) => a & b),
  bit_or: bitwise((a, b) => a | b),
  bit_xor: bitwise((a, b) => a ^ b),
  bit_not: {
    minArgs: 1,
    maxArgs: 2,
    apply: ([v, width]) => {
      const x = num(v);
      const bits = width === undefined ? 32 : num(width);
      if (x === undefined || bits === undefined || !Number.isInteger(x) || !isShift(0, bits))
        return undefined;
      const mask = (1n << BigInt(bits)) - 1n;
      return Number(~BigInt(x) & mask);
    },
  },
  bit_shift_left: binaryMath((x, y) => (isShift(x, y) ? Number(BigInt(x) << BigInt(y)) : NaN)),
  bit_shift_right: binaryMath((x, y) => (isShift(x, y) ? Number(BigInt(x) >> BigInt(y)) : NaN)),
};
