/**
 * The `convert` command's functions. Each takes a field's text and gives the converted value, or
 * undefined when it cannot convert (the caller decides: `auto` keeps the original, others drop it).
 */
import { strftime, strptime } from '../time';
import type { FieldValue } from '../value';
import { toNumber } from './coerce';

/** spl-semantics.md "Transforming and other commands": convert's default timeformat. */
export const CONVERT_DEFAULT_TIMEFORMAT = '%m/%d/%Y %H:%M:%S';

type ConvertFunction = (
  value: string,
  timeformat: string,
  timezone: string,
) => FieldValue | undefined;

/** `[D+]HH:MM:SS` to seconds. */
function dur2sec(value: string): number | undefined {
  const match = /^\s*(?:(\d+)\+)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$/.exec(value);
  if (!match) return toNumber(value);
  return (
    Number(match[1] ?? 0) * 86_400 +
    Number(match[2]) * 3600 +
    Number(match[3]) * 60 +
    Number(match[4])
  );
}

/** `[MM:]SS.SSS` to seconds. */
function mstime(value: string): number | undefined {
  const match = /^\s*(?:(\d+):)?(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2]);
}

/** `10k`, `3m`, `2g` (or a plain number of kilobytes) to kilobytes. */
function memk(value: string): number | undefined {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*([kmg])?b?\s*$/i.exec(value);
  if (!match) return undefined;
  const factor = { k: 1, m: 1024, g: 1024 * 1024 }[
    (match[2] ?? 'k').toLowerCase() as 'k' | 'm' | 'g'
  ];
  return Number(match[1]) * factor;
}

/** The leading number of `123 KB`-like text. */
function rmunit(value: string): number | undefined {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

export const convertFunctions: Record<string, ConvertFunction> = {
  ctime: (value, timeformat, timezone) => {
    const epoch = toNumber(value);
    return epoch === undefined ? undefined : strftime(epoch, timeformat, timezone);
  },
  mktime: (value, timeformat, timezone) => strptime(value, timeformat, timezone),
  dur2sec: (value) => dur2sec(value),
  mstime: (value) => mstime(value),
  memk: (value) => memk(value),
  rmcomma: (value) => toNumber(value.replace(/,/g, '')),
  rmunit: (value) => rmunit(value),
  num: (value) => toNumber(value) ?? memk(value) ?? dur2sec(value),
  auto: (value) => toNumber(value) ?? memk(value) ?? dur2sec(value) ?? value,
  none: (value) => value,
};
