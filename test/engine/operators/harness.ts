import { createInputReport } from '../../../server/src/core/engine/input';
import { buildPlan } from '../../../server/src/core/engine/plan/build';
import { executePlan, type StageStats } from '../../../server/src/core/engine/plan/execute';
import { resolveLimits, type RunLimits } from '../../../server/src/core/engine/plan/limits';
import { Stopper } from '../../../server/src/core/engine/plan/stopper';
import { toResultRecord, type ResultRecord } from '../../../server/src/core/engine/results';
import { createExecutionContext } from '../../../server/src/core/engine/runContext';
import type { Row, FieldValue } from '../../../server/src/core/engine/value';
import { parseSpl } from '../../../server/src/core/syntax';
import type { Diagnostic } from '../../../server/src/core/text/diagnostic';

/** 2026-01-01T00:00:00Z: a fixed "now" so that makeresults and time functions are repeatable. */
export const NOW = 1_767_225_600;

export interface StageRun {
  rows: ResultRecord[];
  /** Planning diagnostics (unsupported commands, bad options), then run messages. */
  diagnostics: Diagnostic[];
  stages: StageStats[];
}

export function rowsOf(records: readonly Record<string, FieldValue>[]): Row[] {
  return records.map((record) => new Map(Object.entries(record)));
}

async function* stream(rows: readonly Row[]): AsyncIterable<Row> {
  yield* rows;
}

/**
 * Runs the stages of `spl` (written with a leading `|`, e.g. `| sort - x`) over the given rows,
 * as the run does but without reading files. Syntax errors fail the test at once.
 */
export async function runStages(
  spl: string,
  input: readonly Record<string, FieldValue>[] = [],
  options: { limits?: Partial<RunLimits>; signal?: AbortSignal; lookupPaths?: string[] } = {},
): Promise<StageRun> {
  const parsed = parseSpl(spl);
  const syntaxErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (syntaxErrors.length > 0) {
    throw new Error(`syntax errors in ${spl}: ${syntaxErrors.map((d) => d.message).join('; ')}`);
  }
  const evalContext = { now: NOW, timezone: 'UTC' };
  const diagnostics: Diagnostic[] = [];
  const plan = buildPlan(parsed.pipeline, { evalContext, diagnostics }, spl);
  const limits = resolveLimits(options.limits);
  const stopper = new Stopper(limits.timeLimitMs, undefined, options.signal);
  const ctx = createExecutionContext(
    {
      datasets: [],
      lookupPaths: options.lookupPaths ?? [],
      evalContext,
      limits,
      report: (d) => diagnostics.push(d),
      inputReport: createInputReport(),
      extractFields: (row) => row,
      fieldValueInRaw: () => false,
      subplans: plan.subplans,
    },
    stopper,
  );
  if (diagnostics.some((d) => d.severity === 'error')) return { rows: [], diagnostics, stages: [] };
  const { rows, stages } = executePlan(plan.operators, stream(rowsOf(input)), ctx);
  const out: ResultRecord[] = [];
  for await (const row of rows) out.push(toResultRecord(row, 'UTC'));
  return { rows: out, diagnostics, stages: stages() };
}

export function codes(run: StageRun): string[] {
  return run.diagnostics.map((d) => d.code);
}
