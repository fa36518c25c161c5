import type { OffsetAnchor } from '../text/offsetMapper';

const LOOKAHEAD = 8;

/**
 * Aligns a decoded scalar with its source text when the decoding rules (YAML folding, quote and
 * backslash escapes) are not worth re-implementing: each value character is matched with the next
 * equal source character a few steps ahead, whitespace matching any whitespace. Precise for the
 * common cases, and never worse than "somewhere in the same line" for the rest.
 */
export function alignValueWithSource(
  value: string,
  source: string,
  sourceStart: number,
): OffsetAnchor[] {
  const anchors: OffsetAnchor[] = [];
  let s = 0;
  let expected = Number.NaN;
  for (let v = 0; v < value.length; v++) {
    const match = findMatch(value.charCodeAt(v), source, s);
    const at = match < 0 ? s : match;
    if (at !== expected) anchors.push({ value: v, file: sourceStart + at });
    s = Math.min(at + 1, source.length);
    expected = at + 1;
  }
  return anchors.length === 0 ? [{ value: 0, file: sourceStart }] : anchors;
}

function findMatch(ch: number, source: string, from: number): number {
  const limit = Math.min(source.length, from + LOOKAHEAD);
  const space = isSpace(ch);
  for (let i = from; i < limit; i++) {
    const candidate = source.charCodeAt(i);
    if (candidate === ch || (space && isSpace(candidate))) return i;
  }
  return -1;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}
