/**
 * strptime with Splunk's variables. Like C's strptime it reads the format from the start of the
 * text and ignores text left over after the format ends; any mismatch gives undefined (null).
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from './strftime';
import { fromWallTime, wallAsUtcSeconds, type WallTime } from './zone';

interface Parsed {
  year?: number;
  century?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  fraction?: number;
  offsetSeconds?: number;
  epoch?: number;
}

class Cursor {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}

  number(maxDigits: number, allowSign = false): number | undefined {
    const start = this.at;
    if (allowSign && (this.text[this.at] === '-' || this.text[this.at] === '+')) this.at++;
    const digitsStart = this.at;
    while (this.at - digitsStart < maxDigits && /[0-9]/.test(this.text[this.at] ?? '')) this.at++;
    if (this.at === digitsStart) {
      this.at = start;
      return undefined;
    }
    return Number(this.text.slice(start, this.at));
  }

  /** Day/hour fields may be space-padded (`%e`), so leading blanks are skipped before numbers. */
  paddedNumber(maxDigits: number): number | undefined {
    while (this.text[this.at] === ' ') this.at++;
    return this.number(maxDigits);
  }

  name(names: readonly string[]): number | undefined {
    const rest = this.text.slice(this.at).toLowerCase();
    for (let i = 0; i < names.length; i++) {
      const full = (names[i] as string).toLowerCase();
      for (const candidate of [full, full.slice(0, 3)]) {
        if (rest.startsWith(candidate)) {
          this.at += candidate.length;
          return i;
        }
      }
    }
    return undefined;
  }
}

const COMPOSITES: Record<string, string> = {
  T: '%H:%M:%S',
  R: '%H:%M',
  F: '%Y-%m-%d',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  X: '%H:%M:%S',
  r: '%I:%M:%S %p',
  c: '%a %b %e %H:%M:%S %Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

function parseOffset(cursor: Cursor): number | undefined {
  const text = cursor.text.slice(cursor.at);
  if (/^[zZ]/.test(text)) {
    cursor.at += 1;
    return 0;
  }
  const match = /^([+-])(\d{2}):?(\d{2})?/.exec(text);
  if (!match) return undefined;
  cursor.at += match[0].length;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function parseZoneName(cursor: Cursor): number | undefined | 'ignored' {
  const match = /^[A-Za-z][A-Za-z_/+-]*/.exec(cursor.text.slice(cursor.at));
  if (!match) return undefined;
  cursor.at += match[0].length;
  return /^(UTC|GMT|Z)$/i.test(match[0]) ? 0 : 'ignored';
}

/** Reads one variable into `parsed`; false on mismatch. */
function readVariable(letter: string, digits: string, cursor: Cursor, parsed: Parsed): boolean {
  const set = <K extends keyof Parsed>(key: K, value: Parsed[K] | undefined): boolean => {
    if (value === undefined) return false;
    parsed[key] = value;
    return true;
  };
  switch (letter) {
    case 'Y':
      return set('year', cursor.number(4, true));
    case 'y': {
      const year = cursor.number(2);
      return set('year', year === undefined ? undefined : year < 69 ? 2000 + year : 1900 + year);
    }
    case 'C':
      return set('century', cursor.number(2));
    case 'm':
      return set('month', cursor.paddedNumber(2));
    case 'd':
    case 'e':
      return set('day', cursor.paddedNumber(2));
    case 'j':
      return set('dayOfYear', cursor.paddedNumber(3));
    case 'H':
    case 'k':
      return set('hour', cursor.paddedNumber(2));
    case 'I':
    case 'l':
      return set('hour12', cursor.paddedNumber(2));
    case 'M':
      return set('minute', cursor.paddedNumber(2));
    case 'S':
      return set('second', cursor.paddedNumber(2));
    case 'p': {
      const text = cursor.text.slice(cursor.at, cursor.at + 2).toUpperCase();
      if (text !== 'AM' && text !== 'PM') return false;
      cursor.at += 2;
      parsed.pm = text === 'PM';
      return true;
    }
    case 'b':
    case 'h':
    case 'B': {
      const month = cursor.name(MONTH_NAMES);
      return set('month', month === undefined ? undefined : month + 1);
    }
    case 'a':
    case 'A':
      return cursor.name(WEEKDAY_NAMES) !== undefined;
    case 's':
      return set('epoch', cursor.number(12, true));
    case 'N':
    case 'Q': {
      const start = cursor.at;
      const value = cursor.number(digits === '' ? 9 : Number(digits));
      return set('fraction', value === undefined ? undefined : value / 10 ** (cursor.at - start));
    }
    case 'z':
      return set('offsetSeconds', parseOffset(cursor));
    case 'Z': {
      const zone = parseZoneName(cursor);
      if (zone === undefined) return false;
      if (zone !== 'ignored') parsed.offsetSeconds = zone;
      return true;
    }
    case '%':
      if (cursor.text[cursor.at] !== '%') return false;
      cursor.at++;
      return true;
    case 'n':
    case 't':
      while (/\s/.test(cursor.text[cursor.at] ?? '')) cursor.at++;
      return true;
    default:
      return false;
  }
}

function readFormat(format: string, cursor: Cursor, parsed: Parsed): boolean {
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '%' && i + 1 < format.length) {
      let j = i + 1;
      let digits = '';
      while (/[0-9]/.test(format[j] ?? '')) digits += format[j++];
      const letter = format[j] ?? '';
      i = j;
      if (letter === ':' && format[j + 1] === 'z') {
        i++;
        if (!readVariable('z', '', cursor, parsed)) return false;
        continue;
      }
      const composite = COMPOSITES[letter];
      const ok =
        composite !== undefined
          ? readFormat(composite, cursor, parsed)
          : readVariable(letter, digits, cursor, parsed);
      if (!ok) return false;
    } else if (/\s/.test(ch)) {
      while (/\s/.test(cursor.text[cursor.at] ?? '')) cursor.at++;
    } else {
      if (cursor.text[cursor.at] !== ch) return false;
      cursor.at++;
    }
  }
  return true;
}

function wallTimeOf(parsed: Parsed): WallTime | undefined {
  let year = parsed.year ?? 1970;
  if (parsed.century !== undefined) year = parsed.century * 100 + ((parsed.year ?? 0) % 100);
  let hour = parsed.hour ?? 0;
  if (parsed.hour12 !== undefined) hour = (parsed.hour12 % 12) + (parsed.pm ? 12 : 0);
  else if (parsed.pm && hour < 12) hour += 12;
  let month = parsed.month ?? 1;
  let day = parsed.day ?? 1;
  if (parsed.dayOfYear !== undefined && parsed.month === undefined) {
    month = 1;
    day = parsed.dayOfYear;
  }
  const wall = {
    year,
    month,
    day,
    hour,
    minute: parsed.minute ?? 0,
    second: parsed.second ?? 0,
    fraction: parsed.fraction ?? 0,
  };
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (parsed.dayOfYear !== undefined ? 366 : 31) &&
    hour <= 23 &&
    wall.minute <= 59 &&
    wall.second <= 60;
  return valid ? wall : undefined;
}

/** Parses `text` with `format` in `timezone` (unless the text carries an offset); epoch seconds. */
export function strptime(text: string, format: string, timezone: string): number | undefined {
  const parsed: Parsed = {};
  if (!readFormat(format, new Cursor(text), parsed)) return undefined;
  if (parsed.epoch !== undefined) return parsed.epoch + (parsed.fraction ?? 0);
  const wall = wallTimeOf(parsed);
  if (!wall) return undefined;
  if (parsed.offsetSeconds !== undefined) {
    return wallAsUtcSeconds(wall) - parsed.offsetSeconds;
  }
  return fromWallTime(wall, timezone);
}
