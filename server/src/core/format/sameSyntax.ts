import type { ParseResult } from '../syntax';

/**
 * Whether two parses hold the same tree and comments once positions are set aside: the formatter
 * moves text around, so ranges differ, and everything else must not.
 */
export function sameSyntax(a: ParseResult, b: ParseResult): boolean {
  return (
    JSON.stringify(withoutRanges({ pipeline: a.pipeline, comments: a.comments })) ===
    JSON.stringify(withoutRanges({ pipeline: b.pipeline, comments: b.comments }))
  );
}

function withoutRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRanges);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'range' && !key.endsWith('Range'))
      .map(([key, inner]) => [key, withoutRanges(inner)]),
  );
}
