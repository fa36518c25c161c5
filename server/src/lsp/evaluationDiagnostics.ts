import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applySeverities, type SeverityOverrides } from '../core/analysis';
import type { RunMessage, RunResult } from '../core/engine/run';
import type { Diagnostic } from '../core/text/diagnostic';
import { inMacroFile, toLsp } from './diagnostics';
import { documentSpanOf, type DocumentSpl } from './documents';
import { toLspRange } from './ranges';

/** Explanations of lost events that are worth a squiggle in the editor. */
export const evaluationCodes = new Set([
  'spl.engine.by-field-missing',
  'spl.engine.term-never-matched',
  'spl.engine.field-not-found',
]);

/** Evaluation runs after typing pauses a little longer than the syntax check. */
export const evaluationDelayMs = 500;
/** Bounds of an evaluation run, which starts on every pause in typing. */
export const evaluationLimits = { maxEventsRead: 20_000, timeLimitMs: 10_000 };

interface Evaluation {
  readonly version: number;
  readonly source: DocumentSpl;
  readonly messages: readonly RunMessage[];
}

export interface EvaluationHost {
  /** A bounded run of the document; undefined when it has no sample data or the setting is off. */
  evaluate(document: TextDocument, signal: AbortSignal): Promise<RunResult | undefined>;
  sourceOf(document: TextDocument): DocumentSpl | undefined;
  /** Asks the diagnostic scheduler to publish the document again (it calls diagnosticsFor). */
  republish(document: TextDocument): void;
  rules(): SeverityOverrides;
}

/**
 * The evaluator's explanations (`spl.evaluationDiagnostics`), merged into the document's
 * published diagnostics by the scheduler: from a bounded run after each edit, and from every
 * explicit run. A run cut short by a limit saw only part of the data, so then only the by-field
 * counts (true of the events read) are shown, not "never matched" or "no event has it".
 */
export class EvaluationDiagnostics {
  private readonly evaluations = new Map<string, Evaluation>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly host: EvaluationHost) {}

  schedule(document: TextDocument): void {
    this.cancel(document.uri);
    const timer = setTimeout(() => void this.evaluate(document), evaluationDelayMs);
    this.pending.set(document.uri, timer);
  }

  /**
   * A run of this version: its messages replace the evaluation's. The document is published
   * again only when what it shows changes, so a run adds no publication of the same diagnostics.
   */
  record(document: TextDocument, source: DocumentSpl, result: RunResult): void {
    const before = this.evaluations.get(document.uri);
    const after = this.store(document, source, result);
    const shownBefore = before && before.version === document.version ? before.messages : [];
    if (!sameMessages(shownBefore, after.messages)) this.host.republish(document);
  }

  diagnosticsFor(document: TextDocument): LspDiagnostic[] {
    const evaluation = this.evaluations.get(document.uri);
    if (!evaluation || evaluation.version !== document.version) return [];
    const { source } = evaluation;
    const diagnostics: Diagnostic[] = evaluation.messages.flatMap((m) =>
      m.range ? [{ ...m, range: m.range, source: 'engine' }] : [],
    );
    return applySeverities(diagnostics, this.host.rules()).map((d) =>
      toLsp(
        d,
        toLspRange(document, documentSpanOf(source, d.range.start.offset, d.range.end.offset)),
        inMacroFile,
      ),
    );
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(uri);
    this.running.get(uri)?.abort();
    this.running.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.evaluations.delete(uri);
  }

  private async evaluate(document: TextDocument): Promise<void> {
    this.pending.delete(document.uri);
    const source = this.host.sourceOf(document);
    if (!source) return;
    const controller = new AbortController();
    this.running.set(document.uri, controller);
    const result = await this.host.evaluate(document, controller.signal);
    if (controller.signal.aborted) return;
    this.running.delete(document.uri);
    if (result) {
      this.record(document, source, result);
      return;
    }
    // No sample data or the setting is off now: take away what this version showed.
    const shown = this.evaluations.get(document.uri);
    this.evaluations.delete(document.uri);
    if (shown?.version === document.version && shown.messages.length > 0) {
      this.host.republish(document);
    }
  }

  private store(document: TextDocument, source: DocumentSpl, result: RunResult): Evaluation {
    const partial = result.messages.some(
      (m) => m.code.startsWith('spl.engine.limit.') || m.code === 'spl.engine.cancelled',
    );
    const shown = result.messages.filter(
      (m) => evaluationCodes.has(m.code) && (!partial || m.code === 'spl.engine.by-field-missing'),
    );
    const evaluation = { version: document.version, source, messages: shown };
    this.evaluations.set(document.uri, evaluation);
    return evaluation;
  }
}

function sameMessages(a: readonly RunMessage[], b: readonly RunMessage[]): boolean {
  const key = (m: RunMessage) =>
    `${m.code}|${m.message}|${m.range?.start.offset ?? ''}|${m.range?.end.offset ?? ''}`;
  return a.length === b.length && a.every((m, i) => key(m) === key(b[i] as RunMessage));
}
