/**
 * Splunk time modifiers: `now`, epoch seconds, `%m/%d/%Y:%H:%M:%S`, and relative chains such as
 * `-24h@h`, `@d`, `-7d@w0`, `+1mon`, `-1d@d+8h` (offsets and snaps applied left to right).
 * Day and longer units move the wall clock in the zone (so `-1d` across a DST change keeps the
 * time of day); seconds, minutes and hours move the instant.
 */
import { strptime } from './strptime';
import { fromWallTime, toWallTime, type WallTime } from './zone';

type Unit = 's' | 'm' | 'h' | 'd' | 'w' | 'mon' | 'q' | 'y';

export type TimeStep =
  | { readonly kind: 'offset'; readonly amount: number; readonly unit: Unit }
  | { readonly kind: 'snap'; readonly unit: Unit; readonly weekday?: number };

export type TimeModifier =
  | { readonly kind: 'now' }
  | { readonly kind: 'absolute'; readonly epoch: number }
  | { readonly kind: 'absoluteText'; readonly text: string }
  | { readonly kind: 'relative'; readonly steps: readonly TimeStep[] };

const UNIT_NAMES: Record<string, Unit> = {};
for (const [unit, names] of Object.entries({
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  m: ['m', 'min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  d: ['d', 'day', 'days'],
  w: ['w', 'week', 'weeks'],
  mon: ['mon', 'month', 'months'],
  q: ['q', 'qtr', 'qtrs', 'quarter', 'quarters'],
  y: ['y', 'yr', 'yrs', 'year', 'years'],
})) {
  for (const name of names) UNIT_NAMES[name] = unit as Unit;
}

const ABSOLUTE_FORMAT = '%m/%d/%Y:%H:%M:%S';
const STEP = /^(?:([+-])(\d*)([a-z]+)|@([a-z]+?)([0-7])?)(?=$|[+@-])/i;

/** Parses a time modifier; an error message says what is wrong and what is accepted. */
export function parseTimeModifier(text: string): TimeModifier | { error: string } {
  const trimmed = text.trim();
  if (/^now(\(\))?$/i.test(trimmed)) return { kind: 'now' };
  if (/^\d+(\.\d+)?$/.test(trimmed)) return { kind: 'absolute', epoch: Number(trimmed) };
  if (/^\d{1,2}\/\d{1,2}\/\d{4}:\d{1,2}:\d{2}:\d{2}$/.test(trimmed))
    return { kind: 'absoluteText', text: trimmed };
  if (/^rt/i.test(trimmed)) {
    return {
      error: `real-time modifier '${trimmed}' is not supported by the local evaluator; use a relative time such as -24h`,
    };
  }
  const steps: TimeStep[] = [];
  let rest = trimmed;
  while (rest !== '') {
    const match = STEP.exec(rest);
    if (!match) {
      return {
        error: `cannot read time modifier '${text}' at '${rest}'; write e.g. -24h, -7d@d, @w0, +1mon or %m/%d/%Y:%H:%M:%S`,
      };
    }
    if (match[4] !== undefined) {
      const unit = UNIT_NAMES[match[4].toLowerCase()];
      if (!unit)
        return {
          error: `unknown time unit '${match[4]}' in '${text}'; use s, m, h, d, w, w0-w7, mon, q or y`,
        };
      if (match[5] !== undefined && unit !== 'w')
        return { error: `only weeks take a day number (@w0 to @w7) in '${text}'` };
      steps.push(
        match[5] !== undefined
          ? { kind: 'snap', unit, weekday: Number(match[5]) % 7 }
          : { kind: 'snap', unit },
      );
    } else {
      const unit = UNIT_NAMES[(match[3] as string).toLowerCase()];
      if (!unit)
        return {
          error: `unknown time unit '${match[3]}' in '${text}'; use s, m, h, d, w, mon, q or y`,
        };
      const amount = match[2] === '' ? 1 : Number(match[2]);
      steps.push({ kind: 'offset', amount: match[1] === '-' ? -amount : amount, unit });
    }
    rest = rest.slice(match[0].length);
  }
  if (steps.length === 0) return { error: 'empty time modifier; write e.g. -24h or now' };
  return { kind: 'relative', steps };
}

const UNIT_SECONDS: Partial<Record<Unit, number>> = { s: 1, m: 60, h: 3600 };

function applyOffset(epoch: number, amount: number, unit: Unit, timezone: string): number {
  const seconds = UNIT_SECONDS[unit];
  if (seconds !== undefined) return epoch + amount * seconds;
  const wall = toWallTime(epoch, timezone);
  if (unit === 'd') wall.day += amount;
  else if (unit === 'w') wall.day += amount * 7;
  else if (unit === 'mon') wall.month += amount;
  else if (unit === 'q') wall.month += amount * 3;
  else wall.year += amount;
  return fromWallTime(wall, timezone);
}

function applySnap(
  epoch: number,
  unit: Unit,
  weekday: number | undefined,
  timezone: string,
): number {
  const wall: WallTime = toWallTime(epoch, timezone);
  wall.fraction = 0;
  if (unit === 's') return fromWallTime(wall, timezone);
  wall.second = 0;
  if (unit === 'm') return fromWallTime(wall, timezone);
  wall.minute = 0;
  if (unit === 'h') return fromWallTime(wall, timezone);
  wall.hour = 0;
  if (unit === 'w') {
    const today = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
    wall.day -= (today - (weekday ?? 0) + 7) % 7;
  } else if (unit === 'mon') wall.day = 1;
  else if (unit === 'q') {
    wall.day = 1;
    wall.month -= (wall.month - 1) % 3;
  } else if (unit === 'y') {
    wall.day = 1;
    wall.month = 1;
  }
  return fromWallTime(wall, timezone);
}

/** The instant a parsed modifier denotes, relative to `epoch`; undefined for an impossible date. */
export function resolveTimeModifier(
  modifier: TimeModifier,
  epoch: number,
  timezone: string,
): number | undefined {
  switch (modifier.kind) {
    case 'now':
      return epoch;
    case 'absolute':
      return modifier.epoch;
    case 'absoluteText':
      return strptime(modifier.text, ABSOLUTE_FORMAT, timezone);
    case 'relative': {
      let result = epoch;
      for (const step of modifier.steps) {
        result =
          step.kind === 'offset'
            ? applyOffset(result, step.amount, step.unit, timezone)
            : applySnap(result, step.unit, step.weekday, timezone);
      }
      return result;
    }
  }
}

/** relative_time(): the modifier applied to `epoch`; undefined when the modifier is invalid. */
export function relativeTime(
  epoch: number,
  modifier: string,
  timezone: string,
): number | undefined {
  const parsed = parseTimeModifier(modifier);
  if ('error' in parsed) return undefined;
  return resolveTimeModifier(parsed, epoch, timezone);
}
