import type { SourceRange } from './range';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Where a related location lives: the same document unless `uri` (a file path or URI) says so. */
export interface RelatedInformation {
  readonly message: string;
  readonly range: SourceRange;
  readonly uri?: string;
}

/**
 * Every layer reports problems as data, never by throwing. `code` is stable (documented in the
 * README's rule table) so configuration can change a rule's severity.
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly range: SourceRange;
  readonly related?: readonly RelatedInformation[];
  /** The layer that produced it: 'syntax', 'macros', 'lint', 'engine', 'input'. */
  readonly source: string;
}
