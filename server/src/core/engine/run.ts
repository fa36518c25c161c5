import { buildMacroIndex, expandMacros, type MacroIndex } from '../macros';
import { parseSpl } from '../syntax';
import type { SearchExpression, Stage } from '../syntax/ast';
import type { Diagnostic } from '../text/diagnostic';
import type { SourceRange } from '../text/range';
import { explainEmptyPrefilter } from './explainPrefilter';
import { createFieldExtraction } from './fieldExtraction';
import { macroEvaluator } from './macroEvaluation';
import { createInputReport, type DatasetSpec } from './input';
import { buildPlan } from './plan/build';
import { executePlan } from './plan/execute';
import { resolveLimits, type RunLimits } from './plan/limits';
import { Stopper } from './plan/stopper';
import type { RunTrace } from './plan/trace';
import { collectDetails, createTrace, type RunDetails, type RunDetailsRequest } from './runDetails';
import { MessageLog, reportInput, reportStop, type RunMessage } from './runMessages';
import { toResultRecord, resultFields, type ResultRecord } from './results';
import { createExecutionContext, pipelineSource, type RunEnvironment } from './runContext';
import { isValidTimeZone } from './time';
import type { Row } from './value';

export type { RunMessage } from './runMessages';
export type { EventRef, RunDetails, RunDetailsRequest, RunTimeline } from './runDetails';

export interface RunRequest {
  text: string;
  macroIndex?: MacroIndex;
  /** Filter macros taken as `search *` when no file defines them (security_content's convention). */
  implicitFilterMacros?: string[];
  datasets: DatasetSpec[];
  fieldConfigFiles?: string[];
  lookupPaths?: string[];
  timezone?: string;
  /** The search's "now", epoch seconds. */
  now?: number;
  limits?: Partial<RunLimits>;
  signal?: AbortSignal;
  /** Data model files (YAML/JSON, or folders of them) added to the built-in CIM models for tstats. */
  dataModelPaths?: string[];
  /** Keep stage samples, the timeline and result lineage (`RunResult.details`). */
  details?: RunDetailsRequest;
  /** Give the event loop a turn after this many ms of work (for a server that must answer). */
  yieldEveryMs?: number;
}

export interface RunStage {
  command: string;
  in: number;
  out: number;
  ms: number;
  range: SourceRange;
}

export interface RunResult {
  fields: string[];
  results: ResultRecord[];
  stages: RunStage[];
  messages: RunMessage[];
  /** Present when the request asked for details and the search ran. */
  details?: RunDetails;
}

/**
 * Expands macros, parses, plans (reporting every unsupported command before anything runs), then
 * streams the datasets through the plan. Never throws for bad input: problems are messages.
 */
export async function runSearch(request: RunRequest): Promise<RunResult> {
  const limits = resolveLimits(request.limits);
  const timezone = request.timezone ?? 'UTC';
  const evalContext = { now: request.now ?? Date.now() / 1000, timezone };
  const expanded = expandMacros(request.text, request.macroIndex ?? buildMacroIndex([]).index, {
    implicitFilterMacros: request.implicitFilterMacros ?? [],
    evaluateEval: macroEvaluator(evalContext),
  });
  const toOriginal = (range: SourceRange): SourceRange =>
    expanded.sourceMap.toOriginalRange(range.start.offset, range.end.offset);
  const messages = new MessageLog();
  messages.addAll(expanded.diagnostics, (r) => r);
  if (!isValidTimeZone(timezone)) {
    messages.add({
      severity: 'error',
      code: 'spl.engine.timezone',
      message: `'${timezone}' is not an IANA time zone (e.g. UTC, Europe/Paris).`,
    });
  }
  const parsed = parseSpl(expanded.text);
  messages.addAll(parsed.diagnostics, toOriginal);
  const planning = {
    evalContext,
    diagnostics: [] as Diagnostic[],
    dataModelPaths: request.dataModelPaths,
    macroIndex: request.macroIndex,
    implicitFilterMacros: request.implicitFilterMacros,
  };
  const plan = buildPlan(parsed.pipeline, planning, expanded.text);
  // A macro left unexpanded has already been explained by the expansion at the same place.
  const explainedMacros = new Set(expanded.diagnostics.map((d) => d.range.start.offset));
  messages.addAll(
    planning.diagnostics.filter(
      (d) =>
        d.code !== 'spl.engine.macro-not-expanded' ||
        !explainedMacros.has(toOriginal(d.range).start.offset),
    ),
    toOriginal,
  );
  const fields = createFieldExtraction(request.fieldConfigFiles ?? [], evalContext);
  for (const message of fields.messages) messages.add(message);
  if (messages.hasErrors())
    return { fields: [], results: [], stages: [], messages: messages.list() };

  const stopper = new Stopper(limits.timeLimitMs, undefined, request.signal);
  const inputReport = createInputReport();
  const env: RunEnvironment = {
    datasets: request.datasets,
    lookupPaths: request.lookupPaths ?? [],
    evalContext,
    limits,
    report: (d) => messages.add(d, toOriginal),
    inputReport,
    extractFields: fields.extract,
    fieldValueInRaw: fields.fieldValueInRaw,
    subplans: plan.subplans,
  };
  const source = pipelineSource(parsed.pipeline, env, stopper, inputReport);
  const trace: RunTrace | undefined =
    request.details && createTrace(request.details, plan.operators, parsed.pipeline, timezone);
  const { rows, stages: stageStats } = executePlan(
    plan.operators,
    source,
    createExecutionContext(env, stopper),
    {
      ...(trace ? { observe: trace.observe } : {}),
      ...(request.yieldEveryMs !== undefined ? { yieldEveryMs: request.yieldEveryMs } : {}),
    },
  );
  const kept = await collectResults(rows, limits, messages);
  const stages = stageStats();
  const readsEvents = !parsed.pipeline.leadingPipe;
  const firstSearch = readsEvents ? searchExpressionOf(parsed.pipeline.stages[0]) : undefined;
  const firstStage = stages[0];
  if (readsEvents && firstStage) {
    // Events the literal pre-filter skipped were read and rejected by the first search.
    firstStage.in += inputReport.filteredOut;
    if (firstSearch && firstStage.out === 0 && inputReport.filteredOut > 0) {
      const explained = await explainEmptyPrefilter(
        firstSearch,
        request.datasets,
        fields.fieldValueInRaw,
        stopper.signal,
        expanded.text,
      );
      messages.addAll(explained, toOriginal);
    }
  }
  reportStop(stopper.reason, limits, messages);
  reportInput(inputReport, readsEvents ? request.datasets : undefined, messages);
  return {
    fields: resultFields(kept),
    results: kept.map((row) => toResultRecord(row, timezone)),
    stages: stages.map((s) => ({
      command: s.command,
      in: s.in,
      out: s.out,
      ms: Math.round(s.ms * 100) / 100,
      range: toOriginal(s.range),
    })),
    messages: messages.list(),
    ...(trace && request.details ? { details: collectDetails(trace, request.details, kept) } : {}),
  };
}

function searchExpressionOf(stage: Stage | undefined): SearchExpression | undefined {
  return stage?.kind === 'command' && stage.name === 'search' && 'expression' in stage
    ? (stage.expression as SearchExpression | undefined)
    : undefined;
}

/** The rows the run returns, up to the result-rows limit; the rest are counted and reported. */
async function collectResults(
  rows: AsyncIterable<Row>,
  limits: RunLimits,
  messages: MessageLog,
): Promise<Row[]> {
  const kept: Row[] = [];
  let dropped = 0;
  for await (const row of rows) {
    if (kept.length < limits.maxResultRows) kept.push(row);
    else dropped++;
  }
  if (dropped > 0) {
    messages.add({
      severity: 'warning',
      code: 'spl.engine.limit.result-rows',
      message:
        `The search gave ${kept.length + dropped} results; only the first ` +
        `${limits.maxResultRows} are returned (the result-rows limit).`,
    });
  }
  return kept;
}
