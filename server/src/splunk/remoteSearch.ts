import { expandMacros, type ExpandOptions, type MacroIndex } from '../core/macros';
import type { Diagnostic } from '../core/text/diagnostic';

/**
 * 'server-macros' sends the search as written and the server expands its own macros;
 * 'local-expansion' sends our expansion, so the server runs the macro definitions we have.
 */
export type RemoteSearchMode = 'server-macros' | 'local-expansion';

export interface RemoteSearch {
  mode: RemoteSearchMode;
  /** Exactly what goes into the export request's search field (before exportSearchText). */
  text: string;
  /** An offset in `text` as an offset in the user's search (identity for server-macros). */
  toUserOffset(offset: number): number | undefined;
  /**
   * A span of `text` as a span of the user's search; a span inside an expanded macro becomes the
   * whole call, the place the user can act on.
   */
  toUserSpan(start: number, end: number): { start: number; end: number } | undefined;
  /** Expansion problems (local-expansion), ranges in the user's search. */
  diagnostics: Diagnostic[];
}

export function prepareRemoteSearch(
  searchText: string,
  mode: RemoteSearchMode,
  macros: MacroIndex,
  expandOptions: ExpandOptions = {},
): RemoteSearch {
  if (mode === 'server-macros') {
    const inText = (offset: number): number | undefined =>
      offset >= 0 && offset <= searchText.length ? offset : undefined;
    return {
      mode,
      text: searchText,
      toUserOffset: inText,
      toUserSpan: (start, end) =>
        inText(start) !== undefined && inText(end) !== undefined && start <= end
          ? { start, end }
          : undefined,
      diagnostics: [],
    };
  }
  const expansion = expandMacros(searchText, macros, expandOptions);
  const length = expansion.text.length;
  const inText = (offset: number): boolean => offset >= 0 && offset <= length;
  return {
    mode,
    text: expansion.text,
    toUserOffset: (offset) =>
      inText(offset) ? expansion.sourceMap.toOriginal(offset).offset : undefined,
    toUserSpan: (start, end) => {
      if (!inText(start) || !inText(end) || start > end) return undefined;
      const range = expansion.sourceMap.toOriginalRange(start, end);
      return { start: range.start.offset, end: range.end.offset };
    },
    diagnostics: expansion.diagnostics,
  };
}
