import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Quiet time after the last keystroke before a document is checked again. */
export const diagnosticDelayMs = 150;

export interface DiagnosticSink {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
}

/**
 * Checks a document once typing pauses. A newer version replaces the pending check of an older
 * one, so only the text the user sees is ever checked and published. An edit after a quiet
 * spell is checked at once: a single change (a quick fix, a paste) shows its result without the
 * pause, and only a burst of keystrokes waits for the pause.
 */
export class DiagnosticScheduler {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastEdit = new Map<string, number>();

  constructor(
    private readonly diagnose: (document: TextDocument) => Diagnostic[] | undefined,
    private readonly sink: DiagnosticSink,
    private readonly delayMs = diagnosticDelayMs,
  ) {}

  schedule(document: TextDocument): void {
    const now = performance.now();
    const quiet = now - (this.lastEdit.get(document.uri) ?? -Infinity) >= this.delayMs;
    this.lastEdit.set(document.uri, now);
    this.cancel(document.uri);
    const timer = setTimeout(
      () => {
        this.pending.delete(document.uri);
        const diagnostics = this.diagnose(document);
        if (diagnostics) this.sink.publish(document.uri, document.version, diagnostics);
      },
      quiet ? 0 : this.delayMs,
    );
    this.pending.set(document.uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(uri);
  }

  /** Forgets a closed document, so that reopening it counts as a quiet start. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastEdit.delete(uri);
  }
}
