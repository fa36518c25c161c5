import type { FieldName } from '../../syntax/ast';
import { groupKey, splitByFields } from '../operators/grouping';
import { toResultRecord, type ResultRecord } from '../results';
import type { Row } from '../value';

/** How rows out of one stage relate to the rows into it, for lineage. */
export type StageLineage =
  /** Output rows are input rows (changed in place) or built from the input row just pulled. */
  | { readonly kind: 'streaming' }
  /** Input rows pass through unchanged; new rows come from elsewhere (append's subsearch). */
  | { readonly kind: 'passing' }
  /** Output rows are groups of input rows with equal values of these fields (stats, top, rare). */
  | { readonly kind: 'grouping'; readonly fields: readonly FieldName[] }
  /**
   * Output rows come from input rows the trace cannot follow (timechart's time buckets, a join
   * that holds its whole input first): they are credited with no events rather than wrong ones.
   */
  | { readonly kind: 'opaque' };

export interface TraceOptions {
  /** Rows kept from the output of each stage. */
  readonly sampleRows: number;
  /** Input events remembered per row. */
  readonly eventsPerRow: number;
  /** Rows out of the last stage whose events are kept; later ones let theirs go. */
  readonly rowsWithEvents: number;
  /** Characters of raw text that grouping stages may hold on to, across all their groups. */
  readonly groupedRawChars: number;
  /** The stage whose output's `_time` values make the timeline; undefined for none. */
  readonly timelineStage: number | undefined;
  readonly stages: readonly StageLineage[];
  readonly timezone: string;
}

/** One input event as the lineage remembers it: the fields that say what and where it is. */
export interface EventRef {
  readonly raw: string;
  readonly time?: number;
  readonly source: string;
  readonly sourcetype: string;
  readonly host: string;
}

const noEvents: readonly EventRef[] = [];

/**
 * Watches rows flow through a plan (executePlan's `observe`) and keeps what the editor shows after
 * a run: the first rows out of each stage, the `_time` of the timeline's events, and for each row
 * up to `eventsPerRow` input events behind it.
 *
 * Lineage costs one small record per event read and a WeakMap entry per row: a row that comes
 * out of a stage as the same object that went in keeps its events; a new row out of a streaming
 * stage (table, mvexpand, ...) takes the events of the row the stage pulled last, since a
 * streaming stage emits a row's outputs before it pulls the next; a row out of a grouping stage
 * takes the events of every input row with the same group values, as the operator itself groups
 * them (splitByFields, groupKey). Memory: rows past `rowsWithEvents` out of the last stage let
 * their events go, and grouping stages hold at most `groupedRawChars` of raw text (an event
 * counted once per group it joins); rows that blocking stages such as sort hold keep their
 * events alive as long as the rows. Not covered: mvcombine (its row keeps the first event of the
 * group); rows from append's subsearch and from generating commands have no events, and join's
 * rows have the events of their main-search row only.
 */
export class RunTrace {
  readonly samples: ResultRecord[][];
  /** Whole seconds of `_time` to event counts. */
  readonly timeline = new Map<number, number>();
  timelineEvents = 0;
  /** True when a group or a row lost events to a limit. */
  lineageTruncated = false;
  private groupedChars = 0;
  private finalRows = 0;
  private readonly lineage = new WeakMap<Row, readonly EventRef[]>();
  private readonly lastPulled: (Row | undefined)[];
  private readonly groups: (Map<string, EventRef[]> | undefined)[];

  constructor(private readonly options: TraceOptions) {
    this.samples = options.stages.map(() => []);
    this.lastPulled = options.stages.map(() => undefined);
    this.groups = options.stages.map((s) => (s.kind === 'grouping' ? new Map() : undefined));
  }

  get timelineStage(): number | undefined {
    return this.options.timelineStage;
  }

  /** A row came out of the source (`point` -1) or out of stage `point`. */
  readonly observe = (point: number, row: Row): void => {
    if (point < 0) this.lineage.set(row, [eventRefOf(row)]);
    else this.produced(point, row);
    const next = point + 1;
    if (next >= this.options.stages.length) return;
    this.lastPulled[next] = row;
    const groups = this.groups[next];
    if (groups) this.addToGroups(groups, next, row);
  };

  /** The input events behind a row (at most `eventsPerRow`). */
  eventsOf(row: Row): readonly EventRef[] {
    return this.lineage.get(row) ?? noEvents;
  }

  private produced(stage: number, row: Row): void {
    const lineage = this.options.stages[stage];
    if (lineage?.kind === 'grouping') {
      const split = splitByFields(row, lineage.fields);
      const combination = split.kind === 'groups' ? split.combinations[0] : undefined;
      const events = combination && this.groups[stage]?.get(groupKey(combination));
      this.lineage.set(row, events ?? noEvents);
    } else if (lineage?.kind === 'passing') {
      if (!this.lineage.has(row)) this.lineage.set(row, noEvents);
    } else if (lineage?.kind === 'opaque') {
      this.lineage.set(row, noEvents);
    } else if (!this.lineage.has(row)) {
      const pulled = this.lastPulled[stage];
      this.lineage.set(row, pulled ? this.eventsOf(pulled) : noEvents);
    }
    if (stage === this.options.stages.length - 1 && ++this.finalRows > this.options.rowsWithEvents)
      this.lineage.delete(row);
    const samples = this.samples[stage];
    if (samples && samples.length < this.options.sampleRows) {
      // Later stages change rows in place, so the sample is taken now.
      samples.push(toResultRecord(row, this.options.timezone));
    }
    if (stage === this.options.timelineStage) this.countTime(row);
  }

  private addToGroups(groups: Map<string, EventRef[]>, stage: number, row: Row): void {
    const lineage = this.options.stages[stage];
    if (lineage?.kind !== 'grouping') return;
    const split = splitByFields(row, lineage.fields);
    if (split.kind === 'missing') return;
    const events = this.eventsOf(row);
    for (const combination of split.combinations) {
      const key = groupKey(combination);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      for (const event of events) {
        if (group.length >= this.options.eventsPerRow) break;
        if (group.includes(event)) continue;
        // A group holds its events until the run ends, so their text is budgeted.
        if (this.groupedChars + event.raw.length > this.options.groupedRawChars) {
          this.lineageTruncated = true;
          break;
        }
        this.groupedChars += event.raw.length;
        group.push(event);
      }
    }
  }

  private countTime(row: Row): void {
    const time = row.get('_time');
    if (typeof time !== 'number' || !Number.isFinite(time)) return;
    const second = Math.floor(time);
    this.timeline.set(second, (this.timeline.get(second) ?? 0) + 1);
    this.timelineEvents++;
  }
}

function eventRefOf(row: Row): EventRef {
  const time = row.get('_time');
  return {
    raw: textOf(row.get('_raw')),
    ...(typeof time === 'number' ? { time } : {}),
    source: textOf(row.get('source')),
    sourcetype: textOf(row.get('sourcetype')),
    host: textOf(row.get('host')),
  };
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
