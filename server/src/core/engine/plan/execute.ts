import type { SourceRange } from '../../text/range';
import type { Row } from '../value';
import type { ExecutionContext, Operator } from './types';

/** Rows in and out of one stage, and the time spent in the stage itself (not upstream). */
export interface StageStats {
  readonly command: string;
  readonly range: SourceRange;
  in: number;
  out: number;
  ms: number;
}

async function* empty(): AsyncIterable<Row> {}

/** Rows and time counted at one point of the chain. */
interface Meter {
  rows: number;
  inclusiveMs: number;
}

/**
 * Chains the operators: each pulls from the one before it. A meter after the source and after
 * each stage counts rows and the time spent inside `next()`; a stage's own time is its meter's
 * minus its upstream's, except that the first stage's time includes reading the events.
 */
export function executePlan(
  operators: readonly Operator[],
  source: AsyncIterable<Row>,
  ctx: ExecutionContext,
): { rows: AsyncIterable<Row>; stages: () => StageStats[] } {
  const sourceMeter: Meter = { rows: 0, inclusiveMs: 0 };
  let upstream = metered(source, sourceMeter);
  let upstreamMeter = sourceMeter;
  const reads: (() => StageStats)[] = [];
  operators.forEach((operator, index) => {
    const meter: Meter = { rows: 0, inclusiveMs: 0 };
    const before = operator.generating ? undefined : upstreamMeter;
    const charged = index === 0 ? undefined : before;
    reads.push(() => ({
      command: operator.command,
      range: operator.range,
      in: before?.rows ?? 0,
      out: meter.rows,
      ms: meter.inclusiveMs - (charged?.inclusiveMs ?? 0),
    }));
    upstream = metered(operator.run(operator.generating ? empty() : upstream, ctx), meter);
    upstreamMeter = meter;
  });
  return { rows: upstream, stages: () => reads.map((read) => read()) };
}

function metered(rows: AsyncIterable<Row>, meter: Meter): AsyncIterable<Row> {
  return {
    [Symbol.asyncIterator]() {
      const iterator = rows[Symbol.asyncIterator]();
      return {
        async next() {
          const started = performance.now();
          const step = await iterator.next();
          meter.inclusiveMs += performance.now() - started;
          if (!step.done) meter.rows++;
          return step;
        },
        async return(value?: unknown) {
          await iterator.return?.(value);
          return { done: true as const, value: undefined };
        },
      };
    },
  };
}
