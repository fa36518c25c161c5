import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isValidTimeZone,
  parseTimeModifier,
  relativeTime,
  strftime,
  strptime,
  zoneOffsetSeconds,
} from '../../../server/src/core/engine/time';

/** 2024-03-10T07:00:00Z: New York's clocks jump from 02:00 EST to 03:00 EDT at this instant. */
const NY_SPRING_FORWARD = 1710054000;
/** 2024-11-03T06:00:00Z: New York's clocks fall back from 02:00 EDT to 01:00 EST. */
const NY_FALL_BACK = 1730613600;
const NY = 'America/New_York';

describe('strftime', () => {
  const t = 1700000000.123456; // Tue 2023-11-14 22:13:20.123456 UTC
  const cases: [string, string, string][] = [
    ['%Y-%m-%d %H:%M:%S', 'UTC', '2023-11-14 22:13:20'],
    ['%y %j %e %I %p %a %A %b %B', 'UTC', '23 318 14 10 PM Tue Tuesday Nov November'],
    ['%T|%F|%D|%R', 'UTC', '22:13:20|2023-11-14|11/14/23|22:13'],
    ['%3N %6N %9N %Q', 'UTC', '123 123456 123456000 123'],
    ['%s %z %:z %Z', 'UTC', '1700000000 +0000 +00:00 UTC'],
    ['%+', 'UTC', 'Tue Nov 14 22:13:20 UTC 2023'],
    ['%w %u %V %G %U %W', 'UTC', '2 2 46 2023 46 46'],
    ['%H:%M %z %Z', NY, '17:13 -0500 EST'],
    ['%H:%M %:z', 'Asia/Kolkata', '03:43 +05:30'],
    ['100%% %k|%l', 'UTC', '100% 22|10'],
    ['%q stays', 'UTC', '%q stays'],
  ];
  for (const [format, zone, expected] of cases) {
    test(`${format} in ${zone}`, () => assert.equal(strftime(t, format, zone), expected));
  }

  test('the offset and zone name change across a DST jump', () => {
    assert.equal(
      strftime(NY_SPRING_FORWARD - 1, '%F %T %z %Z', NY),
      '2024-03-10 01:59:59 -0500 EST',
    );
    assert.equal(strftime(NY_SPRING_FORWARD, '%F %T %z %Z', NY), '2024-03-10 03:00:00 -0400 EDT');
  });

  test('sub-second digits are truncated, not rounded', () => {
    assert.equal(strftime(0.9999, '%3N', 'UTC'), '999');
  });
});

describe('strptime', () => {
  test('round trips strftime in UTC and in New York across both DST changes', () => {
    const format = '%Y-%m-%d %H:%M:%S.%6N';
    for (const zone of ['UTC', NY]) {
      for (const base of [NY_SPRING_FORWARD, NY_FALL_BACK]) {
        for (let delta = -7200; delta <= 7200; delta += 900) {
          const instant = base + delta + 0.25;
          const text = strftime(instant, format, zone);
          // During the repeated hour of the fall-back the wall time is ambiguous; %z disambiguates.
          const parsed = strptime(`${text} ${strftime(instant, '%z', zone)}`, `${format} %z`, zone);
          assert.equal(parsed, instant, `${zone} ${text}`);
        }
      }
    }
  });

  const cases: [string, string, string, number | undefined][] = [
    ['2024-01-02', '%Y-%m-%d', 'UTC', 1704153600],
    ['01/02/2024 03:04:05', '%m/%d/%Y %H:%M:%S', 'UTC', 1704164645],
    ['Jan  2 2024 3:04:05 PM', '%b %e %Y %I:%M:%S %p', 'UTC', 1704207845],
    ['2024-01-02T00:00:00Z', '%Y-%m-%dT%H:%M:%S%z', NY, 1704153600],
    ['2024-01-02T00:00:00+05:30', '%Y-%m-%dT%H:%M:%S%:z', 'UTC', 1704133800],
    ['2024-01-02 00:00:00', '%Y-%m-%d %H:%M:%S', NY, 1704171600],
    ['1700000000.5', '%s.%Q', 'UTC', 1700000000.5],
    ['2024-01-02 trailing text', '%Y-%m-%d', 'UTC', 1704153600],
    ['2024-13-02', '%Y-%m-%d', 'UTC', undefined],
    ['garbage', '%Y-%m-%d', 'UTC', undefined],
  ];
  for (const [text, format, zone, expected] of cases) {
    test(`${JSON.stringify(text)} with ${format} in ${zone}`, () =>
      assert.equal(strptime(text, format, zone), expected));
  }

  test('a wall time skipped by the spring-forward resolves with the standard offset (like mktime)', () => {
    assert.equal(
      strptime('2024-03-10 02:30:00', '%Y-%m-%d %H:%M:%S', NY),
      NY_SPRING_FORWARD + 1800,
    );
  });

  test('a repeated wall time on the fall-back day resolves to its first occurrence', () => {
    assert.equal(strptime('2024-11-03 01:30:00', '%Y-%m-%d %H:%M:%S', NY), NY_FALL_BACK - 1800);
  });
});

describe('time modifiers', () => {
  // Sunday 2024-03-10 15:00:00.5 EDT (19:00:00.5 UTC), the afternoon after the spring-forward.
  const now = 1710097200.5;
  const cases: [string, string, number][] = [
    ['now', NY, now],
    ['-24h@h', NY, 1710010800], // 14:00 EST the day before: hours move the instant
    ['-1d', NY, now - 23 * 3600], // days move the wall clock: 15:00 EST the day before
    ['@d', NY, 1710046800], // local midnight, still EST
    ['-7d@w0', NY, 1709442000], // the Sunday a week before, at midnight
    ['@w1', NY, 1709528400], // the Monday before
    ['+1mon', NY, 1712775600.5],
    ['-1d@d+8h', NY, 1709989200],
    ['@q', 'UTC', 1704067200],
    ['@y', 'UTC', 1704067200],
    ['-30m@m', 'UTC', now - 1800.5],
    ['-2weeks', 'UTC', now - 14 * 86400],
    ['1700000000', 'UTC', 1700000000],
    ['10/27/2025:00:00:00', 'UTC', 1761523200],
  ];
  for (const [modifier, zone, expected] of cases) {
    test(`${modifier} in ${zone}`, () => assert.equal(relativeTime(now, modifier, zone), expected));
  }

  const invalid: [string, RegExp][] = [
    ['-24x', /unknown time unit 'x'/],
    ['@mon3', /only weeks take a day number/],
    ['rt-5m', /real-time/],
    ['yesterday', /cannot read time modifier/],
  ];
  for (const [modifier, message] of invalid) {
    test(`rejects ${modifier}`, () => {
      const parsed = parseTimeModifier(modifier);
      assert.ok('error' in parsed);
      assert.match(parsed.error, message);
      assert.equal(relativeTime(now, modifier, 'UTC'), undefined);
    });
  }
});

test('an unknown zone is reported by isValidTimeZone and formats as UTC instead of throwing', () => {
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
  assert.equal(isValidTimeZone(NY), true);
  assert.equal(strftime(0, '%F %T %Z', 'Mars/Olympus'), '1970-01-01 00:00:00 UTC');
  assert.equal(strptime('1970-01-01', '%Y-%m-%d', 'Mars/Olympus'), 0);
});

test('zone offsets come from the IANA zone at the instant', () => {
  assert.equal(zoneOffsetSeconds(NY_SPRING_FORWARD - 1, NY), -18000);
  assert.equal(zoneOffsetSeconds(NY_SPRING_FORWARD, NY), -14400);
  assert.equal(zoneOffsetSeconds(NY_SPRING_FORWARD, 'UTC'), 0);
});

test('strptime inverts strftime for any instant and zone (property)', () => {
  const zones = ['UTC', NY, 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 4_102_444_800 }),
      fc.constantFrom(...zones),
      (epoch, zone) => {
        const format = '%Y-%m-%d %H:%M:%S %z';
        assert.equal(strptime(strftime(epoch, format, zone), format, zone), epoch);
      },
    ),
    { numRuns: 300 },
  );
});
