import { buildMacroIndex, expandMacros, type MacroIndex } from '../macros';
import { parseSpl } from '../syntax';
import type { SearchExpression } from '../syntax/ast';
import type { Diagnostic, Severity } from '../text/diagnostic';
import type { SourceRange } from '../text/range';
import { explainEmptyPrefilter } from './explainPrefilter';
import { createFieldExtraction } from './fieldExtraction';
import { createInputReport, type DatasetSpec, type InputReport } from './input';
import { buildPlan } from './plan/build';
import { executePlan } from './plan/execute';
import { resolveLimits, type RunLimits } from './plan/limits';
import { Stopper, type StopReason } from './plan/stopper';
import { toResultRecord, resultFields, type ResultRecord } from './results';
import { createExecutionContext, pipelineSource, type RunEnvironment } from './runContext';
import { isValidTimeZone } from './time';
import type { Row } from './value';

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
}

export interface RunStage {
  command: string;
  in: number;
  out: number;
  ms: number;
  range: SourceRange;
}

export interface RunMessage {
  severity: Severity;
  code: string;
  message: string;
  /** In the user's text (before macro expansion); absent for messages about files. */
  range?: SourceRange;
}

export interface RunResult {
  fields: string[];
  results: ResultRecord[];
  stages: RunStage[];
  messages: RunMessage[];
}

/**
 * Expands macros, parses, plans (reporting every unsupported command before anything runs), then
 * streams the datasets through the plan. Never throws for bad input: problems are messages.
 */
export async function runSearch(request: RunRequest): Promise<RunResult> {
  const limits = resolveLimits(request.limits);
  const timezone = request.timezone ?? 'UTC';
  const expanded = expandMacros(request.text, request.macroIndex ?? buildMacroIndex([]).index, {
    implicitFilterMacros: request.implicitFilterMacros ?? [],
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
  const evalContext = { now: request.now ?? Date.now() / 1000, timezone };
  const planning = { evalContext, diagnostics: [] as Diagnostic[] };
  const plan = buildPlan(parsed.pipeline, planning, expanded.text);
  messages.addAll(planning.diagnostics, toOriginal);
  const fields = createFieldExtraction(request.fieldConfigFiles ?? [], evalContext);
  for (const message of fields.messages) messages.add(message);
  if (messages.hasErrors())
    return { fields: [], results: [], stages: [], messages: messages.list() };

  const stopper = new Stopper(limits.timeLimitMs, undefined, request.signal);
  const inputReport = createInputReport();
  const report = (d: Diagnostic) => messages.add(d, toOriginal);
  const env: RunEnvironment = {
    datasets: request.datasets,
    lookupPaths: request.lookupPaths ?? [],
    evalContext,
    limits,
    report,
    inputReport,
    extractFields: fields.extract,
    fieldValueInRaw: fields.fieldValueInRaw,
    subplans: plan.subplans,
  };
  const source = pipelineSource(parsed.pipeline, env, stopper);
  const ctx = createExecutionContext(env, stopper);
  const { rows, stages } = executePlan(plan.operators, source, ctx);
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
      message: `The search gave ${kept.length + dropped} results; only the first ${limits.maxResultRows} are returned (the result-rows limit).`,
    });
  }
  const first = parsed.pipeline.stages[0];
  if (
    first?.kind === 'command' &&
    first.name === 'search' &&
    'expression' in first &&
    first.expression &&
    stages[0]?.in === 0 &&
    inputReport.filteredOut > 0
  ) {
    const explained = await explainEmptyPrefilter(
      first.expression as SearchExpression,
      request.datasets,
      fields.fieldValueInRaw,
      stopper.signal,
      expanded.text,
    );
    messages.addAll(explained, toOriginal);
  }
  reportStop(stopper.reason, limits, messages);
  reportInput(inputReport, parsed.pipeline.leadingPipe ? undefined : request.datasets, messages);
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
  };
}

function reportStop(reason: StopReason | undefined, limits: RunLimits, messages: MessageLog): void {
  if (!reason) return;
  messages.add(
    reason === 'time'
      ? {
          severity: 'warning',
          code: 'spl.engine.limit.time',
          message: `The run stopped at its time limit (${limits.timeLimitMs / 1000} s); results cover only the events read until then.`,
        }
      : {
          severity: 'warning',
          code: 'spl.engine.cancelled',
          message: 'The run was cancelled; results cover only the events read until then.',
        },
  );
}

/** Input problems; and, when the search reads events (`datasets` given), a note if there were none. */
function reportInput(
  report: InputReport,
  datasets: readonly DatasetSpec[] | undefined,
  messages: MessageLog,
): void {
  for (const problem of report.problems) {
    const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
    messages.add({
      severity: 'warning',
      code: 'spl.input.skipped',
      message: `${where}: ${problem.message}`,
    });
  }
  if (report.skipped > report.problems.length) {
    messages.add({
      severity: 'warning',
      code: 'spl.input.skipped',
      message: `${report.skipped - report.problems.length} more events or files were skipped.`,
    });
  }
  if (!datasets) return;
  if (datasets.length === 0) {
    messages.add({
      severity: 'info',
      code: 'spl.engine.no-data',
      message: 'No dataset was given, so the search ran over no events (give --data).',
    });
  } else if (report.events === 0) {
    messages.add({
      severity: 'info',
      code: 'spl.engine.no-events',
      message: `No events were found in ${datasets.map((d) => d.path).join(', ')}.`,
    });
  }
}

/** Messages in the user's coordinates, each reported once. */
class MessageLog {
  private readonly byKey = new Map<string, RunMessage>();

  add(message: RunMessage | Diagnostic, toOriginal?: (range: SourceRange) => SourceRange): void {
    const range = message.range && toOriginal ? toOriginal(message.range) : message.range;
    const entry: RunMessage = {
      severity: message.severity,
      code: message.code,
      message: message.message,
      ...(range ? { range } : {}),
    };
    const key = `${entry.code}|${entry.message}|${range?.start.offset ?? ''}|${range?.end.offset ?? ''}`;
    if (!this.byKey.has(key)) this.byKey.set(key, entry);
  }

  addAll(
    diagnostics: readonly Diagnostic[],
    toOriginal: (range: SourceRange) => SourceRange,
  ): void {
    for (const d of diagnostics) this.add(d, toOriginal);
  }

  hasErrors(): boolean {
    for (const m of this.byKey.values()) if (m.severity === 'error') return true;
    return false;
  }

  list(): RunMessage[] {
    return [...this.byKey.values()];
  }
}
