import type { StatsCommand } from '../../syntax/ast';
import { findOption, optionBoolean, optionNumber, reportUnsupportedOptions } from '../plan/options';
import {
  bufferLimitReached,
  engineDiagnostic,
  type ExecutionContext,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import type { Row } from '../value';
import { groupKey, splitByFields } from './grouping';
import {
  planStatsColumns,
  StatsColumns,
  type GroupColumns,
  type StatsColumnPlan,
} from './statsColumns';

/** Splunk's largest streamstats window (limits.conf [stats] max_stream_window). */
export const MAX_STREAM_WINDOW = 10_000;

interface StreamSettings {
  readonly plan: StatsColumnPlan;
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
 * A wildcard aggregation (`latest(*)`) expands as in stats (statsColumns.ts); a field first seen
 * mid-stream gets its aggregator then, and an event gets the expanded fields its group (or
 * window) has seen so far. Each event is aggregated before its results are set on it (and the
 * window keeps copies), so the fields streamstats adds never match its own wildcard.
 */
export function streamstatsOperator(
  command: StatsCommand,
  planning: PlanningContext,
): Operator | undefined {
  const plan = planStatsColumns(command.aggregations, planning);
  reportUnsupportedOptions(command, ['window', 'current', 'global'], planning);
  const window = windowSize(command, planning);
  const current = optionBoolean(command, 'current', planning) ?? true;
  const global = optionBoolean(command, 'global', planning) ?? true;
  if (!plan || window === undefined) return undefined;
  const settings: StreamSettings = { plan, window, current, global };
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

/** No window: one set of aggregators per group, fed as events pass. */
async function* running(
  command: StatsCommand,
  settings: StreamSettings,
  input: AsyncIterable<Row>,
  ctx: ExecutionContext,
): AsyncIterable<Row> {
  const groups = new Map<string, { columns: GroupColumns; seen: number }>();
  const columns = new StatsColumns(settings.plan, command.by, ctx);
  for await (const row of input) {
    const key = groupOf(row, command);
    if (key === undefined) {
      yield row;
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      if (bufferLimitReached(ctx, groups.size, command.name, command.range)) return;
      group = { columns: columns.newGroup(ctx.evalContext), seen: 0 };
      groups.set(key, group);
    }
    // current=false reads the group before this event joins it; either way the event is added
    // before the results are set on it, so an output named like an input does not feed itself.
    let before: Row | undefined;
    if (!settings.current && group.seen > 0) {
      before = new Map();
      columns.writeSeen(group.columns, before);
    }
    columns.add(group.columns, row);
    group.seen++;
    if (settings.current) columns.writeSeen(group.columns, row);
    else if (before) for (const [name, value] of before) row.set(name, value);
    yield row;
  }
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
  const columns = new StatsColumns(settings.plan, command.by, ctx);
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
    const group = key === undefined ? undefined : aggregateWindow(window, key, columns, ctx);
    if (!settings.current) enter(window, entry, settings.window);
    if (group) columns.writeSeen(group, row);
    yield row;
  }
}

function enter(window: WindowEntry[], entry: WindowEntry, size: number): void {
  window.push(entry);
  if (window.length > size) window.shift();
}

/** The group's columns over the window's events of that group; undefined when it has none. */
function aggregateWindow(
  window: readonly WindowEntry[],
  key: string,
  columns: StatsColumns,
  ctx: ExecutionContext,
): GroupColumns | undefined {
  let group: GroupColumns | undefined;
  for (const entry of window) {
    if (entry.key !== key) continue;
    group ??= columns.newGroup(ctx.evalContext);
    columns.add(group, entry.row);
  }
  return group;
}
