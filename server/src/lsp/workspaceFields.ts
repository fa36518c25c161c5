import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { createFieldExtraction } from '../core/engine/fieldExtraction';
import { createInputReport, readEvents, type InputReport } from '../core/engine/input';
import type { FieldValue } from '../core/engine/value';
import type { WorkspaceSettings } from './settings';

/** Enough events to see every field a detection's sample data has; reading stops there. */
export const maxSampleEvents = 5_000;
/** Raw text read in all, so a folder of large logs cannot stall the server or fill its memory. */
export const maxSampleBytes = 32 * 1024 * 1024;
/** Distinct values counted per field; later new values are not counted (rare ones, mostly). */
const maxTrackedValues = 200;
/** Values kept per field for completion and hover, most frequent first. */
export const topValueCount = 10;
/** A default search for `*.log` files stops after this many. */
const maxDefaultLogFiles = 50;
/** Settings and file changes come in bursts; one rebuild follows the burst. */
export const fieldRebuildDelayMs = 500;

export interface FieldValueCount {
  readonly value: string;
  readonly count: number;
}

export interface FieldSummary {
  readonly name: string;
  /** Events that have the field. */
  readonly events: number;
  readonly topValues: readonly FieldValueCount[];
}

export interface SampleDataStatus {
  readonly files: number;
  readonly events: number;
  readonly bytes: number;
  /** Set when a limit stopped reading: which one, for the user. */
  readonly stoppedBy?: 'events' | 'bytes';
  readonly report: InputReport;
}

const noFields: ReadonlyMap<string, FieldSummary> = new Map();

/**
 * The fields of the workspace's sample events, with their most frequent values: events read
 * with the engine's readers and the same search-time extraction a run uses (built-in Sysmon
 * configuration plus `spl.propsPaths`), within explicit limits. Built in the background; until
 * the first build ends, requests see no fields rather than waiting.
 */
export class WorkspaceFields {
  private summaries: ReadonlyMap<string, FieldSummary> = noFields;
  private lastStatus: SampleDataStatus | undefined;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | undefined;

  constructor(
    private readonly settings: WorkspaceSettings,
    private readonly onRebuilt: (status: SampleDataStatus) => void = () => undefined,
  ) {}

  get fields(): ReadonlyMap<string, FieldSummary> {
    return this.summaries;
  }

  get status(): SampleDataStatus | undefined {
    return this.lastStatus;
  }

  /**
   * The files or folders sample events come from: `spl.sampleDataPaths` (inside the workspace),
   * else each folder's `sample-data/events`, else the `*.log` files of the workspace.
   */
  samplePaths(): string[] {
    const configured = this.settings.settings.sampleDataPaths;
    if (configured.length > 0) return this.settings.resolvePaths(configured);
    const folders = this.settings.folders;
    const conventional = folders
      .map((folder) => join(folder, 'sample-data', 'events'))
      .filter((path) => existsSync(path));
    if (conventional.length > 0) return conventional;
    return folders
      .flatMap((folder) =>
        globSync('**/*.log', {
          cwd: folder,
          absolute: true,
          ignore: ['**/node_modules/**', '**/.git/**'],
        }),
      )
      .slice(0, maxDefaultLogFiles);
  }

  /** props.conf / transforms.conf files from `spl.propsPaths`, inside the workspace. */
  propsFiles(): string[] {
    return this.settings.resolvePaths(this.settings.settings.propsPaths);
  }

  /** Whether a changed file can change the index (an event file or an extraction config). */
  isRelevantFile(path: string): boolean {
    return /\.(log|xml|txt|json|csv)$|(props|transforms)\.conf$/i.test(path);
  }

  scheduleRebuild(delayMs = fieldRebuildDelayMs): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild();
    }, delayMs);
  }

  /** Reads the sample data again; a rebuild started later supersedes this one. */
  async rebuild(): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const generation = ++this.generation;
    const built = await summarize(this.samplePaths(), this.propsFiles(), controller.signal);
    if (generation !== this.generation) return;
    this.running = undefined;
    this.summaries = built.fields;
    this.lastStatus = built.status;
    this.onRebuilt(built.status);
  }
}

async function summarize(
  paths: readonly string[],
  propsFiles: readonly string[],
  signal: AbortSignal,
): Promise<{ fields: Map<string, FieldSummary>; status: SampleDataStatus }> {
  const extraction = createFieldExtraction(propsFiles, { now: Date.now() / 1000, timezone: 'UTC' });
  const counts = new Map<string, { events: number; values: Map<string, number> }>();
  const report = createInputReport();
  let events = 0;
  let bytes = 0;
  let stoppedBy: SampleDataStatus['stoppedBy'];
  reading: for (const path of paths) {
    for await (const event of readEvents({ path }, { signal }, report)) {
      if (events >= maxSampleEvents) stoppedBy = 'events';
      else if (bytes >= maxSampleBytes) stoppedBy = 'bytes';
      if (stoppedBy !== undefined) break reading;
      events += 1;
      bytes += String(event.get('_raw') ?? '').length;
      for (const [name, value] of extraction.extract(event)) {
        if (name === '_raw') continue;
        let field = counts.get(name);
        if (!field) {
          field = { events: 0, values: new Map() };
          counts.set(name, field);
        }
        field.events += 1;
        for (const text of valueTexts(value)) {
          const seen = field.values.get(text);
          if (seen !== undefined) field.values.set(text, seen + 1);
          else if (field.values.size < maxTrackedValues) field.values.set(text, 1);
        }
      }
    }
  }
  const fields = new Map<string, FieldSummary>();
  for (const [name, field] of counts) {
    const topValues = [...field.values]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, topValueCount)
      .map(([value, count]) => ({ value, count }));
    fields.set(name, { name, events: field.events, topValues });
  }
  const status = {
    files: report.files,
    events,
    bytes,
    report,
    ...(stoppedBy ? { stoppedBy } : {}),
  };
  return { fields, status };
}

/** Longer values (command lines, scripts) are cut: they are shown in hovers, not searched. */
const maxValueLength = 200;

function valueTexts(value: FieldValue): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => String(item).slice(0, maxValueLength));
}
