import { parseSearchExpression } from '../syntax';
import type { Pipeline, SearchExpression } from '../syntax/ast';
import type { Diagnostic } from '../text/diagnostic';
import type { SourceRange } from '../text/range';
import { eventSource } from './eventSource';
import { searchLiterals, subsearchToSearchText, type EvalContext } from './expressions';
import {
  createInputReport,
  MAX_REPORTED_PROBLEMS,
  type DatasetSpec,
  type InputReport,
} from './input';
import { loadLookupTable } from './lookupFiles';
import type { Plan } from './plan/build';
import { executePlan } from './plan/execute';
import type { RunLimits } from './plan/limits';
import { Stopper } from './plan/stopper';
import { engineDiagnostic, type ExecutionContext, type PlannedPipeline } from './plan/types';
import type { Row } from './value';

const EMPTY_SUBSEARCH_TEXT = 'NOT ()';

export interface RunEnvironment {
  readonly datasets: readonly DatasetSpec[];
  readonly lookupPaths: readonly string[];
  readonly evalContext: EvalContext;
  readonly limits: RunLimits;
  readonly report: (diagnostic: Diagnostic) => void;
  readonly inputReport: InputReport;
  readonly extractFields: (row: Row) => Row;
  readonly fieldValueInRaw: (field: string) => boolean;
  readonly subplans: ReadonlyMap<Pipeline, Plan>;
}

/** Literals the first search requires in `_raw`, so the reader can skip other events unparsed. */
export function prefilterLiterals(
  pipeline: Pipeline,
  fieldValueInRaw: (field: string) => boolean,
): string[] {
  const first = pipeline.stages[0];
  if (pipeline.leadingPipe || !first || first.kind !== 'command' || first.name !== 'search')
    return [];
  return 'expression' in first && first.expression
    ? searchLiterals(first.expression as SearchExpression, { fieldValueInRaw })
    : [];
}

/**
 * The events a pipeline starts from: none when it starts with a generating command. `report`
 * counts what the reader saw, so that each pipeline (the main one, each subsearch) has its own.
 */
export function pipelineSource(
  pipeline: Pipeline,
  env: RunEnvironment,
  stopper: Stopper,
  report: InputReport,
) {
  if (pipeline.leadingPipe) return (async function* (): AsyncIterable<Row> {})();
  return eventSource({
    datasets: env.datasets,
    signal: stopper.signal,
    shouldStop: () => stopper.shouldStop(),
    literals: prefilterLiterals(pipeline, env.fieldValueInRaw),
    limits: env.limits,
    report,
    extractFields: env.extractFields,
    onLimit: env.report,
    range: pipeline.stages[0]?.range ?? pipeline.range,
  });
}

/** An execution context whose subsearches run over the same datasets, each under its own limits. */
export function createExecutionContext(env: RunEnvironment, stopper: Stopper): ExecutionContext {
  const lookups = new Map<string, Promise<readonly Row[] | undefined>>();
  const ctx: ExecutionContext = {
    evalContext: env.evalContext,
    limits: env.limits,
    signal: stopper.signal,
    shouldStop: () => stopper.shouldStop(),
    report: env.report,
    runSubpipeline: (pipeline, range, planned) =>
      runSubpipeline(
        pipeline,
        range,
        planned ? plannedEnvironment(env, pipeline, planned) : env,
        stopper,
      ),
    resolveSubsearches: (expression) => resolveSubsearches(expression, ctx),
    readEvents: (range) =>
      eventSource({
        datasets: env.datasets,
        signal: stopper.signal,
        shouldStop: () => stopper.shouldStop(),
        literals: [],
        limits: env.limits,
        report: env.inputReport,
        extractFields: env.extractFields,
        onLimit: env.report,
        range,
      }),
    loadLookup(table, range) {
      let pending = lookups.get(table);
      if (!pending) {
        pending = loadLookupTable(table, env.lookupPaths).then((load) => {
          if ('rows' in load) return load.rows;
          env.report(engineDiagnostic('error', 'spl.engine.lookup', load.error, range));
          return undefined;
        });
        lookups.set(table, pending);
      }
      return pending;
    },
  };
  return ctx;
}

async function runSubpipeline(
  pipeline: Pipeline,
  range: SourceRange,
  env: RunEnvironment,
  parent: Stopper,
): Promise<Row[]> {
  const plan = env.subplans.get(pipeline);
  if (!plan) return [];
  const stopper = new Stopper(env.limits.subsearchTimeLimitMs, parent);
  const report = createInputReport();
  const { rows } = executePlan(
    plan.operators,
    pipelineSource(pipeline, env, stopper, report),
    createExecutionContext(env, stopper),
  );
  const results: Row[] = [];
  for await (const row of rows) {
    if (results.length >= env.limits.subsearchMaxResults) {
      env.report(
        engineDiagnostic(
          'warning',
          'spl.engine.limit.subsearch-results',
          `The subsearch returned more than ${env.limits.subsearchMaxResults} results; only the first ` +
            `${env.limits.subsearchMaxResults} are used (Splunk's subsearch limit).`,
          range,
        ),
      );
      break;
    }
    results.push(row);
  }
  mergeProblems(env.inputReport, report);
  if (stopper.reason === 'time' && parent.reason === undefined) {
    env.report(
      engineDiagnostic(
        'warning',
        'spl.engine.limit.subsearch-time',
        `The subsearch ran out of time (${env.limits.subsearchTimeLimitMs / 1000} s, Splunk's subsearch ` +
          'limit); its results are partial.',
        range,
      ),
    );
  }
  return results;
}

/**
 * Each `[ subsearch ]` runs first; its rows become a search expression (Splunk's `format`), which
 * replaces it. The expression's shape is otherwise kept, so operand positions stay the same.
 */
async function resolveSubsearches(
  expression: SearchExpression,
  ctx: ExecutionContext,
): Promise<SearchExpression> {
  switch (expression.kind) {
    case 'and':
    case 'or': {
      const operands = [];
      for (const operand of expression.operands)
        operands.push(await resolveSubsearches(operand, ctx));
      return { ...expression, operands };
    }
    case 'not':
      return { ...expression, operand: await resolveSubsearches(expression.operand, ctx) };
    case 'subsearch': {
      const rows = await ctx.runSubpipeline(expression.pipeline, expression.range);
      const text = subsearchToSearchText(rows, { maxRows: ctx.limits.subsearchMaxResults });
      // `NOT ()` (format's text for no usable rows) matches no event: an empty OR says the same.
      if (text === EMPTY_SUBSEARCH_TEXT)
        return { kind: 'or', operands: [], range: expression.range };
      const parsed = parseSearchExpression(text);
      if (parsed.expression && !parsed.diagnostics.some((d) => d.severity === 'error'))
        return parsed.expression;
      ctx.report(
        engineDiagnostic(
          'error',
          'spl.engine.subsearch-text',
          `The subsearch's results gave a search that cannot be read: ${text}`,
          expression.range,
        ),
      );
      return expression;
    }
    default:
      return expression;
  }
}

/** The run's environment for a pipeline planned while it runs: its own subplans and message sink. */
function plannedEnvironment(
  env: RunEnvironment,
  pipeline: Pipeline,
  planned: PlannedPipeline,
): RunEnvironment {
  return {
    ...env,
    subplans: new Map([...planned.plan.subplans, [pipeline, planned.plan]]),
    report: planned.report,
  };
}

/** A subsearch's unreadable events and files are the run's problems too. */
function mergeProblems(into: InputReport, from: InputReport): void {
  into.skipped += from.skipped;
  for (const problem of from.problems) {
    if (into.problems.length < MAX_REPORTED_PROBLEMS) into.problems.push(problem);
  }
}
