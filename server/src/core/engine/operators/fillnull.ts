import type { FillnullCommand } from '../../syntax/ast';
import { bufferLimitReached, type Operator } from '../plan/types';
import type { Row } from '../value';

/** spl-semantics.md: fillnull's default value is `0`. */
export const DEFAULT_FILL_VALUE = '0';

/**
 * `fillnull [value=v] [a b]`: sets missing listed fields to v. Without a field list it fills
 * every field any result has, so it must see all results first.
 */
export function fillnullOperator(command: FillnullCommand): Operator {
  const value = command.value ?? DEFAULT_FILL_VALUE;
  const fields = command.fields.map((f) => f.name);
  return {
    command: 'fillnull',
    range: command.range,
    async *run(input, ctx) {
      if (fields.length > 0) {
        for await (const row of input) {
          for (const field of fields) if (!row.has(field)) row.set(field, value);
          yield row;
        }
        return;
      }
      const rows: Row[] = [];
      const seen = new Set<string>();
      for await (const row of input) {
        if (bufferLimitReached(ctx, rows.length, 'fillnull', command.range)) break;
        for (const field of row.keys()) seen.add(field);
        rows.push(row);
      }
      for (const row of rows) {
        for (const field of seen) if (!row.has(field)) row.set(field, value);
        yield row;
      }
    },
  };
}
