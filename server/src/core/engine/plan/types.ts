import type { MacroIndex } from '../../macros';
import type { Pipeline, SearchExpression } from '../../syntax/ast';
import type { Diagnostic, Severity } from '../../text/diagnostic';
import type { SourceRange } from '../../text/range';
import type { EvalContext } from '../expressions';
import type { Row } from '../value';
import type { Plan } from './build';
import type { RunLimits } from './limits';

/**
 * A pipeline planned while the run executes (map's searches, whose text exists only then): its
 * plan, and where its messages go, since its ranges are not in the user's text.
 */
export interface PlannedPipeline {
  readonly plan: Plan;
  readonly report: (diagnostic: Diagnostic) => void;
}

/** What operators may ask of the run while they execute. */
export interface ExecutionContext {
  readonly evalContext: EvalContext;
  readonly limits: RunLimits;
  /** Aborted on cancellation and when the time limit is hit. */
  readonly signal: AbortSignal;
  /**
   * True once the run is cancelled or past its deadline (it then aborts `signal`). Loops that
   * produce rows without awaiting I/O call it, since a timer cannot fire between their rows.
   */
  shouldStop(): boolean;
  report(diagnostic: Diagnostic): void;
  /**
   * Runs a bracketed pipeline over the run's datasets, under the subsearch limits; `planned` for
   * a pipeline that is not part of the run's plan.
   */
  runSubpipeline(pipeline: Pipeline, range: SourceRange, planned?: PlannedPipeline): Promise<Row[]>;
  /** The search expression with every subsearch replaced by the search its results give. */
  resolveSubsearches(expression: SearchExpression): Promise<SearchExpression>;
  /** The rows of a CSV lookup table; undefined (and reported) when it cannot be read. */
  loadLookup(table: string, range: SourceRange): Promise<readonly Row[] | undefined>;
  /** The run's events with their search-time fields, for generating commands that read them (tstats). */
  readEvents(range: SourceRange): AsyncIterable<Row>;
}

/**
 * One command of the plan. Streaming operators pull rows one at a time; blocking ones (stats,
 * sort, ...) hold only their state. An operator owns the rows it receives and may change them.
 */
export interface Operator {
  readonly command: string;
  readonly range: SourceRange;
  /** Generating operators (makeresults, inputlookup) ignore their input. */
  readonly generating?: boolean;
  run(input: AsyncIterable<Row>, ctx: ExecutionContext): AsyncIterable<Row>;
}

/** What building an operator may use and report. */
export interface PlanningContext {
  readonly evalContext: EvalContext;
  readonly diagnostics: Diagnostic[];
  /** Data model files added to the built-in ones (tstats). */
  readonly dataModelPaths?: readonly string[];
  /** The run's macros, for searches whose text exists only while the run executes (map). */
  readonly macroIndex?: MacroIndex;
  readonly implicitFilterMacros?: readonly string[];
}

export function engineDiagnostic(
  severity: Severity,
  code: string,
  message: string,
  range: SourceRange,
): Diagnostic {
  return { severity, code, message, range, source: 'engine' };
}

/**
 * True (and reported once by the caller's flag) when a blocking operator holds more rows than the
 * limit allows; the operator then stops reading and works with what it holds.
 */
export function bufferLimitReached(
  ctx: ExecutionContext,
  held: number,
  command: string,
  range: SourceRange,
): boolean {
  if (held < ctx.limits.maxBufferedRows) return false;
  ctx.report(
    engineDiagnostic(
      'warning',
      'spl.engine.limit.buffered-rows',
      `'${command}' stopped reading at ${ctx.limits.maxBufferedRows} rows (the buffered-rows limit); ` +
        'its results cover only those rows. Narrow the search or raise the limit.',
      range,
    ),
  );
  return true;
}

/** Every input row, for a blocking operator that needs them all, up to the buffered-rows limit. */
export async function holdRows(
  input: AsyncIterable<Row>,
  ctx: ExecutionContext,
  command: string,
  range: SourceRange,
): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of input) {
    if (bufferLimitReached(ctx, rows.length, command, range)) break;
    rows.push(row);
  }
  return rows;
}
