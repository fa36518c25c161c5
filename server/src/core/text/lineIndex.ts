import type { Position, SourceRange } from './range';

/** Maps offsets to line/column in O(log lines); built once per document text. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
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
    const clamped = Math.max(0, Math.min(offset, this.text.length));
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
    return new LazyRange(this, startOffset, endOffset);
  }

  offsetAt(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return Math.min((this.lineStarts[line] as number) + column, this.text.length);
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
  readonly #lines: LineIndex;
  readonly #startOffset: number;
  readonly #endOffset: number;
  #start: Position | undefined;
  #end: Position | undefined;

  constructor(lines: LineIndex, startOffset: number, endOffset: number) {
    const length = lines.text.length;
    this.#lines = lines;
    // Clamped as LineIndex.position clamps, so the offsets read alone agree with the positions.
    this.#startOffset = Math.max(0, Math.min(startOffset, length));
    this.#endOffset = Math.max(0, Math.min(endOffset, length));
  }

  get startOffset(): number {
    return this.#startOffset;
  }

  get endOffset(): number {
    return this.#endOffset;
  }

  get start(): Position {
    return (this.#start ??= this.#lines.position(this.#startOffset));
  }

  get end(): Position {
    return (this.#end ??= this.#lines.position(this.#endOffset));
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
