import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EventRef, RunResult, RunTimeline } from '../core/engine/run';
import type { ResultRecord } from '../core/engine/results';
import type { SourceRange } from '../core/text/range';
import type {
  RunDataset,
  RunEvent,
  RunLimitsInfo,
  RunRow,
  RunSearchResult,
  Timeline,
  TimelineBucket,
} from '../protocol/runSearch';
import { documentSpanOf, type DocumentSpl } from './documents';
import { toLspRange } from './ranges';

/** Payload bounds: a response stays a few MB at most whatever the data. */
export const runPayloadLimits = {
  defaultRows: 1_000,
  maxRows: 10_000,
  sampleRowsPerStage: 5,
  eventsPerRow: 10,
  maxEvents: 500,
  eventRawChars: 16_384,
  /** A sample value longer than this is cut (samples are for a glance; rows keep full values). */
  sampleValueChars: 500,
} as const;

/** At most about this many timeline buckets (Splunk's timeline shows a similar number). */
const maxBuckets = 100;
const bucketWidths = [
  1,
  2,
  5,
  10,
  30,
  60,
  300,
  600,
  1800,
  3600,
  3 * 3600,
  12 * 3600,
  86_400,
  7 * 86_400,
  30 * 86_400,
  365 * 86_400,
];

export interface RunContext {
  readonly document: TextDocument;
  readonly source: DocumentSpl;
  readonly datasets: readonly RunDataset[];
  readonly maxRows: number;
  readonly elapsedMs: number;
}

/** The engine's result in the protocol's terms: document ranges, capped payload. */
export function toRunSearchResult(result: RunResult, context: RunContext): RunSearchResult {
  const { document, source, maxRows } = context;
  const range = (r: SourceRange) =>
    toLspRange(document, documentSpanOf(source, r.start.offset, r.end.offset));
  const details = result.details;
  const rows = result.results.slice(0, maxRows);
  const lineage = cappedLineage(
    details?.rowEvents.slice(0, rows.length) ?? [],
    details?.events ?? [],
  );
  const limits: RunLimitsInfo = {
    maxRows,
    sampleRowsPerStage: runPayloadLimits.sampleRowsPerStage,
    eventsPerRow: runPayloadLimits.eventsPerRow,
    maxEvents: runPayloadLimits.maxEvents,
    eventRawChars: runPayloadLimits.eventRawChars,
  };
  const timeline = details?.timeline && toTimeline(details.timeline);
  return {
    uri: document.uri,
    version: document.version,
    fields: result.fields,
    rows,
    totalRows: result.results.length,
    truncated: rows.length < result.results.length,
    elapsedMs: Math.round(context.elapsedMs * 10) / 10,
    stopped: result.messages.some(
      (m) => m.code === 'spl.engine.cancelled' || m.code === 'spl.engine.limit.time',
    ),
    stages: result.stages.map((stage, index) => {
      const samples = (details?.stageSamples[index] ?? []).map(shortValues);
      return {
        command: stage.command,
        range: range(stage.range),
        in: stage.in,
        out: stage.out,
        ms: stage.ms,
        sampleFields: fieldsOf(samples),
        sampleRows: samples,
      };
    }),
    messages: result.messages.map((m) => ({
      severity: m.severity,
      code: m.code,
      message: m.message,
      ...(m.range ? { range: range(m.range) } : {}),
    })),
    ...(timeline ? { timeline } : {}),
    rowEvents: lineage.rowEvents,
    events: lineage.events.map(toRunEvent),
    eventsTruncated: lineage.truncated || (details?.lineageTruncated ?? false),
    datasets: context.datasets,
    limits,
  };
}

/** Keeps the first `maxEvents` events rows point to, renumbered in order of first use. */
function cappedLineage(
  rowEvents: readonly (readonly number[])[],
  events: readonly EventRef[],
): { rowEvents: number[][]; events: EventRef[]; truncated: boolean } {
  const kept: EventRef[] = [];
  const renumbered = new Map<number, number>();
  let truncated = false;
  const rows = rowEvents.map((indices) =>
    indices.flatMap((index) => {
      let mapped = renumbered.get(index);
      const event = events[index];
      if (mapped === undefined && event && kept.length < runPayloadLimits.maxEvents) {
        mapped = kept.push(event) - 1;
        renumbered.set(index, mapped);
      }
      if (mapped === undefined) truncated = true;
      return mapped === undefined ? [] : [mapped];
    }),
  );
  return { rowEvents: rows, events: kept, truncated };
}

function toRunEvent(event: EventRef): RunEvent {
  const rawTruncated = event.raw.length > runPayloadLimits.eventRawChars;
  return {
    raw: rawTruncated ? event.raw.slice(0, runPayloadLimits.eventRawChars) : event.raw,
    rawTruncated,
    ...(event.time !== undefined ? { time: event.time } : {}),
    source: event.source,
    sourcetype: event.sourcetype,
    host: event.host,
  };
}

/** Buckets of one width from the first event's to the last's, empty ones included. */
export function toTimeline(timeline: RunTimeline): Timeline | undefined {
  const first = timeline.seconds[0]?.[0];
  const last = timeline.seconds[timeline.seconds.length - 1]?.[0];
  if (first === undefined || last === undefined) {
    return { stageIndex: timeline.stageIndex, bucketSeconds: 1, buckets: [], eventCount: 0 };
  }
  const width =
    bucketWidths.find((w) => Math.floor(last / w) - Math.floor(first / w) < maxBuckets) ??
    (bucketWidths[bucketWidths.length - 1] as number);
  const start = Math.floor(first / width) * width;
  const counts = new Array<number>(Math.floor(last / width) - start / width + 1).fill(0);
  for (const [second, count] of timeline.seconds) {
    const index = Math.floor(second / width) - start / width;
    counts[index] = (counts[index] ?? 0) + count;
  }
  const buckets: TimelineBucket[] = counts.map((count, i) => ({
    start: start + i * width,
    end: start + (i + 1) * width,
    count,
  }));
  return {
    stageIndex: timeline.stageIndex,
    bucketSeconds: width,
    buckets,
    eventCount: timeline.events,
  };
}

function shortValues(record: ResultRecord): RunRow {
  const cut = (value: string) =>
    value.length > runPayloadLimits.sampleValueChars
      ? `${value.slice(0, runPayloadLimits.sampleValueChars)}…`
      : value;
  const row: RunRow = {};
  for (const [field, value] of Object.entries(record)) {
    row[field] = Array.isArray(value) ? value.map(cut) : cut(value);
  }
  return row;
}

function fieldsOf(rows: readonly RunRow[]): string[] {
  const fields = new Set<string>();
  for (const row of rows) for (const field of Object.keys(row)) fields.add(field);
  return [...fields];
}
