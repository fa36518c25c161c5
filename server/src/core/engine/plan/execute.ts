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

/**
 * Chains the operators: each pulls from the one before it. The meter around each stage measures
 * the time spent inside its `next()`; a stage's own time is that minus its upstream's.
 */
export function executePlan(
  operators: readonly Operator[],
  source: AsyncIterable<Row>,
  ctx: ExecutionContext,
): { rows: AsyncIterable<Row>; stages: StageStats[] } {
  const stages: StageStats[] = [];
  const inclusive: number[] = [];
  let upstream = source;
  operators.forEach((operator, index) => {
    const stats: StageStats = {
      command: operator.command,
      range: operator.range,
      in: 0,
      out: 0,
      ms: 0,
    };
    stages.push(stats);
    inclusive.push(0);
    const input = operator.generating ? empty() : counted(upstream, stats);
    upstream = metered(operator.run(input, ctx), stats, (ms) => {
      inclusive[index] = (inclusive[index] as number) + ms;
      stats.ms =
        (inclusive[index] as number) -
        (index === 0 || operator.generating ? 0 : (inclusive[index - 1] as number));
    });
  });
  return { rows: upstream, stages };
}

async function* counted(rows: AsyncIterable<Row>, stats: StageStats): AsyncIterable<Row> {
  for await (const row of rows) {
    stats.in++;
    yield row;
  }
}

function metered(
  rows: AsyncIterable<Row>,
  stats: StageStats,
  addTime: (ms: number) => void,
): AsyncIterable<Row> {
  return {
    [Symbol.asyncIterator]() {
      const iterator = rows[Symbol.asyncIterator]();
      return {
        async next() {
          const started = performance.now();
          const step = await iterator.next();
          addTime(performance.now() - started);
          if (!step.done) stats.out++;
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
