import type { Diagnostic, Severity } from '../text/diagnostic';
import type { SourceRange } from '../text/range';
import type { DatasetSpec, InputReport } from './input';
import type { RunLimits } from './plan/limits';
import type { StopReason } from './plan/stopper';

export interface RunMessage {
  severity: Severity;
  code: string;
  message: string;
  /** In the user's text (before macro expansion); absent for messages about files. */
  range?: SourceRange;
}

export function reportStop(
  reason: StopReason | undefined,
  limits: RunLimits,
  messages: MessageLog,
): void {
  if (!reason) return;
  messages.add(
    reason === 'time'
      ? {
          severity: 'warning',
          code: 'spl.engine.limit.time',
          message: `The run stopped at its time limit (${limits.timeLimitMs / 1000} s); results cover only the events read until then.`,
        }
      : {
          severity: 'warning',
          code: 'spl.engine.cancelled',
          message: 'The run was cancelled; results cover only the events read until then.',
        },
  );
}

/** Input problems; and, when the search reads events (`datasets` given), a note if there were none. */
export function reportInput(
  report: InputReport,
  datasets: readonly DatasetSpec[] | undefined,
  messages: MessageLog,
): void {
  for (const problem of report.problems) {
    const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
    messages.add({
      severity: 'warning',
      code: 'spl.input.skipped',
      message: `${where}: ${problem.message}`,
    });
  }
  if (report.skipped > report.problems.length) {
    messages.add({
      severity: 'warning',
      code: 'spl.input.skipped',
      message: `${report.skipped - report.problems.length} more events or files were skipped.`,
    });
  }
  if (!datasets) return;
  if (datasets.length === 0) {
    messages.add({
      severity: 'info',
      code: 'spl.engine.no-data',
      message: 'No dataset was given, so the search ran over no events (give --data).',
    });
  } else if (report.events === 0) {
    messages.add({
      severity: 'info',
      code: 'spl.engine.no-events',
      message: `No events were found in ${datasets.map((d) => d.path).join(', ')}.`,
    });
  }
}

/** Messages in the user's coordinates, each reported once. */
export class MessageLog {
  private readonly byKey = new Map<string, RunMessage>();

  add(message: RunMessage | Diagnostic, toOriginal?: (range: SourceRange) => SourceRange): void {
    const range = message.range && toOriginal ? toOriginal(message.range) : message.range;
    const entry: RunMessage = {
      severity: message.severity,
      code: message.code,
      message: message.message,
      ...(range ? { range } : {}),
    };
    const key = `${entry.code}|${entry.message}|${range?.start.offset ?? ''}|${range?.end.offset ?? ''}`;
    if (!this.byKey.has(key)) this.byKey.set(key, entry);
  }

  addAll(
    diagnostics: readonly Diagnostic[],
    toOriginal: (range: SourceRange) => SourceRange,
  ): void {
    for (const d of diagnostics) this.add(d, toOriginal);
  }

  hasErrors(): boolean {
    for (const m of this.byKey.values()) if (m.severity === 'error') return true;
    return false;
  }

  list(): RunMessage[] {
    return [...this.byKey.values()];
  }
}
