import type { SubpipelineCommand } from '../../syntax/ast';
import { optionNumber, optionText, reportUnsupportedOptions } from '../plan/options';
import { holdRows, engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import type { Row } from '../value';
import { valueKey } from './order';
import { singleSubsearch } from './subpipeline';

interface JoinSettings {
  readonly type: string;
  /** 0: every matching subsearch row. */
  readonly max: number;
}

/**
 * `join [type=inner|left|outer] [max=N] [a b] [ ... ]`: each input row is merged with up to N
 * subsearch rows (max=0: all) having the same values of the join fields; the subsearch's values
 * win (Splunk's overwrite=true). Inner by default: unmatched rows are dropped unless type=left.
 * Without a field list the join fields are every field both result sets have, which needs the
 * whole input held first.
 */
export function joinOperator(
  command: SubpipelineCommand,
  planning: PlanningContext,
): Operator | undefined {
  const subsearch = singleSubsearch(command, planning);
  if (!subsearch) return undefined;
  reportUnsupportedOptions(command, ['type', 'max'], planning);
  const type = (optionText(command, 'type') ?? 'inner').toLowerCase();
  if (!['inner', 'left', 'outer'].includes(type)) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.invalid-option',
        `join type= takes inner, left or outer, not '${type}'.`,
        command.range,
      ),
    );
    return undefined;
  }
  const settings: JoinSettings = { type, max: optionNumber(command, 'max', planning) ?? 1 };
  const listed = command.fields.map((f) => f.name);
  return {
    command: 'join',
    range: command.range,
    async *run(input, ctx) {
      const right = await ctx.runSubpipeline(subsearch.pipeline, subsearch.range);
      if (listed.length > 0) {
        yield* joined(input, right, listed, settings);
        return;
      }
      const left = await holdRows(input, ctx, command.name, command.range);
      const rightFields = new Set(right.flatMap((row) => [...row.keys()]));
      const common = [...new Set(left.flatMap((row) => [...row.keys()]))].filter((field) =>
        rightFields.has(field),
      );
      if (common.length === 0 && left.length > 0 && right.length > 0) {
        ctx.report(
          engineDiagnostic(
            'warning',
            'spl.engine.join-no-common-field',
            'join has no field list and its input and subsearch share no field, so no row matches; list the join fields.',
            command.range,
          ),
        );
        if (settings.type === 'inner') return;
        yield* left;
        return;
      }
      yield* joined(left, right, common, settings);
    },
  };
}

function keyOf(row: Row, fields: readonly string[]): string | undefined {
  const values = fields.map((f) => row.get(f));
  return values.some((v) => v === undefined) ? undefined : values.map(valueKey).join('\u0002');
}

async function* joined(
  input: AsyncIterable<Row> | Iterable<Row>,
  right: readonly Row[],
  fields: readonly string[],
  { type, max }: JoinSettings,
): AsyncIterable<Row> {
  const index = new Map<string, Row[]>();
  for (const row of right) {
    const key = keyOf(row, fields);
    if (key === undefined) continue;
    const bucket = index.get(key);
    if (bucket) bucket.push(row);
    else index.set(key, [row]);
  }
  for await (const row of input) {
    const key = keyOf(row, fields);
    const matches = key === undefined ? [] : (index.get(key) ?? []);
    if (matches.length === 0) {
      if (type !== 'inner') yield row;
      continue;
    }
    for (const match of max === 0 ? matches : matches.slice(0, max)) {
      const merged: Row = new Map(row);
      for (const [field, value] of match) merged.set(field, value);
      yield merged;
    }
  }
}
