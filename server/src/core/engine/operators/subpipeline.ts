import type { Pipeline, SubpipelineCommand } from '../../syntax/ast';
import { executePlan } from '../plan/execute';
import { reportUnsupportedOptions } from '../plan/options';
import {
  bufferLimitReached,
  engineDiagnostic,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import type { Row } from '../value';

/** `append [ ... ]`: the input rows, then the subsearch's rows. */
export function appendOperator(
  command: SubpipelineCommand,
  planning: PlanningContext,
): Operator | undefined {
  const subsearch = singleSubsearch(command, planning);
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
 * `appendpipe [ ... ]`: the input rows pass through; then the bracketed commands run over copies
 * of those same rows (not over the events), and their results follow. `run_in_preview` only
 * concerns Splunk Web's preview, so it changes nothing here.
 */
export function appendpipeOperator(
  command: SubpipelineCommand,
  planning: PlanningContext,
  operatorsOf: (pipeline: Pipeline) => readonly Operator[],
): Operator | undefined {
  const subpipeline = singleSubsearch(command, planning);
  if (!subpipeline) return undefined;
  reportUnsupportedOptions(command, ['run_in_preview'], planning);
  const operators = operatorsOf(subpipeline.pipeline);
  return {
    command: 'appendpipe',
    range: command.range,
    async *run(input, ctx) {
      const held: Row[] = [];
      let full = false;
      for await (const row of input) {
        full ||= bufferLimitReached(ctx, held.length, 'appendpipe', command.range);
        // A copy: the rows passed on belong to the next stages, which may change them.
        if (!full) held.push(new Map(row));
        yield row;
      }
      yield* executePlan(operators, rowsOf(held), ctx).rows;
    },
  };
}

async function* rowsOf(rows: readonly Row[]): AsyncIterable<Row> {
  yield* rows;
}

/** The one bracketed pipeline of the command; reported and undefined when there is not exactly one. */
export function singleSubsearch(command: SubpipelineCommand, planning: PlanningContext) {
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
