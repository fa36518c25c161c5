import type { Severity } from '../../text/diagnostic';
import type { SourceRange } from '../../text/range';
import {
  compileDataset,
  loadDataModels,
  resolveDataset,
  type CompiledDataset,
} from '../datamodels';
import { engineDiagnostic, type PlanningContext } from '../plan/types';

/** A data model problem of the plan (tstats, from), at `range`. */
export function reportDataModelProblem(
  planning: PlanningContext,
  message: string,
  range: SourceRange,
  severity: Severity = 'error',
): void {
  planning.diagnostics.push(engineDiagnostic(severity, 'spl.engine.datamodel', message, range));
}

/**
 * The dataset `name` (a child named by `nodename`, tstats' `where nodename=...`) of the run's
 * data models, compiled; undefined when it cannot be resolved. Every problem is reported at
 * `range` (a bad nodename at its own range); `noRowsThere` says what finds nothing in a dataset
 * no mapping populates ("tstats finds no rows").
 */
export function planDataset(
  planning: PlanningContext,
  name: string,
  range: SourceRange,
  noRowsThere: string,
  nodename?: { readonly value: string; readonly range: SourceRange },
): CompiledDataset | undefined {
  const { catalog, problems } = loadDataModels(planning.dataModelPaths ?? []);
  // A broken data model file costs only what it defines: the search still runs.
  for (const problem of problems)
    reportDataModelProblem(planning, `${problem.file}: ${problem.message}`, range, 'warning');
  const resolved = resolveDataset(catalog, name, nodename?.value);
  if ('error' in resolved) {
    reportDataModelProblem(planning, resolved.error, nodename?.range ?? range);
    return undefined;
  }
  const compiled = compileDataset(catalog, resolved.dataset, resolved.child);
  for (const problem of compiled.problems)
    reportDataModelProblem(planning, `${problem.file}: ${problem.message}`, range, 'warning');
  if (compiled.dataset.mappingCount === 0) {
    reportDataModelProblem(
      planning,
      `No mapping populates ${resolved.dataset.model}.${resolved.dataset.name} from the events the ` +
        `local evaluator reads, so ${noRowsThere} there; add a mapping for your data (dataModelPaths).`,
      range,
      'info',
    );
  }
  return compiled.dataset;
}
