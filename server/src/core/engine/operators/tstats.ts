import type { StatsCommand, TstatsCommand } from '../../syntax/ast';
import { checkSearchExpression, matchesSearch, type EvalContext } from '../expressions';
import { findOption, optionBoolean, optionText, reportUnsupportedOptions } from '../plan/options';
import {
  engineDiagnostic,
  type ExecutionContext,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import { zoneOffsetSeconds } from '../time';
import { valuesOf, type Row } from '../value';
import { parseSpan } from './bin';
import { numericValue } from './order';
import { statsOperator } from './stats';
import { planTstatsSource, type TstatsSource } from './tstatsSource';

/**
 * Options that change nothing locally: every dataset counts as fully accelerated, so summaries
 * are always complete and current (summariesonly, allow_old_summaries), and there is one search
 * head with no buckets to split (local, chunk_size, include_reduced_buckets).
 */
const ACCEPTED_OPTIONS = [
  'summariesonly',
  'allow_old_summaries',
  'local',
  'chunk_size',
  'include_reduced_buckets',
];
const BOOLEAN_OPTIONS = [
  'summariesonly',
  'allow_old_summaries',
  'local',
  'include_reduced_buckets',
];
/** Options that would change the results and that the local evaluator does not implement when true. */
const REFUSED_WHEN_TRUE = ['prestats', 'append'];

/**
 * `| tstats aggs from datamodel=Model.Dataset where <search> by fields [span=...]`: the run's
 * events go through the data model (constraint, then dataset fields named `Dataset.field`), the
 * where clause with search-command semantics, then the aggregation exactly as stats does it,
 * including dropping rows whose by-field is null unless `fillnull_value` fills it
 * (spl-semantics.md "Transforming and other commands").
 */
export function tstatsOperator(
  command: TstatsCommand,
  planning: PlanningContext,
): Operator | undefined {
  reportUnsupportedOptions(
    command,
    [...ACCEPTED_OPTIONS, ...REFUSED_WHEN_TRUE, 'datamodel', 'fillnull_value', 'span'],
    planning,
  );
  for (const name of BOOLEAN_OPTIONS) optionBoolean(command, name, planning);
  for (const name of REFUSED_WHEN_TRUE) {
    if (!optionBoolean(command, name, planning)) continue;
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.unsupported-option',
        `tstats ${name}=true is not supported by the local evaluator; remove it or run the search in Splunk.`,
        findOption(command, name)?.range ?? command.range,
      ),
    );
  }
  if (command.aggregations.length === 0) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.missing-argument',
        'tstats needs at least one aggregation, e.g. | tstats count from datamodel=Endpoint.Processes.',
        command.nameRange ?? command.range,
      ),
    );
  }
  const span = planSpan(command, planning);
  const source = planTstatsSource(command, planning);
  if (source?.where) planning.diagnostics.push(...checkSearchExpression(source.where));
  const aggregate: StatsCommand = {
    kind: 'command',
    name: 'stats',
    ...(command.nameRange && { nameRange: command.nameRange }),
    options: [],
    aggregations: command.aggregations,
    by: command.by,
    range: command.range,
  };
  const stats = statsOperator(aggregate, planning);
  if (!source || !stats || span === null) return undefined;
  const fillnull = optionText(command, 'fillnull_value');
  const byFields = command.by.map((field) => field.name);
  return {
    command: 'tstats',
    range: command.range,
    generating: true,
    run(_input, ctx) {
      return stats.run(datasetRows(source, ctx), ctx);
    },
  };

  async function* datasetRows(source: TstatsSource, ctx: ExecutionContext): AsyncIterable<Row> {
    const where = source.where && (await ctx.resolveSubsearches(source.where));
    for await (const event of ctx.readEvents(command.range)) {
      const row = source.project(event, ctx.evalContext);
      if (!row || (where && !matchesSearch(where, row, ctx.evalContext))) continue;
      if (span) binTime(row, span, ctx.evalContext);
      if (fillnull !== undefined) {
        for (const field of byFields)
          if (valuesOf(row.get(field)).length === 0) row.set(field, fillnull);
      }
      yield row;
    }
  }
}

/** `span=1h` rounds `_time` down to the span in the run's time zone; null when it cannot be read. */
function planSpan(command: TstatsCommand, planning: PlanningContext): number | undefined | null {
  // `by _time span=1h, dest`: the comma separates by-fields but the grammar keeps it in the value.
  const text = optionText(command, 'span')?.replace(/,$/, '');
  if (text === undefined) return undefined;
  const span = parseSpan(text);
  if (span?.timed) return span.size;
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.bin-span',
      `'${text}' is not a time span the local evaluator knows: use a number with s, m, h, d or w (e.g. span=1h).`,
      findOption(command, 'span')?.value.range ?? command.range,
    ),
  );
  return null;
}

function binTime(row: Row, size: number, context: EvalContext): void {
  const time = valuesOf(row.get('_time'))[0];
  const seconds = time === undefined ? undefined : numericValue(time);
  if (seconds === undefined) return;
  const offset = zoneOffsetSeconds(seconds, context.timezone);
  row.set('_time', Math.floor((seconds + offset) / size) * size - offset);
}
