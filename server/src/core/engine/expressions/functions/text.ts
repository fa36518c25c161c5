/** Text functions: len, case, trimming, substr, replace, split, match, like, urldecode. */
import { valuesOf, type Scalar } from '../../value';
import { boundedRegexInput, compileUserRegex } from '../../regex';
import { fromList } from '../coerce';
import type { FunctionSpec, Value } from '../context';
import { likeMatcher } from '../wildcard';
import { mapText, num, str } from './args';

function trimChars(text: string, chars: string | undefined, start: boolean, end: boolean): string {
  const set = chars ?? ' \t\n\r\f\v';
  let from = 0;
  let to = text.length;
  if (start) while (from < to && set.includes(text[from] as string)) from++;
  if (end) while (to > from && set.includes(text[to - 1] as string)) to--;
  return text.slice(from, to);
}

function trimmer(start: boolean, end: boolean): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: 2,
    apply: ([value, chars]) => {
      const set = chars === undefined ? undefined : str(chars);
      return mapText(value, (t) => trimChars(t, set, start, end));
    },
  };
}

/** `substr("string", -3)` counts from the end; a start of 0 is read as 1. */
function substr(text: string, start: number, length: number | undefined): string | undefined {
  const from = start < 0 ? Math.max(0, text.length + start) : Math.max(0, start - 1);
  if (length !== undefined && length < 0) return undefined;
  return text.slice(from, length === undefined ? undefined : from + length);
}

/** PCRE replacement text: `\1` is a group, and a JS `$` must not be special. */
function jsReplacement(replacement: string): string {
  return replacement
    .replace(/\$/g, '$$$$')
    .replace(/\\(\d)|\\\\/g, (_match, group: string | undefined) => (group ? `$${group}` : '\\'));
}

function replace(text: string, pattern: string, replacement: string): string | undefined {
  const compiled = compileUserRegex(pattern, 'g');
  if ('error' in compiled) return undefined;
  compiled.regex.lastIndex = 0;
  return boundedRegexInput(text).replace(compiled.regex, jsReplacement(replacement));
}

export function regexMatches(value: Value, pattern: string): boolean | undefined {
  const compiled = compileUserRegex(pattern);
  if ('error' in compiled) return undefined;
  for (const v of valuesOf(value)) {
    if (compiled.regex.test(boundedRegexInput(typeof v === 'string' ? v : String(v)))) return true;
  }
  return false;
}

const toLower = (t: string): string => t.toLowerCase();
const toUpper = (t: string): string => t.toUpperCase();

function urldecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Invalid sequences stay as written; the valid ones around them are still decoded.
    return spaced.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export const textFunctions: Record<string, FunctionSpec> = {
  len: { minArgs: 1, maxArgs: 1, apply: ([v]) => str(v)?.length },
  lower: { minArgs: 1, maxArgs: 1, apply: ([v]) => mapText(v, toLower) },
  upper: { minArgs: 1, maxArgs: 1, apply: ([v]) => mapText(v, toUpper) },
  trim: trimmer(true, true),
  ltrim: trimmer(true, false),
  rtrim: trimmer(false, true),
  substr: {
    minArgs: 2,
    maxArgs: 3,
    apply: ([v, start, length]) => {
      const text = str(v);
      const from = num(start);
      const count = length === undefined ? undefined : num(length);
      if (text === undefined || from === undefined || (length !== undefined && count === undefined))
        return undefined;
      return substr(text, Math.trunc(from), count === undefined ? undefined : Math.trunc(count));
    },
  },
  replace: {
    minArgs: 3,
    maxArgs: 3,
    apply: ([v, pattern, replacement]) => {
      const p = str(pattern);
      const r = str(replacement);
      if (p === undefined || r === undefined) return undefined;
      return mapText(v, (t) => replace(t, p, r));
    },
  },
  split: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([v, delimiter]) => {
      const text = str(v);
      const d = str(delimiter);
      if (text === undefined || d === undefined) return undefined;
      return fromList(d === '' ? [...text] : text.split(d));
    },
  },
  match: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([v, pattern]) => {
      const p = str(pattern);
      return p === undefined ? undefined : regexMatches(v, p);
    },
  },
  like: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([v, pattern]) => {
      const p = str(pattern);
      if (p === undefined) return undefined;
      const matcher = likeMatcher(p);
      return valuesOf(v).some((s: Scalar) => matcher(String(s)));
    },
  },
  urldecode: { minArgs: 1, maxArgs: 1, apply: ([v]) => mapText(v, urldecode) },
};
