import type { GenericArgument, GenericCommand } from '../../syntax/ast';
import type { SourceRange } from '../../text/range';
import type { CompiledDataset } from '../datamodels';
import { reportUnsupportedOptions } from '../plan/options';
import type { Operator, PlanningContext } from '../plan/types';
import { planDataset, reportDataModelProblem } from './datasetPlan';
import type { Row } from '../value';

const DATAMODEL = 'datamodel';

/**
 * `| from datamodel:Model.Dataset` or `| from datamodel Model.Dataset` (Search Reference, from:
 * a colon or a space separates the dataset type from its name): the run's events that the
 * dataset takes, each with the dataset's fields.
 *
 * Field names: the dataset's fields come without the `Dataset.` prefix that tstats uses, and
 * replace the event's fields of the same name; the event's other fields (`_raw`, ...) stay. The
 * Search Reference page does not say how `from` names the fields; this rule follows Splunk's own
 * detections (security_content), which use the plain names after `from datamodel`
 * (`| from datamodel Web.Web | ... | stats count by action, dest, url` in
 * log4shell_jndi_payload_injection_attempt.yml) and read `_raw`. Unverified against a Splunk.
 */
export function fromOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  reportUnsupportedOptions(command, [], planning);
  const named = datasetName(command);
  if ('error' in named) {
    reportDataModelProblem(planning, named.error, named.range);
    return undefined;
  }
  const dataset = planDataset(planning, named.name, named.range, 'from finds no events');
  if (!dataset) return undefined;
  return {
    command: 'from',
    range: command.range,
    generating: true,
    async *run(_input, ctx) {
      for await (const event of ctx.readEvents(command.range)) {
        const projected = dataset.project(event, ctx.evalContext);
        if (projected) yield datasetEvent(event, projected, dataset);
      }
    },
  };
}

/** The event with the dataset's fields under their own names. */
function datasetEvent(event: Row, projected: Row, dataset: CompiledDataset): Row {
  const row: Row = new Map(event);
  for (const field of dataset.fields) {
    const value = projected.get(dataset.prefix + field);
    if (value === undefined) row.delete(field);
    else row.set(field, value);
  }
  return row;
}

type NamedDataset = { name: string; range: SourceRange } | { error: string; range: SourceRange };

/** `datamodel:Name` as one argument, or `datamodel` then `Name`; other dataset types need Splunk. */
function datasetName(command: GenericCommand): NamedDataset {
  const [first, second, ...rest] = command.args;
  const where = command.nameRange ?? command.range;
  if (!first || first.kind !== 'literal') {
    return { error: 'from needs a dataset: | from datamodel:<model>.<dataset>.', range: where };
  }
  const colon = first.value.indexOf(':');
  const type = (colon < 0 ? first.value : first.value.slice(0, colon)).toLowerCase();
  if (type !== DATAMODEL) {
    return {
      error: `from ${type} datasets need Splunk; the local evaluator reads only datamodel datasets.`,
      range: first.range,
    };
  }
  const extra = colon < 0 ? rest : [second, ...rest].filter((a) => a !== undefined);
  if (extra.length > 0) {
    return { error: 'from takes one dataset; remove what follows it.', range: spanOf(extra) };
  }
  if (colon >= 0) return { name: unquote(first.value.slice(colon + 1)), range: first.range };
  if (second?.kind === 'literal') return { name: second.value, range: second.range };
  return {
    error: 'Name the data model dataset: from datamodel <model>.<dataset>.',
    range: first.range,
  };
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function spanOf(args: readonly GenericArgument[]): SourceRange {
  const first = args[0] as GenericArgument;
  const last = args[args.length - 1] as GenericArgument;
  return { start: first.range.start, end: last.range.end };
}
