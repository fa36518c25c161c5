import { parseSpl, type ParseResult } from '../core/syntax';

/** Parses kept: one per open document is what the features ask for. */
const maxEntries = 16;

/**
 * The last parse of each document's SPL. Diagnostics, semantic tokens, symbols and hovers of one
 * version share one parse. Completion, which runs between keystrokes before the debounced
 * diagnostics reparse, may take the previous version's tree (`latest`): the fields earlier
 * stages set rarely change while the user types in a later one, and a full reparse of a long
 * search costs more than a keystroke's budget.
 */
export class ParseCache {
  private readonly entries = new Map<string, { spl: string; parsed: ParseResult }>();

  parse(uri: string, spl: string): ParseResult {
    const entry = this.entries.get(uri);
    if (entry && entry.spl === spl) return entry.parsed;
    const parsed = parseSpl(spl);
    this.entries.delete(uri);
    this.entries.set(uri, { spl, parsed });
    if (this.entries.size > maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return parsed;
  }

  /** The parse of the current text if there is one, else of the last text parsed, else a new one. */
  latest(uri: string, spl: string): { parsed: ParseResult; spl: string } {
    const entry = this.entries.get(uri);
    return entry ?? { parsed: this.parse(uri, spl), spl };
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
