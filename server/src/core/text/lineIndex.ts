import type { Position, SourceRange } from './range';

/** Maps offsets to line/column in O(log lines); built once per document text. */
export class LineIndex {
  private readonly lineStarts: number[];
  /** The text's length; the text itself is not kept, as parse trees outlive their text's edits. */
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case, and the one documents are reindexed on every edit in: jumping from one
      // \n to the next is several times faster than reading every character.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
        starts.push(at + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10 /* \n */) starts.push(i + 1);
        else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { offset: clamped, line: lo, column: clamped - (this.lineStarts[lo] as number) };
  }

  range(startOffset: number, endOffset: number): SourceRange {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }

  /** The same range as `range`, its positions computed when first read (see LazyRange). */
  lazyRange(startOffset: number, endOffset: number): SourceRange {
    this.#anchor ??= new RangeAnchor(this);
    return this.#anchor.range(startOffset, endOffset);
  }

  /** The anchor of `lazyRange`'s ranges, which never moves. */
  #anchor: RangeAnchor | undefined;

  offsetAt(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.length;
    return Math.min((this.lineStarts[line] as number) + column, this.length);
  }
}

/**
 * What a group of lazy ranges reads its positions against: a line index and how far the text
 * has moved since the ranges were made. A reparse moves the anchor of each top-level stage after
 * an edit instead of copying the stage's tree (see syntax/reparse.ts).
 */
export class RangeAnchor {
  #lines: LineIndex;
  #shift = 0;

  constructor(lines: LineIndex) {
    this.#lines = lines;
  }

  get lines(): LineIndex {
    return this.#lines;
  }

  get shift(): number {
    return this.#shift;
  }

  /** A range from `startOffset` to `endOffset` in the current text. */
  range(startOffset: number, endOffset: number): SourceRange {
    return new LazyRange(this, startOffset - this.#shift, endOffset - this.#shift);
  }

  /** The text before every range of this anchor grew by `delta`; `lines` indexes the new text. */
  move(lines: LineIndex, delta: number): void {
    this.#lines = lines;
    this.#shift += delta;
  }
}

/**
 * A range whose line and column are looked up when first read. A parse gives every AST node a
 * range, and most are never read: made eagerly, their positions were 28% of the tree's
 * objects, which every young-generation GC during a parse copies. The fields are private so that
 * code walking a tree sees only `start` and `end`; JSON gets them through `toJSON`. Not for data
 * that crosses threads (structured clone keeps no getters): diagnostics use `range`.
 */
class LazyRange implements SourceRange {
  readonly #anchor: RangeAnchor;
  /** Offsets in the text the range was made in; the anchor's shift moves them. */
  readonly #startOffset: number;
  readonly #endOffset: number;
  /** The positions read, valid while the anchor reads against `#readIn`. */
  #readIn: LineIndex | undefined;
  #start: Position | undefined;
  #end: Position | undefined;

  constructor(anchor: RangeAnchor, startOffset: number, endOffset: number) {
    const length = anchor.lines.length - anchor.shift;
    this.#anchor = anchor;
    // Clamped as LineIndex.position clamps, so the offsets read alone agree with the positions.
    this.#startOffset = Math.max(0, Math.min(startOffset, length));
    this.#endOffset = Math.max(0, Math.min(endOffset, length));
  }

  get startOffset(): number {
    return this.#startOffset + this.#anchor.shift;
  }

  get endOffset(): number {
    return this.#endOffset + this.#anchor.shift;
  }

  get start(): Position {
    this.#forgetMovedPositions();
    return (this.#start ??= this.#anchor.lines.position(this.startOffset));
  }

  get end(): Position {
    this.#forgetMovedPositions();
    return (this.#end ??= this.#anchor.lines.position(this.endOffset));
  }

  #forgetMovedPositions(): void {
    if (this.#readIn === this.#anchor.lines) return;
    this.#readIn = this.#anchor.lines;
    this.#start = undefined;
    this.#end = undefined;
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/** A range's start offset, without computing a lazy range's line and column. */
export function startOffsetOf(range: SourceRange): number {
  return range instanceof LazyRange ? range.startOffset : range.start.offset;
}

/** A range's end offset, without computing a lazy range's line and column. */
export function endOffsetOf(range: SourceRange): number {
  return range instanceof LazyRange ? range.endOffset : range.end.offset;
}
