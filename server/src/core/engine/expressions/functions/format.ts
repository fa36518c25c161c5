/** Conversions between numbers and text: tostring, tonumber, printf. */
import { formatNumber, single, toNumber } from '../coerce';
import type { FunctionSpec, Value } from '../context';
import { num, str } from './args';

function withCommas(value: number): string {
  // Splunk's "commas" keeps at most two decimals.
  const rounded = Math.round(value * 100) / 100;
  const [whole, fraction] = formatNumber(Math.abs(rounded)).split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

function duration(seconds: number): string {
  const total = Math.trunc(seconds);
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const days = Math.floor(abs / 86_400);
  const hh = String(Math.floor((abs % 86_400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  const ss = String(abs % 60).padStart(2, '0');
  return `${sign}${days > 0 ? `${days}+` : ''}${hh}:${mm}:${ss}`;
}

function tostring(value: Value, format: string | undefined): Value {
  const scalar = single(value);
  if (scalar === undefined) return undefined;
  if (format === undefined)
    return typeof scalar === 'number' ? formatNumber(scalar) : String(scalar);
  const n = toNumber(scalar);
  if (n === undefined) return undefined;
  switch (format.toLowerCase()) {
    case 'hex':
      return `0x${Math.trunc(n).toString(16).toUpperCase()}`;
    case 'commas':
      return withCommas(n);
    case 'duration':
      return duration(n);
    default:
      return undefined;
  }
}

function tonumber(value: Value, base: Value): Value {
  const text = str(value)?.trim();
  if (text === undefined) return undefined;
  if (base === undefined) return toNumber(text);
  const radix = num(base);
  if (radix === undefined || !Number.isInteger(radix) || radix < 2 || radix > 36) return undefined;
  const digits = radix === 16 ? text.replace(/^0x/i, '') : text;
  const valid = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  const body = digits.replace(/^[+-]/, '').toLowerCase();
  if (body === '' || [...body].some((c) => !valid.includes(c))) return undefined;
  return parseInt(digits, radix);
}

const SPEC = /%([-+ 0#']*)(\d+|\*)?(?:\.(\d+|\*))?([diouxXeEfFgGsc%])/g;

/** C-style printf: flags `-+ 0#'`, width and precision (also `*`), conversions d i o u x X e f g s c. */
function printf(format: string, args: readonly Value[]): string {
  let next = 0;
  const take = (): Value => args[next++];
  return format.replace(
    SPEC,
    (
      _whole,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conversion: string,
    ) => {
      if (conversion === '%') return '%';
      const w = width === '*' ? (num(take()) ?? 0) : width === undefined ? 0 : Number(width);
      const p =
        precision === '*' ? num(take()) : precision === undefined ? undefined : Number(precision);
      const arg = take();
      let body: string;
      const n = num(arg) ?? 0;
      switch (conversion) {
        case 'd':
        case 'i':
        case 'u':
          body = String(Math.trunc(Math.abs(n)));
          if (flags.includes("'")) body = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          break;
        case 'o':
          body = Math.trunc(Math.abs(n)).toString(8);
          break;
        case 'x':
        case 'X':
          body = Math.trunc(Math.abs(n)).toString(16);
          if (flags.includes('#') && n !== 0) body = `0x${body}`;
          if (conversion === 'X') body = body.toUpperCase();
          break;
        case 'e':
        case 'E':
          body = Math.abs(n)
            .toExponential(p ?? 6)
            .replace(/e([+-])(\d)$/, 'e$10$2');
          if (conversion === 'E') body = body.toUpperCase();
          break;
        case 'f':
        case 'F':
          body = Math.abs(n).toFixed(p ?? 6);
          break;
        case 'g':
        case 'G':
          body = String(Number(Math.abs(n).toPrecision(p === 0 ? 1 : (p ?? 6))));
          break;
        case 'c':
          body = (str(arg) ?? '').slice(0, 1);
          break;
        default:
          body = str(arg) ?? '';
          if (p !== undefined) body = body.slice(0, p);
      }
      const numeric = !'sc'.includes(conversion);
      const sign =
        numeric && n < 0
          ? '-'
          : numeric && flags.includes('+')
            ? '+'
            : numeric && flags.includes(' ')
              ? ' '
              : '';
      if (flags.includes('-')) return (sign + body).padEnd(w);
      if (numeric && flags.includes('0')) return sign + body.padStart(w - sign.length, '0');
      return (sign + body).padStart(w);
    },
  );
}

export const formatFunctions: Record<string, FunctionSpec> = {
  tostring: {
    minArgs: 1,
    maxArgs: 2,
    apply: ([value, format]) => tostring(value, format === undefined ? undefined : str(format)),
  },
  tonumber: { minArgs: 1, maxArgs: 2, apply: ([value, base]) => tonumber(value, base) },
  printf: {
    minArgs: 1,
    maxArgs: Infinity,
    acceptsNull: true,
    apply: ([format, ...args]) => {
      const f = str(format);
      return f === undefined ? undefined : printf(f, args);
    },
  },
};
