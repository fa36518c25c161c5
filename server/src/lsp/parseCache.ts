import { IncrementalParse, type ParseResult } from '../core/syntax';

/** Parses kept: one per open document is what the features ask for. */
const maxEntries = 16;

/**
 * The last parse of each document's SPL. Diagnostics, semantic tokens, symbols, hovers and
 * completions of one version share one parse.
 */
export class ParseCache {
  private readonly entries = new Map<string, IncrementalParse>();

  /**
   * The parse of a document's SPL. A new text is parsed from the last one: only the top-level
   * stages the edit touched are parsed again (`IncrementalParse`). That reuses the last parse's
   * trees, which is why a parse from here is only good until the document's next parse.
   */
  parse(uri: string, spl: string): ParseResult {
    const entry = this.entries.get(uri);
    if (entry && entry.text === spl) return entry.result;
    const parsed = entry ? entry.update(spl) : IncrementalParse.of(spl);
    this.entries.delete(uri);
    this.entries.set(uri, parsed);
    if (this.entries.size > maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return parsed.result;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
