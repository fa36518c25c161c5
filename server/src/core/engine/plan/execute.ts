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

async function giveTurn(turns: Turns, now: number): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  turns.last = performance.now();
  turns.waitedMs += turns.last - now;
}

/** Rows and time counted at one point of the chain. */
interface Meter {
  rows: number;
  inclusiveMs: number;
}

export interface ExecuteOptions {
  /** Sees every row out of the source (point -1) and out of each stage (its index). */
  readonly observe?: (point: number, row: Row) => void;
  /**
   * Gives the event loop a turn after this much work without one. Rows that need no I/O (held
   * rows, cached files) resolve as microtasks, which would starve a server's other requests.
   */
  readonly yieldEveryMs?: number;
}

/** When the chain last gave the event loop a turn, and the time spent waiting for turns. */
interface Turns {
  readonly everyMs: number;
  last: number;
  waitedMs: number;
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
  options: ExecuteOptions = {},
): { rows: AsyncIterable<Row>; stages: () => StageStats[] } {
  const turns: Turns | undefined =
    options.yieldEveryMs === undefined
      ? undefined
      : { everyMs: options.yieldEveryMs, last: performance.now(), waitedMs: 0 };
  const probe = (point: number) => {
    const observe = options.observe;
    return observe && ((row: Row) => observe(point, row));
  };
  const sourceMeter: Meter = { rows: 0, inclusiveMs: 0 };
  let upstream = metered(source, sourceMeter, turns, probe(-1));
  let upstreamMeter = sourceMeter;
  const reads: (() => StageStats)[] = [];
  operators.forEach((operator, index) => {
    const meter: Meter = { rows: 0, inclusiveMs: 0 };
    const before = operator.generating ? undefined : upstreamMeter;
    const charged = index === 0 ? undefined : before;
    // A generating stage that reads the run's events itself (tstats) counts them as its input.
    const eventsRead: Meter = { rows: 0, inclusiveMs: 0 };
    const stageCtx: ExecutionContext = operator.generating
      ? { ...ctx, readEvents: (range) => counted(ctx.readEvents(range), eventsRead) }
      : ctx;
    reads.push(() => ({
      command: operator.command,
      range: operator.range,
      in: before?.rows ?? eventsRead.rows,
      out: meter.rows,
      ms: meter.inclusiveMs - (charged?.inclusiveMs ?? 0),
    }));
    upstream = metered(
      operator.run(operator.generating ? empty() : upstream, stageCtx),
      meter,
      turns,
      probe(index),
    );
    upstreamMeter = meter;
  });
  return { rows: upstream, stages: () => reads.map((read) => read()) };
}

async function* counted(rows: AsyncIterable<Row>, meter: Meter): AsyncIterable<Row> {
  for await (const row of rows) {
    meter.rows++;
    yield row;
  }
}

function metered(
  rows: AsyncIterable<Row>,
  meter: Meter,
  turns: Turns | undefined,
  observe: ((row: Row) => void) | undefined,
): AsyncIterable<Row> {
  return {
    [Symbol.asyncIterator]() {
      const iterator = rows[Symbol.asyncIterator]();
      return {
        async next() {
          const started = performance.now();
          const waitedBefore = turns?.waitedMs ?? 0;
          const step = await iterator.next();
          const now = performance.now();
          // Time spent waiting for the event loop upstream is not this stage's work.
          meter.inclusiveMs += now - started - ((turns?.waitedMs ?? 0) - waitedBefore);
          if (!step.done) {
            meter.rows++;
            observe?.(step.value);
          }
          if (turns && now - turns.last >= turns.everyMs) await giveTurn(turns, now);
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
