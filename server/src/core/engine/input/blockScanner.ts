import type { Row } from '../value';
import { AsciiCaseInsensitiveSearch, isAsciiLiteral } from './byteSearch';
import { textEventRow, xmlEventRow, type EventDefaults } from './eventMetadata';
import { addProblem, type InputReport, type ReadOptions } from './types';

export type FileMode = 'xml' | 'text';

/** Splunk's Windows add-on breaks XmlWinEventLog only at a newline followed by `<Event xmlns`. */
export const XML_EVENT_START = '<Event xmlns';
export const XML_BOUNDARY = '\n' + XML_EVENT_START;
const EVENT_START = Buffer.from(XML_EVENT_START);
const EVENT_END = Buffer.from('</Event>');
const NEWLINE = 0x0a;

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

export function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  // Stops at a newline ending the range instead of searching on into the next event.
  for (let i = bytes.indexOf(NEWLINE, from); i >= 0 && i < to;) {
    count++;
    i = i + 1 < to ? bytes.indexOf(NEWLINE, i + 1) : -1;
  }
  return count;
}

function matchesAt(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Whether bytes [from, to) hold anything but spaces, tabs and line ends. */
function hasText(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  }
  return false;
}

export function tooLong(max: number): string {
  return `event is longer than the limit of ${max} bytes: skipped (raise maxEventBytes to read it)`;
}

/**
 * Turns blocks of a file's bytes into rows. A block starts at an event boundary and ends after
 * one (the stream reader cuts it so). Structure is found in the bytes; only the events kept are
 * decoded as UTF-8. With `literals`, the scan jumps from hit to hit of the longest literal and
 * never decodes the events between.
 */
export class BlockScanner {
  /** 1-based line number of the next block's first line. */
  private line = 1;
  private readonly boundary: Buffer;
  private readonly scanKey: AsciiCaseInsensitiveSearch | undefined;
  private readonly otherLiterals: string[];

  constructor(private readonly ctx: FileContext) {
    this.boundary = Buffer.from(ctx.mode === 'xml' ? XML_BOUNDARY : '\n');
    // The longest literal is usually the rarest: scan for it, check the others per hit.
    const literals = (ctx.options.literals ?? []).filter((l) => l.length > 0);
    literals.sort((a, b) => b.length - a.length);
    const [key, ...others] = literals;
    // The byte scan handles ASCII literals; others are checked on the decoded text.
    const ascii = key !== undefined && isAsciiLiteral(key);
    this.scanKey = ascii ? new AsciiCaseInsensitiveSearch(key) : undefined;
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
    this.line +=
      this.scanKey === undefined
        ? this.scanAll(bytes, out)
        : this.scanHits(this.scanKey, bytes, out);
  }

  private segmentEnd(bytes: Buffer, from: number): number {
    const next = bytes.indexOf(this.boundary, from);
    return next < 0 ? bytes.length : next + 1;
  }

  /** Scans every segment; returns the block's line count. */
  private scanAll(bytes: Buffer, out: Row[]): number {
    let lines = 0;
    for (let pos = 0; pos < bytes.length;) {
      const end = this.segmentEnd(bytes, pos);
      const segmentLines = countNewlines(bytes, pos, end);
      this.segment(bytes, pos, end, this.line + lines, segmentLines, out);
      lines += segmentLines;
      pos = end;
    }
    return lines;
  }

  /** Scans only the segments around hits of `key`; returns the block's line count. */
  private scanHits(key: AsciiCaseInsensitiveSearch, bytes: Buffer, out: Row[]): number {
    let pos = 0;
    let lines = 0;
    // Text before the first event of an XmlWinEventLog file is reported, whatever it contains.
    if (this.ctx.mode === 'xml' && this.line === 1 && !matchesAt(bytes, 0, EVENT_START)) {
      pos = this.segmentEnd(bytes, 0);
      lines += countNewlines(bytes, 0, pos);
      this.segment(bytes, 0, pos, this.line, lines, out);
    }
    for (
      let hit = key.indexIn(bytes, pos, bytes.length);
      hit >= 0;
      hit = key.indexIn(bytes, pos, bytes.length)
    ) {
      const start = hit === 0 ? 0 : Math.max(pos, bytes.lastIndexOf(this.boundary, hit - 1) + 1);
      const end = this.segmentEnd(bytes, hit);
      lines += this.countUnseen(bytes, pos, start);
      const segmentLines = countNewlines(bytes, start, end);
      this.segment(bytes, start, end, this.line + lines, segmentLines, out);
      lines += segmentLines;
      pos = end;
    }
    return lines + this.countUnseen(bytes, pos, bytes.length);
  }

  /** Counts the events in [from, to), which hold no hit, as filtered out; returns their lines. */
  private countUnseen(bytes: Buffer, from: number, to: number): number {
    let lines = 0;
    let events = 0;
    for (let lineStart = from; lineStart < to;) {
      const first = bytes[lineStart];
      const startsEvent =
        this.ctx.mode === 'xml'
          ? matchesAt(bytes, lineStart, EVENT_START)
          : first !== 0x0a && first !== 0x0d;
      if (startsEvent) events++;
      const newline = bytes.indexOf(NEWLINE, lineStart);
      if (newline < 0 || newline >= to) break;
      lines++;
      lineStart = newline + 1;
    }
    this.ctx.report.events += events;
    this.ctx.report.filteredOut += events;
    return lines;
  }

  /** `lines` is the number of line ends in the segment. */
  private segment(
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
    lines: number,
    out: Row[],
  ) {
    if (this.ctx.mode === 'xml') this.xmlSegment(bytes, start, end, line, lines, out);
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
      this.skip(line, tooLong(this.ctx.maxEventBytes));
      return;
    }
    const raw = this.decode(bytes, start, rawEnd);
    if (raw === undefined)
      this.skip(line, 'line is not valid UTF-8: skipped (re-encode the file as UTF-8)');
    else this.keep(raw, () => textEventRow(raw, this.ctx.defaults), out);
  }

  private xmlSegment(
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
    lines: number,
    out: Row[],
  ) {
    if (!matchesAt(bytes, start, EVENT_START)) {
      if (hasText(bytes, start, end)) {
        this.skip(line, 'text before the first <Event xmlns...> line is not an event: skipped');
      }
      return;
    }
    this.ctx.report.events++;
    const close = bytes.indexOf(EVENT_END, start);
    if (close < 0 || close >= end) {
      this.skip(line, 'event has no closing </Event> (truncated): skipped');
      return;
    }
    const rawEnd = close + EVENT_END.length;
    const linecount = lines <= 1 ? 1 : countNewlines(bytes, start, rawEnd) + 1;
    if (hasText(bytes, rawEnd, end)) {
      const sameLine = bytes[rawEnd] !== 0x0d && bytes[rawEnd] !== 0x0a;
      this.skip(
        line + linecount - (sameLine ? 1 : 0),
        'text after </Event> is not part of any event: skipped',
      );
    }
    if (rawEnd - start > this.ctx.maxEventBytes) {
      this.skip(line, tooLong(this.ctx.maxEventBytes));
      return;
    }
    const raw = this.decode(bytes, start, rawEnd);
    if (raw === undefined) {
      this.skip(line, 'event is not valid UTF-8: skipped (re-encode the file as UTF-8)');
      return;
    }
    if (!raw.includes('</System>')) {
      this.skip(line, 'event has no <System>...</System> part (malformed XML): skipped');
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
