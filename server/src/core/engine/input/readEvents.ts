import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Row } from '../value';
import {
  BlockScanner,
  countNewlines,
  XML_BOUNDARY,
  XML_EVENT_START,
  tooLong,
  type FileContext,
  type FileMode,
} from './blockScanner';
import { XML_SOURCETYPE } from './eventMetadata';
import {
  DEFAULT_MAX_EVENT_BYTES,
  addProblem,
  type DatasetSpec,
  type InputReport,
  type ReadOptions,
} from './types';

/** Bytes per read: big enough to make per-read costs small, small enough to stay in cache. */
const READ_BYTES = 1024 * 1024;
/** How much of a file's start decides whether it is XmlWinEventLog. */
const SNIFF_BYTES = 64 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** sourcetype of files that are not XmlWinEventLog, unless the dataset names one. */
export const TEXT_SOURCETYPE = 'text';

/**
 * Streams the events of a dataset (a file, or every file under a directory). Rows carry `_raw`
 * and index-time metadata only, so that `literals`/`rawFilter` run before any field extraction.
 * Bad input never throws: it is counted in `report` and the first few problems are listed.
 */
export async function* readEvents(
  spec: DatasetSpec,
  options: ReadOptions,
  report: InputReport,
): AsyncIterable<Row> {
  for (const file of await datasetFiles(spec.path, report)) {
    if (options.signal?.aborted) return;
    yield* readFile(file, spec, options, report);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function datasetFiles(path: string, report: InputReport): Promise<string[]> {
  try {
    if (!(await stat(path)).isDirectory()) return [path];
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    report.skipped++;
    addProblem(report, { file: path, line: 0, message: `cannot read: ${reason(error)}` });
    return [];
  }
}

function sniffMode(head: Buffer): FileMode {
  const start = head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  const window = head.subarray(start, start + SNIFF_BYTES).toString('latin1');
  return window.startsWith(XML_EVENT_START) || window.includes(XML_BOUNDARY) ? 'xml' : 'text';
}

function fileContext(
  file: string,
  mode: FileMode,
  spec: DatasetSpec,
  options: ReadOptions,
  report: InputReport,
  fallbackTime: number,
): FileContext {
  return {
    file,
    mode,
    defaults: {
      source: spec.source ?? file,
      sourcetype: spec.sourcetype ?? (mode === 'xml' ? XML_SOURCETYPE : TEXT_SOURCETYPE),
      host: spec.host ?? hostname(),
      fallbackTime,
    },
    overrides: { source: spec.source, sourcetype: spec.sourcetype, host: spec.host },
    options,
    maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    report,
  };
}

/**
 * Reads a file through one reused buffer: each read appends to the unfinished event carried from
 * the previous one, the block up to the last event boundary is scanned, and the rest is carried.
 * Memory stays at the buffer's size whatever the file's; an event longer than maxEventBytes is
 * dropped up to the next boundary.
 */
async function* readFile(
  file: string,
  spec: DatasetSpec,
  options: ReadOptions,
  report: InputReport,
): AsyncIterable<Row> {
  const problem = (line: number, message: string) => {
    report.skipped++;
    addProblem(report, { file, line, message });
  };
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  let handle: FileHandle | undefined;
  let scanner: BlockScanner | undefined;
  try {
    handle = await open(file, 'r');
    const fallbackTime = (await handle.stat()).mtimeMs / 1000;
    // The carried unfinished event never exceeds maxEventBytes, so one read always fits after it.
    const buffer = Buffer.allocUnsafe(maxEventBytes + READ_BYTES);
    let boundary = Buffer.from(XML_BOUNDARY);
    let carried = 0;
    let discarding = false;
    for (;;) {
      if (options.signal?.aborted) return;
      const { bytesRead } = await handle.read(buffer, carried, READ_BYTES, null);
      let data = buffer.subarray(0, carried + bytesRead);
      carried = 0;
      if (scanner === undefined) {
        if (data.subarray(0, SNIFF_BYTES).includes(0)) {
          problem(0, 'file holds NUL bytes (binary or UTF-16): not read; convert it to UTF-8 text');
          return;
        }
        report.files++;
        if (data.length === 0) {
          addProblem(report, { file, line: 0, message: 'file is empty: no events' });
          return;
        }
        if (data.subarray(0, 3).equals(UTF8_BOM)) data = data.subarray(3);
        const mode = sniffMode(data);
        boundary = Buffer.from(mode === 'xml' ? XML_BOUNDARY : '\n');
        scanner = new BlockScanner(fileContext(file, mode, spec, options, report, fallbackTime));
      }
      if (discarding) {
        const next = data.indexOf(boundary);
        scanner.advanceLines(countNewlines(data, 0, next < 0 ? data.length : next + 1));
        if (next < 0 && bytesRead > 0) continue;
        discarding = false;
        data = data.subarray(next < 0 ? data.length : next + 1);
      }
      if (bytesRead === 0) {
        if (data.length > 0) yield* scanBlock(scanner, data, options);
        return;
      }
      const cut = data.lastIndexOf(boundary) + 1;
      if (cut > 0) yield* scanBlock(scanner, data.subarray(0, cut), options);
      const rest = data.subarray(cut);
      if (rest.length > maxEventBytes) {
        report.events++;
        problem(scanner.nextLine, tooLong(maxEventBytes));
        scanner.advanceLines(countNewlines(rest, 0, rest.length));
        discarding = true;
      } else {
        carried = rest.copy(buffer, 0);
      }
    }
  } catch (error) {
    problem(scanner?.nextLine ?? 0, `cannot read: ${reason(error)}`);
  } finally {
    await handle?.close();
  }
}

function* scanBlock(scanner: BlockScanner, block: Buffer, options: ReadOptions): Iterable<Row> {
  const rows: Row[] = [];
  scanner.scan(block, rows);
  for (const row of rows) {
    if (options.signal?.aborted) return;
    yield row;
  }
}
