import { findCommand } from '../syntax/catalog';
import type { Pipeline, Stage } from '../syntax/ast';
import type { Operator } from './plan/types';
import { RunTrace, type EventRef, type StageLineage } from './plan/trace';
import type { ResultRecord } from './results';
import type { Row } from './value';

export type { EventRef } from './plan/trace';

/** What a run keeps beyond its results when asked (`RunRequest.details`): for the editor. */
export interface RunDetailsRequest {
  /** Rows kept from the output of each stage (default 5). */
  readonly sampleRows?: number;
  /** Input events remembered per result row (default 10). */
  readonly eventsPerRow?: number;
  /** Result rows, from the first, whose events are returned (default 1,000). */
  readonly rowsWithEvents?: number;
  /** Raw text, in characters, that stats-like stages may keep for lineage (default 32 Mi). */
  readonly groupedRawChars?: number;
}

export interface RunTimeline {
  /** The stage whose output was counted: the one before the first transforming command. */
  readonly stageIndex: number;
  /** [whole second of `_time`, events] in ascending time. */
  readonly seconds: readonly (readonly [number, number])[];
  readonly events: number;
}

export interface RunDetails {
  /** Per stage (same index as `stages`), the first rows out of it. */
  readonly stageSamples: readonly (readonly ResultRecord[])[];
  /** Absent when the search reads no events. */
  readonly timeline?: RunTimeline;
  /** Per result row (the first `rowsWithEvents`), indices into `events`. */
  readonly rowEvents: readonly (readonly number[])[];
  readonly events: readonly EventRef[];
  /** True when a limit cut some row's events (the grouped raw text budget). */
  readonly lineageTruncated: boolean;
}

export const DEFAULT_DETAILS = {
  sampleRows: 5,
  eventsPerRow: 10,
  rowsWithEvents: 1000,
  groupedRawChars: 32 * 1024 * 1024,
};

/**
 * The tracer for a run's main pipeline. The timeline counts the events out of the stage before
 * the first transforming command (Splunk's timeline shows events, not the statistics made of
 * them), or out of the last stage when none transforms.
 */
export function createTrace(
  request: RunDetailsRequest,
  operators: readonly Operator[],
  pipeline: Pipeline,
  timezone: string,
): RunTrace {
  const stages = operators.map((operator) => stageAt(pipeline, operator));
  const firstTransforming = stages.findIndex(
    (stage) => stage !== undefined && stageKind(stage) === 'transforming',
  );
  const timelineStage = pipeline.leadingPipe
    ? undefined
    : firstTransforming < 0
      ? operators.length - 1
      : firstTransforming - 1;
  return new RunTrace({
    sampleRows: request.sampleRows ?? DEFAULT_DETAILS.sampleRows,
    eventsPerRow: request.eventsPerRow ?? DEFAULT_DETAILS.eventsPerRow,
    rowsWithEvents: request.rowsWithEvents ?? DEFAULT_DETAILS.rowsWithEvents,
    groupedRawChars: request.groupedRawChars ?? DEFAULT_DETAILS.groupedRawChars,
    timelineStage: timelineStage !== undefined && timelineStage >= 0 ? timelineStage : undefined,
    stages: stages.map(lineageOf),
    timezone,
  });
}

/** The details of a finished run; `rows` are the rows the run returns, in order. */
export function collectDetails(
  trace: RunTrace,
  request: RunDetailsRequest,
  rows: readonly Row[],
): RunDetails {
  const timelineStage = trace.timelineStage;
  const events: EventRef[] = [];
  const indices = new Map<EventRef, number>();
  const limit = request.rowsWithEvents ?? DEFAULT_DETAILS.rowsWithEvents;
  const rowEvents = rows.slice(0, limit).map((row) =>
    trace.eventsOf(row).map((event) => {
      let index = indices.get(event);
      if (index === undefined) {
        index = events.push(event) - 1;
        indices.set(event, index);
      }
      return index;
    }),
  );
  return {
    stageSamples: trace.samples,
    ...(timelineStage !== undefined
      ? {
          timeline: {
            stageIndex: timelineStage,
            seconds: [...trace.timeline].sort((a, b) => a[0] - b[0]),
            events: trace.timelineEvents,
          },
        }
      : {}),
    rowEvents,
    events,
    lineageTruncated: trace.lineageTruncated,
  };
}

function stageAt(pipeline: Pipeline, operator: Operator): Stage | undefined {
  return pipeline.stages.find((stage) => stage.range.start.offset === operator.range.start.offset);
}

function stageKind(stage: Stage): string | undefined {
  return stage.kind === 'command' ? findCommand(stage.name)?.kind : undefined;
}

function lineageOf(stage: Stage | undefined): StageLineage {
  if (stage?.kind !== 'command') return { kind: 'streaming' };
  if (stage.name === 'stats' && 'by' in stage) return { kind: 'grouping', fields: stage.by };
  if (stage.name === 'append' || stage.name === 'appendpipe') return { kind: 'passing' };
  const joinOnCommonFields =
    stage.name === 'join' && 'fields' in stage && stage.fields.length === 0;
  // map's rows come from the searches it runs, from's from events it reads itself.
  if (
    stage.name === 'timechart' ||
    stage.name === 'map' ||
    stage.name === 'from' ||
    stage.name === 'transaction' ||
    joinOnCommonFields
  ) {
    return { kind: 'opaque' };
  }
  if ((stage.name === 'top' || stage.name === 'rare') && 'fields' in stage && 'by' in stage) {
    return { kind: 'grouping', fields: [...stage.by, ...stage.fields] };
  }
  return { kind: 'streaming' };
}
