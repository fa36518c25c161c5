/**
 * Pattern matchers for the search command's `*` wildcards and eval's LIKE `%`/`_`. Matchers are
 * built once per pattern (the callers cache them per AST node) and use plain string tests for
 * the common shapes (exact, prefix, suffix, contains) instead of a RegExp.
 */

export type Matcher = (text: string) => boolean;

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

let lastText = '';
let lastLower = '';

/** Lower-cases with a one-entry memo: one event's _raw is usually tested by several terms in a row. */
function lower(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/**
 * A matcher for a search value with `*` wildcards; `whole` anchors it to the entire text
 * (field values), otherwise it may match anywhere (terms against _raw).
 */
export function wildcardMatcher(
  pattern: string,
  options: { caseSensitive: boolean; whole: boolean },
): Matcher {
  const fold = options.caseSensitive ? (s: string): string => s : lower;
  const p = fold(pattern);
  const star = p.indexOf('*');
  if (star === -1) {
    return options.whole ? (t) => fold(t) === p : (t) => fold(t).includes(p);
  }
  const inner = p.slice(1, -1);
  if (!options.whole) {
    const pieces = p.split('*').filter((piece) => piece !== '');
    if (pieces.length === 0) return () => true;
    if (pieces.length === 1) return (t) => fold(t).includes(pieces[0] as string);
  } else if (p === '*') {
    return () => true;
  } else if (star === p.length - 1) {
    const prefix = p.slice(0, -1);
    return (t) => fold(t).startsWith(prefix);
  } else if (star === 0 && !inner.includes('*')) {
    if (p.endsWith('*')) return (t) => fold(t).includes(inner);
    const suffix = p.slice(1);
    return (t) => fold(t).endsWith(suffix);
  }
  const body = p.split('*').map(escapeRegex).join('[\\s\\S]*');
  const regex = new RegExp(options.whole ? `^${body}$` : body, options.caseSensitive ? '' : 'i');
  return (t) => regex.test(t);
}

/** A matcher for SQL LIKE: `%` any run, `_` one character; whole-value and case-sensitive. */
export function likeMatcher(pattern: string): Matcher {
  let body = '';
  for (const ch of pattern)
    body += ch === '%' ? '[\\s\\S]*' : ch === '_' ? '[\\s\\S]' : escapeRegex(ch);
  const regex = new RegExp(`^${body}$`);
  return (t) => regex.test(t);
}
