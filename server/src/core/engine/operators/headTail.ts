import type { GenericCommand, HeadTailCommand } from '../../syntax/ast';
import { evaluate, isTruthy, checkEvalExpression } from '../expressions';
import { optionBoolean, optionNumber } from '../plan/options';
import { bufferLimitReached, holdRows, type Operator, type PlanningContext } from '../plan/types';
import type { Row } from '../value';

/** spl-semantics.md: head (and tail) return 10 rows by default. */
export const DEFAULT_HEAD_COUNT = 10;

/**
 * `head N` keeps the first N rows; `head (cond)` keeps rows until cond is first not true (with
 * keeplast=true that row too). Stops pulling from upstream as soon as it is done.
 */
export function headOperator(command: HeadTailCommand, planning: PlanningContext): Operator {
  const limit = command.count ?? optionNumber(command, 'limit', planning);
  const count = limit ?? (command.condition ? Infinity : DEFAULT_HEAD_COUNT);
  const keepLast = optionBoolean(command, 'keeplast', planning) ?? false;
  const condition = command.condition;
  if (condition) planning.diagnostics.push(...checkEvalExpression(condition));
  return {
    command: 'head',
    range: command.range,
    async *run(input, ctx) {
      if (count <= 0) return;
      let emitted = 0;
      for await (const row of input) {
        if (condition && !isTruthy(evaluate(condition, row, ctx.evalContext))) {
          if (keepLast) yield row;
          return;
        }
        yield row;
        if (++emitted >= count) return;
      }
    },
  };
}

/** `tail N`: the last N rows, last first (Splunk returns them in reverse order). */
export function tailOperator(command: HeadTailCommand, planning: PlanningContext): Operator {
  const count = command.count ?? optionNumber(command, 'limit', planning) ?? DEFAULT_HEAD_COUNT;
  return {
    command: 'tail',
    range: command.range,
    async *run(input, ctx) {
      if (count <= 0) return;
      let last: Row[] = [];
      for await (const row of input) {
        last.push(row);
        // Trim in batches so that keeping the last N costs O(1) per row.
        if (last.length >= 2 * count) last = last.slice(-count);
        if (bufferLimitReached(ctx, last.length, 'tail', command.range)) break;
      }
      yield* last.slice(-count).reverse();
    },
  };
}

export function reverseOperator(command: GenericCommand): Operator {
  return {
    command: 'reverse',
    range: command.range,
    async *run(input, ctx) {
      const rows = await holdRows(input, ctx, 'reverse', command.range);
      yield* rows.reverse();
    },
  };
}
