import type { SearchExpression, TstatsCommand } from '../../syntax/ast';
import type { SourceRange } from '../../text/range';
import { INHERITED_FIELDS, type CompiledDataset } from '../datamodels';
import type { EvalContext } from '../expressions';
import { findOption } from '../plan/options';
import type { PlanningContext } from '../plan/types';
import { planDataset, reportDataModelProblem } from './datasetPlan';
import type { Row } from '../value';
import { reportUnknownDatasetFields } from './tstatsFields';

/** What tstats reads: a data model dataset, or (no `from`) the indexed fields of every event. */
export interface TstatsSource {
  /** `Endpoint.Processes`, or undefined for indexed fields. */
  readonly dataset?: CompiledDataset;
  /** The where clause without its `nodename=` terms, which chose the dataset. */
  readonly where?: SearchExpression;
  project(event: Row, context: EvalContext): Row | undefined;
}

/** The fields tstats sees without a data model: those Splunk writes to the index. */
const INDEXED_FIELDS = [...INHERITED_FIELDS, 'index'];

/**
 * Resolves `from datamodel=Model.Dataset` (or `datamodel=Model where nodename=Dataset`) against
 * the built-in and user data models; undefined (and reported) when it names none.
 */
export function planTstatsSource(
  command: TstatsCommand,
  planning: PlanningContext,
): TstatsSource | undefined {
  const { nodename, where } = splitNodename(command.where);
  const named = datamodelName(command);
  if (named === undefined) {
    if (nodename !== undefined) {
      reportDataModelProblem(
        planning,
        'nodename= needs a data model: add from datamodel=<model>.',
        command.range,
      );
      return undefined;
    }
    return { ...(where && { where }), project: indexedFields };
  }
  if ('error' in named) {
    reportDataModelProblem(planning, named.error, named.range);
    return undefined;
  }
  const dataset = planDataset(planning, named.name, named.range, 'tstats finds no rows', nodename);
  if (!dataset) return undefined;
  reportUnknownDatasetFields(command, dataset, where, planning);
  return {
    dataset,
    ...(where && { where }),
    project: (event, context) => dataset.project(event, context),
  };
}

function indexedFields(event: Row): Row {
  const row: Row = new Map();
  for (const field of INDEXED_FIELDS) {
    const value = event.get(field);
    if (value !== undefined) row.set(field, value);
  }
  return row;
}

function datamodelName(
  command: TstatsCommand,
): { name: string; range: SourceRange } | { error: string; range: SourceRange } | undefined {
  const from = command.from;
  if (from?.kind === 'macro') {
    return { error: `The macro '${from.name}' was not expanded.`, range: from.range };
  }
  if (from) return { name: from.value, range: from.range };
  const option = findOption(command, 'datamodel');
  if (option?.value.kind === 'literal') return { name: option.value.value, range: option.range };
  return undefined;
}

/** Takes `nodename=X` out of the top level of the where clause: it names a dataset, not a field. */
function splitNodename(where: SearchExpression | undefined): {
  nodename?: { value: string; range: SourceRange };
  where?: SearchExpression;
} {
  if (!where) return {};
  const isNodename = (e: SearchExpression) =>
    e.kind === 'compare' && e.operator === '=' && e.field.name.toLowerCase() === 'nodename';
  const operands = where.kind === 'and' ? where.operands : [where];
  const found = operands.find(isNodename);
  if (!found || found.kind !== 'compare') return { where };
  const rest = operands.filter((e) => e !== found);
  const nodename = { value: found.value.value, range: found.range };
  if (rest.length === 0) return { nodename };
  if (rest.length === 1) return { nodename, where: rest[0] as SearchExpression };
  return { nodename, where: { kind: 'and', operands: rest, range: where.range } };
}
