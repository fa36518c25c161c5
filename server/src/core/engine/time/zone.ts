/**
 * Time-zone arithmetic on top of Intl (Node ships full ICU, so no tz database dependency). Intl is
 * slow per call, so offsets are cached per zone and quarter hour: every real-world zone changes
 * its offset on a quarter-hour boundary, so all instants in one bucket share an offset.
 */

/** Wall-clock fields of an instant in a zone; month 1-12, weekday 0 = Sunday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction of a second in [0, 1). */
  fraction: number;
}

const BUCKET_SECONDS = 900;
const MAX_CACHED_OFFSETS = 50_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function isUtc(timezone: string): boolean {
  return timezone === 'UTC' || timezone === 'Etc/UTC' || timezone === 'GMT';
}

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

const validity = new Map<string, boolean>();

/** True when Intl knows the zone name. */
export function isValidTimeZone(timezone: string): boolean {
  let valid = validity.get(timezone);
  if (valid === undefined) {
    try {
      formatterFor(timezone);
      valid = true;
    } catch {
      valid = false;
    }
    validity.set(timezone, valid);
  }
  return valid;
}

function computeOffsetSeconds(epochSeconds: number, timezone: string): number {
  const parts = formatterFor(timezone).formatToParts(new Date(epochSeconds * 1000));
  const field = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = field('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const wallAsUtc = Date.UTC(
    year,
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return Math.round((wallAsUtc - Math.floor(epochSeconds) * 1000) / 1000);
}

/**
 * Seconds to add to UTC to get the zone's wall clock at that instant (e.g. -18000 for EST). An
 * unknown zone counts as UTC so that evaluation never throws; adapters validate the zone the user
 * gives with isValidTimeZone and report it.
 */
export function zoneOffsetSeconds(epochSeconds: number, timezone: string): number {
  if (isUtc(timezone) || !isValidTimeZone(timezone)) return 0;
  const bucket = Math.floor(epochSeconds / BUCKET_SECONDS);
  const key = `${timezone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = computeOffsetSeconds(bucket * BUCKET_SECONDS, timezone);
    if (offsetCache.size >= MAX_CACHED_OFFSETS) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The wall clock of an instant in a zone. */
export function toWallTime(epochSeconds: number, timezone: string): WallTime {
  const whole = Math.floor(epochSeconds);
  const date = new Date((whole + zoneOffsetSeconds(whole, timezone)) * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    fraction: epochSeconds - whole,
  };
}

/** Seconds since the epoch of a wall time read as UTC; month may overflow (Date.UTC normalizes). */
export function wallAsUtcSeconds(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime() / 1000 + wall.fraction;
}

/**
 * The instant a wall-clock time denotes in a zone. A time skipped by a DST jump resolves with the
 * offset before the jump (so 02:30 on a spring-forward day lands at 03:30), and a repeated time
 * resolves to its first occurrence: both match what C's mktime does with tm_isdst = -1 on Linux.
 */
export function fromWallTime(wall: WallTime, timezone: string): number {
  const local = wallAsUtcSeconds(wall);
  if (isUtc(timezone)) return local;
  const firstGuess = local - zoneOffsetSeconds(local, timezone);
  const offsetAtGuess = zoneOffsetSeconds(firstGuess, timezone);
  const earlier = local - zoneOffsetSeconds(local - 86_400, timezone);
  const candidates = [earlier, local - offsetAtGuess, firstGuess].filter(
    (t) => wallAsUtcSeconds(toWallTime(t, timezone)) === local,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return local - zoneOffsetSeconds(local - 86_400, timezone);
}

/** The zone's short name at an instant ("EST", "CEST" or "GMT+1" where ICU has no abbreviation). */
export function zoneAbbreviation(epochSeconds: number, timezone: string): string {
  if (isUtc(timezone) || !isValidTimeZone(timezone)) return 'UTC';
  const key = `abbr|${timezone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'short' });
    formatters.set(key, formatter);
  }
  const parts = formatter.formatToParts(new Date(epochSeconds * 1000));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timezone;
}
