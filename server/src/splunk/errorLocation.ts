import { scanMacroText } from '../core/macros';
import { parseSpl, type Command } from '../core/syntax';
import type { RemoteSearch } from './remoteSearch';

type Span = { start: number; end: number };

/**
 * The place in the user's search that a server message names, or undefined. Splunk names a
 * place in three ways we read: "Unknown search command 'x'." (the command word), "Error in 'x'
 * command: ..." (that command's stage, narrowed to a term the message quotes when the stage
 * holds it), and "Error in 'SearchParser': ... macro 'x' ..." (the call, `x(N)` when the arity is
 * given). The stage is found in the text the server ran, then mapped back through the
 * expansion's source map, so a place inside an expanded macro becomes the macro's call.
 */
export function locateServerMessage(
  text: string,
  remote: RemoteSearch,
  userSearch: string,
): Span | undefined {
  const macro = /^Error in 'SearchParser':.*?\bmacro '([^'(]+)(?:\((\d+)\))?'/i.exec(text);
  if (macro) return locateMacroCall(macro[1] as string, macro[2], remote, userSearch);
  const unknown = /Unknown search command '([^']+)'/i.exec(text);
  if (unknown) {
    const stage = commandsNamed(remote.text, unknown[1] as string)[0];
    const range = stage?.nameRange ?? stage?.range;
    return range && remote.toUserSpan(range.start.offset, range.end.offset);
  }
  const named = /Error in '([^':]+)' command:(.*)$/is.exec(text);
  if (!named) return undefined;
  const stages = commandsNamed(remote.text, named[1] as string);
  for (const term of quotedTerms(named[2] as string)) {
    for (const stage of stages) {
      const at = findTerm(remote.text, term, stage.range.start.offset, stage.range.end.offset);
      if (at !== undefined) return remote.toUserSpan(at, at + term.length);
    }
  }
  const first = stages[0];
  return first && remote.toUserSpan(first.range.start.offset, first.range.end.offset);
}

function locateMacroCall(
  name: string,
  arity: string | undefined,
  remote: RemoteSearch,
  userSearch: string,
): Span | undefined {
  const find = (source: string): Span | undefined => {
    for (const token of scanMacroText(source)) {
      if (token.kind !== 'call' || token.name !== name) continue;
      if (arity !== undefined && token.args.length !== Number(arity)) continue;
      return { start: token.start, end: token.end };
    }
    return undefined;
  };
  const inRemote = find(remote.text);
  if (inRemote) return remote.toUserSpan(inRemote.start, inRemote.end);
  // A call the server could not expand may be one our expansion replaced: look where the user wrote it.
  return find(userSearch);
}

/** The stages running `name` (case-insensitive), subsearches included, in text order. */
function commandsNamed(searchText: string, name: string): Command[] {
  const wanted = name.toLowerCase();
  const found: Command[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.kind === 'command' && String(record.name).toLowerCase() === wanted) {
      found.push(node as Command);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(parseSpl(searchText).pipeline);
  return found.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** Texts the message quotes ('x' or "x"), longest first: the longest is the most specific. */
function quotedTerms(message: string): string[] {
  const terms = new Set<string>();
  for (const match of message.matchAll(/'([^']+)'|"([^"]+)"/g)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term !== '') terms.add(term);
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/** Where `term` occurs in text[start, end); a word-like term must stand as a whole word. */
function findTerm(text: string, term: string, start: number, end: number): number | undefined {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bounded = /^\w/.test(term) && /\w$/.test(term) ? `(?<!\\w)${escaped}(?!\\w)` : escaped;
  const match = new RegExp(bounded).exec(text.slice(start, end));
  return match ? start + match.index : undefined;
}
