/**
 * strftime with Splunk's variables. Implemented by hand rather than through Intl because Intl
 * cannot produce most of the variables and is slow per call; only the zone offset comes from Intl.
 */
import { toWallTime, zoneAbbreviation, zoneOffsetSeconds, type WallTime } from './zone';

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad(value: number, width: number, fill = '0'): string {
  return String(value).padStart(width, fill);
}

function weekday(wall: WallTime): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}

function dayOfYear(wall: WallTime): number {
  return (
    (Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(wall.year, 0, 1)) / 86_400_000 + 1
  );
}

/** ISO 8601 week number and week-based year. */
function isoWeek(wall: WallTime): { week: number; year: number } {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  const isoDay = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - isoDay + 3);
  const year = date.getUTCFullYear();
  const firstWeekAnchor = new Date(Date.UTC(year, 0, 4));
  const daysSinceAnchor = (date.getTime() - firstWeekAnchor.getTime()) / 86_400_000;
  const week = 1 + Math.round((daysSinceAnchor - 3 + ((firstWeekAnchor.getUTCDay() + 6) % 7)) / 7);
  return { week, year };
}

function formatOffset(offsetSeconds: number, separator: string): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetSeconds / 60));
  return `${sign}${pad(Math.floor(minutes / 60), 2)}${separator}${pad(minutes % 60, 2)}`;
}

/**
 * Sub-second digits, truncated (not rounded) as Splunk does. An epoch double holds about a
 * microsecond of precision, so the fraction is taken to microseconds first: digits beyond that
 * would be float noise.
 */
function subseconds(fraction: number, digits: number): string {
  const micros = Math.min(999_999, Math.round(fraction * 1e6));
  const scaled =
    digits <= 6 ? Math.floor(micros / 10 ** (6 - digits)) : micros * 10 ** (digits - 6);
  return pad(scaled, digits);
}

interface Instant {
  readonly epoch: number;
  readonly wall: WallTime;
  readonly timezone: string;
}

function hour12(hour: number): number {
  return hour % 12 === 0 ? 12 : hour % 12;
}

function variable(letter: string, t: Instant): string | undefined {
  const w = t.wall;
  switch (letter) {
    case 'Y':
      return String(w.year);
    case 'y':
      return pad(w.year % 100, 2);
    case 'C':
      return pad(Math.floor(w.year / 100), 2);
    case 'm':
      return pad(w.month, 2);
    case 'd':
      return pad(w.day, 2);
    case 'e':
      return pad(w.day, 2, ' ');
    case 'H':
      return pad(w.hour, 2);
    case 'k':
      return pad(w.hour, 2, ' ');
    case 'I':
      return pad(hour12(w.hour), 2);
    case 'l':
      return pad(hour12(w.hour), 2, ' ');
    case 'M':
      return pad(w.minute, 2);
    case 'S':
      return pad(w.second, 2);
    case 'p':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'a':
      return (WEEKDAY_NAMES[weekday(w)] as string).slice(0, 3);
    case 'A':
      return WEEKDAY_NAMES[weekday(w)];
    case 'b':
    case 'h':
      return (MONTH_NAMES[w.month - 1] as string).slice(0, 3);
    case 'B':
      return MONTH_NAMES[w.month - 1];
    case 'j':
      return pad(dayOfYear(w), 3);
    case 'w':
      return String(weekday(w));
    case 'u':
      return String(weekday(w) === 0 ? 7 : weekday(w));
    case 'U':
      return pad(Math.floor((dayOfYear(w) + 6 - weekday(w)) / 7), 2);
    case 'W':
      return pad(Math.floor((dayOfYear(w) + 6 - ((weekday(w) + 6) % 7)) / 7), 2);
    case 'V':
      return pad(isoWeek(w).week, 2);
    case 'G':
      return String(isoWeek(w).year);
    case 's':
      return String(Math.floor(t.epoch));
    case 'Q':
      return subseconds(w.fraction, 3);
    case 'N':
      return subseconds(w.fraction, 9);
    case 'z':
      return formatOffset(zoneOffsetSeconds(t.epoch, t.timezone), '');
    case 'Z':
      return zoneAbbreviation(t.epoch, t.timezone);
    case 'T':
      return `${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
    case 'R':
      return `${pad(w.hour, 2)}:${pad(w.minute, 2)}`;
    case 'r':
      return `${pad(hour12(w.hour), 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)} ${w.hour < 12 ? 'AM' : 'PM'}`;
    case 'F':
      return `${w.year}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
    case 'D':
    case 'x':
      return `${pad(w.month, 2)}/${pad(w.day, 2)}/${pad(w.year % 100, 2)}`;
    case 'X':
      return variable('T', t);
    case 'c':
      return `${variable('a', t)} ${variable('b', t)} ${variable('e', t)} ${variable('T', t)} ${w.year}`;
    case '+':
      return `${variable('a', t)} ${variable('b', t)} ${variable('e', t)} ${variable('T', t)} ${variable('Z', t)} ${w.year}`;
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '%':
      return '%';
    default:
      return undefined;
  }
}

/**
 * Formats an instant. `%<digits>N` / `%<digits>Q` give that many sub-second digits, `%:z` gives
 * `+hh:mm`; an unknown variable is copied through as written, like C's strftime on glibc.
 */
export function strftime(epochSeconds: number, format: string, timezone: string): string {
  if (!Number.isFinite(epochSeconds)) return '';
  const instant: Instant = {
    epoch: epochSeconds,
    wall: toWallTime(epochSeconds, timezone),
    timezone,
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    let j = i + 1;
    let digits = '';
    while (j < format.length && /[0-9]/.test(format[j] as string)) digits += format[j++];
    const letter = format[j];
    if (letter === undefined) {
      out += format.slice(i);
      break;
    }
    if (digits !== '' && (letter === 'N' || letter === 'Q')) {
      out += subseconds(instant.wall.fraction, Math.min(9, Math.max(1, Number(digits))));
    } else if (digits === '' && letter === ':' && format[j + 1] === 'z') {
      out += formatOffset(zoneOffsetSeconds(epochSeconds, timezone), ':');
      j++;
    } else {
      const text = digits === '' ? variable(letter, instant) : undefined;
      out += text ?? format.slice(i, j + 1);
    }
    i = j;
  }
  return out;
}
