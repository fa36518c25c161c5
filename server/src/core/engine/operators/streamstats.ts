import type { StatsCommand } from '../../syntax/ast';
import type { Aggregator } from '../aggregations';
import type { EvalContext } from '../expressions';
import { findOption, optionBoolean, optionNumber, reportUnsupportedOptions } from '../plan/options';
import {
  bufferLimitReached,
  engineDiagnostic,
  type ExecutionContext,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import type { FieldValue, Row } from '../value';
import { groupKey, newAggregators, planAggregations, splitByFields } from './grouping';

/** Splunk's largest streamstats window (limits.conf [stats] max_stream_window). */
export const MAX_STREAM_WINDOW = 10_000;

interface StreamSettings {
  readonly names: readonly string[];
  /** 0: every event seen so far. */
  readonly window: number;
  readonly current: boolean;
  /** With a window: one window over all events (true) or one per group (false). */
  readonly global: boolean;
}

/**
 * `streamstats [window=N] [current=bool] [global=bool]`: each event gets the aggregations over
 * the events of its group seen so far (current=true includes the event itself), or over the last
 * N events only. An event with a missing by-field passes unchanged; when no event is in its
 * window (current=false on a group's first event) it gets no fields.
 */
export function streamstatsOperator(
  command: StatsCommand,
  planning: PlanningContext,
): Operator | undefined {
  const plan = planAggregations(command.aggregations, planning);
  reportUnsupportedOptions(command, ['window', 'current', 'global'], planning);
  const window = windowSize(command, planning);
  const current = optionBoolean(command, 'current', planning) ?? true;
  const global = optionBoolean(command, 'global', planning) ?? true;
  if (!plan || window === undefined) return undefined;
  const settings: StreamSettings = { names: plan.names, window, current, global };
  return {
    command: command.name,
    range: command.range,
    run: (input, ctx) =>
      window === 0
        ? running(command, settings, input, ctx)
        : windowed(command, settings, input, ctx),
  };
}

function windowSize(command: StatsCommand, planning: PlanningContext): number | undefined {
  const size = optionNumber(command, 'window', planning);
  const option = findOption(command, 'window');
  if (size === undefined) return option ? undefined : 0;
  if (Number.isInteger(size) && size >= 0 && size <= MAX_STREAM_WINDOW) return size;
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.invalid-option',
      `window= takes a whole number from 0 to ${MAX_STREAM_WINDOW} (Splunk's max_stream_window), not '${size}'.`,
      option?.value.range ?? command.range,
    ),
  );
  return undefined;
}

/** The group of a row, or undefined when a by-field is missing; a multivalue one takes its first value. */
function groupOf(row: Row, command: StatsCommand): string | undefined {
  const split = splitByFields(row, command.by);
  return split.kind === 'missing' ? undefined : groupKey(split.combinations[0] ?? []);
}

function setResults(
  row: Row,
  names: readonly string[],
  values: readonly (FieldValue | undefined)[],
) {
  values.forEach((value, j) => {
    if (value !== undefined) row.set(names[j] as string, value);
  });
}

/** No window: one set of aggregators per group, fed as events pass. */
async function* running(
  command: StatsCommand,
  settings: StreamSettings,
  input: AsyncIterable<Row>,
  ctx: ExecutionContext,
): AsyncIterable<Row> {
  const groups = new Map<string, { aggregators: Aggregator[]; seen: number }>();
  for await (const row of input) {
    const key = groupOf(row, command);
    if (key === undefined) {
      yield row;
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      if (bufferLimitReached(ctx, groups.size, command.name, command.range)) return;
      group = { aggregators: newAggregators(command.aggregations, ctx.evalContext), seen: 0 };
      groups.set(key, group);
    }
    // current=false reads the group before this event joins it; either way the event is added
    // before the results are set on it, so an output named like an input does not feed itself.
    const before = settings.current || group.seen === 0 ? undefined : results(group.aggregators);
    for (const aggregator of group.aggregators) aggregator.add(row);
    group.seen++;
    const values = settings.current ? results(group.aggregators) : before;
    if (values) setResults(row, settings.names, values);
    yield row;
  }
}

function results(aggregators: readonly Aggregator[]): (FieldValue | undefined)[] {
  return aggregators.map((aggregator) => aggregator.result());
}

/** A row as it entered the window, with its group (undefined: a missing by-field). */
interface WindowEntry {
  readonly key: string | undefined;
  readonly row: Row;
}

/**
 * window=N: the aggregations are recomputed over the window for every event, since aggregators
 * cannot take a row back out. The window holds copies, as later stages may change the rows.
 */
async function* windowed(
  command: StatsCommand,
  settings: StreamSettings,
  input: AsyncIterable<Row>,
  ctx: ExecutionContext,
): AsyncIterable<Row> {
  const shared: WindowEntry[] = [];
  const perGroup = new Map<string, WindowEntry[]>();
  for await (const row of input) {
    if (ctx.shouldStop()) return;
    const key = groupOf(row, command);
    let window: WindowEntry[] | undefined = shared;
    if (!settings.global) {
      window = key === undefined ? undefined : perGroup.get(key);
      if (key !== undefined && !window) {
        if (bufferLimitReached(ctx, perGroup.size, command.name, command.range)) return;
        window = [];
        perGroup.set(key, window);
      }
    }
    if (!window) {
      yield row;
      continue;
    }
    const entry: WindowEntry = { key, row: new Map(row) };
    if (settings.current) enter(window, entry, settings.window);
    const values =
      key === undefined ? undefined : aggregateWindow(window, key, command, ctx.evalContext);
    if (!settings.current) enter(window, entry, settings.window);
    if (values) setResults(row, settings.names, values);
    yield row;
  }
}

function enter(window: WindowEntry[], entry: WindowEntry, size: number): void {
  window.push(entry);
  if (window.length > size) window.shift();
}

function aggregateWindow(
  window: readonly WindowEntry[],
  key: string,
  command: StatsCommand,
  context: EvalContext,
): (FieldValue | undefined)[] | undefined {
  let aggregators: Aggregator[] | undefined;
  for (const entry of window) {
    if (entry.key !== key) continue;
    aggregators ??= newAggregators(command.aggregations, context);
    for (const aggregator of aggregators) aggregator.add(entry.row);
  }
  return aggregators && results(aggregators);
}
