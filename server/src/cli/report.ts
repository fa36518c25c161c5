import type { Diagnostic } from '../core/text/diagnostic';

/** `file:line:col severity code message`, 1-based as editors and compilers print them. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const { line, column } = d.range.start;
  return `${file}:${line + 1}:${column + 1} ${d.severity} ${d.code} ${d.message}`;
}
