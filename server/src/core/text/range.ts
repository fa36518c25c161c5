/**
 * Positions and ranges shared by every layer. Lines and columns are 0-based and count UTF-16
 * code units (as LSP does); `end` is exclusive. Adapters add 1 when they print for people.
 */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

export function rangeContains(outer: SourceRange, inner: SourceRange): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

export function rangeText(text: string, range: SourceRange): string {
  return text.slice(range.start.offset, range.end.offset);
}
