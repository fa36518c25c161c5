import { didYouMean } from '../../text/didYouMean';
import type { Row } from '../value';

/**
 * Watches which of some referenced fields appear in at least one row, and remembers every field
 * seen while some are still missing, to suggest a near name at the end.
 */
export class FieldPresence {
  private readonly missing: Set<string>;
  private readonly seen = new Set<string>();

  constructor(referenced: Iterable<string>) {
    this.missing = new Set(referenced);
  }

  observe(row: Row): void {
    if (this.missing.size === 0) return;
    for (const name of row.keys()) {
      this.seen.add(name);
      this.missing.delete(name);
    }
  }

  /** Referenced fields no row had, with the closest field name seen, if any. */
  absent(): { field: string; suggestion?: string }[] {
    return [...this.missing].map((field) => {
      const suggestion = didYouMean(field, this.seen);
      return suggestion === undefined ? { field } : { field, suggestion };
    });
  }
}

export function absentFieldMessage(field: string, suggestion: string | undefined): string {
  const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
  return `No event has a field '${field}' (field names are case-sensitive).${hint}`;
}
