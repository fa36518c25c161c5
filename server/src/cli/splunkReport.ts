import type { Severity } from '../core/text/diagnostic';
import { LineIndex } from '../core/text/lineIndex';
import {
  locateServerMessage,
  type MacroDifference,
  type RemoteSearch,
  type SplunkError,
  type SplunkMessage,
} from '../splunk';
import { formatDiagnostic } from './report';
import type { SplSource } from './splSource';

/**
 * A server message as `file:line:col severity splunk.<kind> text` when it names a place in the
 * search (through YAML quoting and our expansion), else `file: severity splunk.<kind> text`.
 * The text is the server's, verbatim.
 */
export function formatServerMessage(
  message: SplunkMessage,
  kind: string,
  remote: RemoteSearch,
  source: SplSource,
): string {
  const severity = severityOf(message.type);
  const code = `splunk.${kind}`;
  const span = locateServerMessage(message.text, remote, source.spl);
  if (!span) return `${source.path}: ${severity} ${code} ${message.text}`;
  const range = source.toFileRange(new LineIndex(source.spl).range(span.start, span.end));
  return formatDiagnostic(source.path, {
    severity,
    code,
    message: message.text,
    range,
    source: 'splunk',
  });
}

/** What happened (ours), the server's messages (theirs, verbatim) and what to do. */
export function formatSplunkError(
  error: SplunkError,
  remote: RemoteSearch,
  source: SplSource,
): string {
  const lines = [`spl run: ${error.message}`];
  for (const message of error.serverMessages) {
    lines.push(formatServerMessage(message, error.kind, remote, source));
  }
  lines.push(`spl run: ${error.advice}`);
  return `${lines.join('\n')}\n`;
}

/** The used macros whose definitions differ between here and the server, for --send-expanded. */
export function formatMacroDifferences(differences: readonly MacroDifference[]): string {
  if (differences.length === 0) {
    return 'spl run: the macros this search uses are defined the same here and on the server.\n';
  }
  const lines = [
    `spl run: sending our expansion; ${differences.length} macro(s) it uses differ from the server's:`,
  ];
  for (const difference of differences) {
    if (difference.kind === 'missing-on-server') {
      lines.push(`  \`${difference.name}\`: not defined on the server; here: ${difference.local}`);
    } else if (difference.kind === 'missing-locally') {
      lines.push(
        `  \`${difference.name}\`: not defined here (sent unexpanded); server: ${difference.server}`,
      );
    } else {
      lines.push(
        `  \`${difference.name}\` differs:`,
        `    here:   ${difference.local}`,
        `    server: ${difference.server}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function severityOf(type: string): Severity {
  const upper = type.toUpperCase();
  if (upper === 'FATAL' || upper === 'ERROR') return 'error';
  if (upper === 'WARN' || upper === 'WARNING') return 'warning';
  return 'info';
}
