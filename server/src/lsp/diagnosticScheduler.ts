import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Quiet time after the last keystroke before a document is checked again. */
export const diagnosticDelayMs = 150;

export interface DiagnosticSink {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
}

/**
 * Checks a document once typing pauses. A newer version replaces the pending check of an older
 * one, so only the text the user sees is ever checked and published.
 */
export class DiagnosticScheduler {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly diagnose: (document: TextDocument) => Diagnostic[] | undefined,
    private readonly sink: DiagnosticSink,
    private readonly delayMs = diagnosticDelayMs,
  ) {}

  schedule(document: TextDocument): void {
    this.cancel(document.uri);
    const timer = setTimeout(() => {
      this.pending.delete(document.uri);
      const diagnostics = this.diagnose(document);
      if (diagnostics) this.sink.publish(document.uri, document.version, diagnostics);
    }, this.delayMs);
    this.pending.set(document.uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(uri);
  }
}
