import type { Row } from '../value';
import { textEventRow, xmlEventRow, type EventDefaults } from './eventMetadata';
import { addProblem, type InputReport, type ReadOptions } from './types';

export type FileMode = 'xml' | 'text';

/** Splunk's Windows add-on breaks XmlWinEventLog only at a newline followed by `<Event xmlns`. */
export const XML_EVENT_START = '<Event xmlns';
export const XML_BOUNDARY = '\n' + XML_EVENT_START;
const XML_EVENT_END = '</Event>';

export interface FileContext {
  file: string;
  mode: FileMode;
  defaults: EventDefaults;
  overrides: { source?: string; sourcetype?: string; host?: string };
  options: ReadOptions;
  maxEventBytes: number;
  report: InputReport;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export function tooLong(length: number, max: number): string {
  return `event of ${length} bytes is longer than the limit of ${max}: skipped (raise maxEventBytes to read it)`;
}

/**
 * Turns blocks of a file into rows. A block starts at an event boundary and ends after one (the
 * stream reader cuts it so). Structure and literal hits are found in a latin1 view of the bytes,
 * where offsets are byte offsets and ASCII reads as itself; only the events kept are decoded as
 * UTF-8. With `literals`, the scan jumps from hit to hit and never decodes the events between.
 */
export class BlockScanner {
  /** 1-based line number of the next block's first line. */
  private line = 1;
  private readonly boundary: string;
  private readonly scanKey: RegExp | undefined;
  private readonly otherLiterals: string[];

  constructor(private readonly ctx: FileContext) {
    this.boundary = ctx.mode === 'xml' ? XML_BOUNDARY : '\n';
    // The longest literal is usually the rarest: scan for it, check the others per hit.
    const literals = (ctx.options.literals ?? []).filter((l) => l.length > 0);
    literals.sort((a, b) => b.length - a.length);
    const [key, ...others] = literals;
    // A latin1 view only matches ASCII literals byte for byte; others are checked after decoding.
    const ascii = key !== undefined && /^[\x20-\x7e]*$/.test(key);
    this.scanKey = ascii ? new RegExp(escapeRegExp(key), 'gi') : undefined;
    this.otherLiterals = (ascii ? others : literals).map((l) => l.toLowerCase());
  }

  get nextLine(): number {
    return this.line;
  }

  /** Accounts for lines the stream reader dropped without scanning. */
  advanceLines(count: number): void {
    this.line += count;
  }

  scan(bytes: Buffer, out: Row[]): void {
    const text = bytes.toString('latin1');
    const startLine = this.line;
    if (this.scanKey === undefined) this.scanAll(bytes, text, out);
    else this.scanHits(this.scanKey, bytes, text, out);
    this.line = startLine + countNewlines(text, 0, text.length);
  }

  private segmentEnd(text: string, from: number): number {
    const next = text.indexOf(this.boundary, from);
    return next < 0 ? text.length : next + 1;
  }

  private scanAll(bytes: Buffer, text: string, out: Row[]): void {
    let line = this.line;
    for (let pos = 0; pos < text.length;) {
      const end = this.segmentEnd(text, pos);
      this.segment(bytes, text, pos, end, line, out);
      line += countNewlines(text, pos, end);
      pos = end;
    }
  }

  private scanHits(key: RegExp, bytes: Buffer, text: string, out: Row[]): void {
    let pos = 0;
    let line = this.line;
    // Text before the first event of an XmlWinEventLog file is reported, whatever it contains.
    if (this.ctx.mode === 'xml' && line === 1 && !text.startsWith(XML_EVENT_START)) {
      pos = this.segmentEnd(text, 0);
      this.segment(bytes, text, 0, pos, line, out);
      line += countNewlines(text, 0, pos);
    }
    key.lastIndex = pos;
    for (let hit = key.exec(text); hit !== null; hit = key.exec(text)) {
      const start = Math.max(pos, text.lastIndexOf(this.boundary, hit.index - 1) + 1);
      const end = this.segmentEnd(text, hit.index);
      line += this.countUnseen(text, pos, start);
      this.segment(bytes, text, start, end, line, out);
      line += countNewlines(text, start, end);
      pos = end;
      key.lastIndex = end;
    }
    this.countUnseen(text, pos, text.length);
  }

  /** Counts the events in [from, to), which hold no hit, as filtered out; returns its line count. */
  private countUnseen(text: string, from: number, to: number): number {
    let lines = 0;
    let events = 0;
    for (let lineStart = from; lineStart < to;) {
      const first = text.charCodeAt(lineStart);
      const startsEvent =
        this.ctx.mode === 'xml'
          ? text.startsWith(XML_EVENT_START, lineStart)
          : first !== 10 && first !== 13;
      if (startsEvent) events++;
      const newline = text.indexOf('\n', lineStart);
      if (newline < 0 || newline >= to) break;
      lines++;
      lineStart = newline + 1;
    }
    this.ctx.report.events += events;
    this.ctx.report.filteredOut += events;
    return lines;
  }

  private segment(
    bytes: Buffer,
    text: string,
    start: number,
    end: number,
    line: number,
    out: Row[],
  ) {
    if (this.ctx.mode === 'xml') this.xmlSegment(bytes, text, start, end, line, out);
    else this.textSegment(bytes, start, end, line, out);
  }

  private skip(line: number, message: string): void {
    this.ctx.report.skipped++;
    addProblem(this.ctx.report, { file: this.ctx.file, line, message });
  }

  /** UTF-8 text of bytes [start, end), or undefined when they are not valid UTF-8. */
  private decode(bytes: Buffer, start: number, end: number): string | undefined {
    const decoded = bytes.toString('utf8', start, end);
    if (!decoded.includes('\uFFFD')) return decoded;
    try {
      return strictUtf8.decode(bytes.subarray(start, end));
    } catch {
      return undefined;
    }
  }

  private textSegment(bytes: Buffer, start: number, end: number, line: number, out: Row[]) {
    let rawEnd = end;
    if (bytes[rawEnd - 1] === 0x0a) rawEnd--;
    if (bytes[rawEnd - 1] === 0x0d) rawEnd--;
    if (rawEnd <= start) return;
    this.ctx.report.events++;
    if (rawEnd - start > this.ctx.maxEventBytes) {
      this.skip(line, tooLong(rawEnd - start, this.ctx.maxEventBytes));
      return;
    }
    const raw = this.decode(bytes, start, rawEnd);
    if (raw === undefined)
      this.skip(line, 'line is not valid UTF-8: skipped (re-encode the file as UTF-8)');
    else this.keep(raw, () => textEventRow(raw, this.ctx.defaults), out);
  }

  private xmlSegment(
    bytes: Buffer,
    text: string,
    start: number,
    end: number,
    line: number,
    out: Row[],
  ) {
    if (!text.startsWith(XML_EVENT_START, start)) {
      if (text.slice(start, end).trim().length > 0) {
        this.skip(line, 'text before the first <Event xmlns...> line is not an event: skipped');
      }
      return;
    }
    this.ctx.report.events++;
    const close = text.indexOf(XML_EVENT_END, start);
    if (close < 0 || close >= end) {
      this.skip(line, 'event has no closing </Event> (truncated): skipped');
      return;
    }
    const rawEnd = close + XML_EVENT_END.length;
    const linecount = countNewlines(text, start, rawEnd) + 1;
    if (text.slice(rawEnd, end).trim().length > 0) {
      const restLine =
        line +
        linecount -
        (text.charCodeAt(rawEnd) === 13 || text.charCodeAt(rawEnd) === 10 ? 0 : 1);
      this.skip(restLine, 'text after </Event> is not part of any event: skipped');
    }
    if (rawEnd - start > this.ctx.maxEventBytes) {
      this.skip(line, tooLong(rawEnd - start, this.ctx.maxEventBytes));
      return;
    }
    const systemEnd = text.indexOf('</System>', start);
    if (systemEnd < 0 || systemEnd > rawEnd) {
      this.skip(line, 'event has no <System>...</System> part (malformed XML): skipped');
      return;
    }
    const raw = this.decode(bytes, start, rawEnd);
    if (raw === undefined) {
      this.skip(line, 'event is not valid UTF-8: skipped (re-encode the file as UTF-8)');
      return;
    }
    this.keep(raw, () => xmlEventRow(raw, linecount, this.ctx.defaults, this.ctx.overrides), out);
  }

  private keep(raw: string, makeRow: () => Row, out: Row[]): void {
    const lower = this.otherLiterals.length > 0 ? raw.toLowerCase() : '';
    const filter = this.ctx.options.rawFilter;
    if (
      !this.otherLiterals.every((l) => lower.includes(l)) ||
      (filter !== undefined && !filter(raw))
    ) {
      this.ctx.report.filteredOut++;
      return;
    }
    out.push(makeRow());
  }
}
