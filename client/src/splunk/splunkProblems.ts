import {
  Diagnostic,
  DiagnosticSeverity,
  languages,
  Range,
  workspace,
  type Disposable,
  type Uri,
} from 'vscode';
import type { RunSearchMessage } from '../../../server/src/protocol/runSearch';

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * The messages of the last Splunk run that name a place in the search, in the Problems view.
 * They describe the text that ran, so the first edit of the document removes them.
 */
export class SplunkProblems implements Disposable {
  private readonly collection = languages.createDiagnosticCollection('spl-splunk');
  private readonly onEdit = workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
    if (contentChanges.length > 0) this.collection.delete(document.uri);
  });

  show(uri: Uri, messages: readonly RunSearchMessage[]): void {
    const diagnostics = messages.flatMap((message) => {
      const range = message.range;
      if (!range) return [];
      const diagnostic = new Diagnostic(
        new Range(range.start.line, range.start.character, range.end.line, range.end.character),
        message.message,
        severities[message.severity],
      );
      diagnostic.source = 'Splunk';
      diagnostic.code = message.code;
      return [diagnostic];
    });
    this.collection.set(uri, diagnostics);
  }

  clear(uri: Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.onEdit.dispose();
    this.collection.dispose();
  }
}
