import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { FileDiagnostic } from '../core/macros';
import { inMacroFile, toLsp } from './diagnostics';
import { fileUriOf, lineColumnRange } from './ranges';

/**
 * Problems in the macro files themselves (duplicates, bad stanzas, unreadable paths), published
 * on those files. A file whose problems are fixed gets an empty list so its old ones disappear.
 */
export class MacroFileDiagnostics {
  private published = new Set<string>();

  constructor(private readonly send: (uri: string, diagnostics: LspDiagnostic[]) => void) {}

  update(problems: readonly FileDiagnostic[]): void {
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const problem of problems) {
      const uri = fileUriOf(problem.file);
      const converted = toLsp(problem, lineColumnRange(problem.range), (related) =>
        inMacroFile({ ...related, uri: related.uri ?? problem.file }),
      );
      byUri.set(uri, [...(byUri.get(uri) ?? []), converted]);
    }
    for (const uri of this.published) if (!byUri.has(uri)) this.send(uri, []);
    for (const [uri, diagnostics] of byUri) this.send(uri, diagnostics);
    this.published = new Set(byUri.keys());
  }
}
