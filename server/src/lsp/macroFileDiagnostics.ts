import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applySeverities, type SeverityOverrides } from '../core/analysis';
import type { FileDiagnostic } from '../core/macros';
import { inMacroFile, toLsp } from './diagnostics';
import { fileUriOf, lineColumnRange } from './ranges';

/**
 * Problems in the macro files themselves (duplicates, bad stanzas, unreadable paths), published
 * on those files. A file whose problems are fixed gets an empty list so its old ones disappear.
 * A macro file open in the editor gets them with the syntax diagnostics of its definitions
 * (`problemsFor`), in one publication, so neither replaces the other.
 */
export class MacroFileDiagnostics {
  private published = new Set<string>();
  private byUri = new Map<string, LspDiagnostic[]>();

  constructor(
    private readonly send: (uri: string, diagnostics: LspDiagnostic[]) => void,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  update(problems: readonly FileDiagnostic[], rules: SeverityOverrides): void {
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const problem of applySeverities(problems, rules)) {
      const uri = fileUriOf(problem.file);
      const converted = toLsp(problem, lineColumnRange(problem.range), (related) =>
        inMacroFile({ ...related, uri: related.uri ?? problem.file }),
      );
      byUri.set(uri, [...(byUri.get(uri) ?? []), converted]);
    }
    this.byUri = byUri;
    for (const uri of this.published) if (!byUri.has(uri) && !this.isOpen(uri)) this.send(uri, []);
    for (const [uri, diagnostics] of byUri) if (!this.isOpen(uri)) this.send(uri, diagnostics);
    this.published = new Set([...byUri.keys()].filter((uri) => !this.isOpen(uri)));
  }

  problemsFor(uri: string): LspDiagnostic[] {
    return this.byUri.get(uri) ?? [];
  }
}
