import type { GenericCommand } from '../../syntax/ast';
import { optionNumber, reportUnsupportedOptions } from '../plan/options';
import { type Operator, type PlanningContext } from '../plan/types';
import type { Row } from '../value';

/** `| makeresults [count=N]`: N rows holding only _time, the run's "now" in whole seconds. */
export function makeresultsOperator(command: GenericCommand, planning: PlanningContext): Operator {
  reportUnsupportedOptions(command, ['count'], planning);
  const count = optionNumber(command, 'count', planning) ?? 1;
  return {
    command: 'makeresults',
    range: command.range,
    generating: true,
    async *run(_input, ctx) {
      const now = Math.floor(ctx.evalContext.now);
      for (let i = 0; i < count && !ctx.shouldStop(); i++) {
        const row: Row = new Map([['_time', now]]);
        yield row;
      }
    },
  };
}
