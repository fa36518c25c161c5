/**
 * A piecewise map from offsets in a decoded value (a joined .conf value, an unquoted YAML
 * scalar) back to offsets in the file. Each anchor says: value offset `value` is file offset `file`;
 * offsets between anchors advance one to one.
 */
export interface OffsetAnchor {
  readonly value: number;
  readonly file: number;
}

export function offsetMapper(anchors: readonly OffsetAnchor[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = anchors.length - 1;
    if (hi < 0) return offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((anchors[mid] as OffsetAnchor).value <= offset) lo = mid;
      else hi = mid - 1;
    }
    const anchor = anchors[lo] as OffsetAnchor;
    return anchor.file + Math.max(0, offset - anchor.value);
  };
}
