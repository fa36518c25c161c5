import type { SubpipelineCommand } from '../../syntax/ast';
import { optionNumber, optionText, reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import type { Row } from '../value';
import { valueKey } from './order';

/** `append [ ... ]`: the input rows, then the subsearch's rows. */
export function appendOperator(
  command: SubpipelineCommand,
  planning: PlanningContext,
): Operator | undefined {
  const subsearch = single(command, planning);
  if (!subsearch) return undefined;
  reportUnsupportedOptions(command, [], planning);
  return {
    command: 'append',
    range: command.range,
    async *run(input, ctx) {
      const appended = await ctx.runSubpipeline(subsearch.pipeline, subsearch.range);
      yield* input;
      yield* appended;
    },
  };
}

/**
 * `join [type=inner|left|outer] [max=N] a b [ ... ]`: each input row is merged with up to N
 * subsearch rows (max=0: all) having the same values of the join fields; the subsearch's values
 * win (Splunk's overwrite=true). Inner by default: unmatched rows are dropped unless type=left.
 */
export function joinOperator(
  command: SubpipelineCommand,
  planning: PlanningContext,
): Operator | undefined {
  const subsearch = single(command, planning);
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
  const max = optionNumber(command, 'max', planning) ?? 1;
  const fields = command.fields.map((f) => f.name);
  if (fields.length === 0) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.join-fields',
        "The local evaluator needs join's field list (e.g. 'join type=left dest [ ... ]').",
        command.range,
      ),
    );
    return undefined;
  }
  return {
    command: 'join',
    range: command.range,
    async *run(input, ctx) {
      const right = await ctx.runSubpipeline(subsearch.pipeline, subsearch.range);
      const index = new Map<string, Row[]>();
      for (const row of right) {
        const values = fields.map((f) => row.get(f));
        if (values.some((v) => v === undefined)) continue;
        const key = values.map(valueKey).join('\u0002');
        const bucket = index.get(key);
        if (bucket) bucket.push(row);
        else index.set(key, [row]);
      }
      for await (const row of input) {
        const values = fields.map((f) => row.get(f));
        const matches = values.some((v) => v === undefined)
          ? []
          : (index.get(values.map(valueKey).join('\u0002')) ?? []);
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
    },
  };
}

function single(command: SubpipelineCommand, planning: PlanningContext) {
  const subsearch = command.subsearches[0];
  if (!subsearch || command.subsearches.length > 1) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.subsearch-count',
        `'${command.name}' takes exactly one subsearch in brackets.`,
        command.range,
      ),
    );
    return undefined;
  }
  return subsearch;
}
