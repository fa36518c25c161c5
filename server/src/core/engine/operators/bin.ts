import type { BinCommand } from '../../syntax/ast';
import { zoneOffsetSeconds } from '../time';
import { findOption, optionText, reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { valuesOf, type Scalar } from '../value';
import { numericValue } from './order';

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
};

/** A span in seconds for time units, or a plain number for numeric fields. */
export function parseSpan(text: string): { size: number; timed: boolean } | undefined {
  const match = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  if (amount <= 0) return undefined;
  if (unit === '') return { size: amount, timed: false };
  const seconds = UNIT_SECONDS[unit];
  return seconds === undefined ? undefined : { size: amount * seconds, timed: true };
}

/** The start of the span-sized bucket holding the time, buckets aligned to the time zone. */
export function timeBucket(time: number, span: number, timezone: string): number {
  const offset = zoneOffsetSeconds(time, timezone);
  return Math.floor((time + offset) / span) * span - offset;
}

/**
 * `bin span=1h _time` (alias bucket): _time (or a time span) rounds down to the span, aligned to
 * the run's time zone; another number becomes the text range `lo-hi` of its bin.
 */
export function binOperator(command: BinCommand, planning: PlanningContext): Operator | undefined {
  reportUnsupportedOptions(command, ['span'], planning);
  const spanText = optionText(command, 'span');
  const span = spanText === undefined ? undefined : parseSpan(spanText);
  if (!span) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.bin-span',
        spanText === undefined
          ? "The local evaluator needs 'span=' for bin (e.g. span=1h or span=10)."
          : `'${spanText}' is not a span the local evaluator knows: use a number with s, m, h, d or w, or a plain number.`,
        findOption(command, 'span')?.value.range ?? command.range,
      ),
    );
    return undefined;
  }
  const source = command.field.name;
  const target = command.alias?.name ?? source;
  const isTime = span.timed || source === '_time';
  const size = span.size;
  return {
    command: 'bin',
    range: command.range,
    async *run(input, ctx) {
      for await (const row of input) {
        const value = valuesOf(row.get(source))[0];
        const number = value === undefined ? undefined : numericValue(value);
        if (number !== undefined) row.set(target, binned(number));
        yield row;
      }

      function binned(value: number): Scalar {
        if (isTime) return timeBucket(value, size, ctx.evalContext.timezone);
        const low = Math.floor(value / size) * size;
        return `${low}-${low + size}`;
      }
    },
  };
}
