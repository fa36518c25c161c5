import type { Diagnostic } from '../../text/diagnostic';
import { LineIndex } from '../../text/lineIndex';
import type { SourceRange } from '../../text/range';

/** A diagnostic about a configuration file; `range` is within `file`. */
export interface FileDiagnostic extends Diagnostic {
  readonly file: string;
}

export interface ConfSetting {
  readonly key: string;
  readonly value: string;
  readonly keyRange: SourceRange;
  readonly valueRange: SourceRange;
}

export interface ConfStanza {
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly settings: Map<string, ConfSetting>;
}

export interface ConfFile {
  readonly file: string;
  readonly stanzas: ConfStanza[];
}

/** Settings written before any stanza header belong to `[default]`, as in Splunk. */
export const DEFAULT_STANZA = 'default';

export function confDiagnostic(
  file: string,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  range: SourceRange,
): FileDiagnostic {
  return { file, severity, code, message, range, source: 'engine' };
}

/**
 * Reads Splunk's .conf format: `[stanza]` headers, `key = value` lines, `#` comment lines, and a
 * trailing backslash that continues a value on the next line (the line break is kept).
 */
export function parseConf(
  file: string,
  text: string,
): { conf: ConfFile; diagnostics: FileDiagnostic[] } {
  const index = new LineIndex(text);
  const diagnostics: FileDiagnostic[] = [];
  const stanzas: ConfStanza[] = [];
  const start = index.range(0, 0);
  let current: ConfStanza = { name: DEFAULT_STANZA, nameRange: start, settings: new Map() };
  stanzas.push(current);
  for (let line = 0; line < index.lineCount; line++) {
    const lineStart = index.offsetAt(line, 0);
    let lineEnd = line + 1 < index.lineCount ? index.offsetAt(line + 1, 0) : text.length;
    let body = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    while (body.endsWith('\\') && line + 1 < index.lineCount) {
      line++;
      lineEnd = line + 1 < index.lineCount ? index.offsetAt(line + 1, 0) : text.length;
      const next = text.slice(index.offsetAt(line, 0), lineEnd).replace(/\r?\n$/, '');
      body = `${body.slice(0, -1)}\n${next}`;
    }
    const trimmed = body.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lead = lineStart + (body.length - body.trimStart().length);
    if (trimmed.startsWith('[')) {
      const close = trimmed.lastIndexOf(']');
      const range = index.range(lead, lead + trimmed.length);
      if (close < 0 || close !== trimmed.length - 1) {
        diagnostics.push(
          confDiagnostic(
            file,
            'error',
            'conf-syntax',
            'stanza header needs a closing `]` at the end of the line',
            range,
          ),
        );
        continue;
      }
      current = { name: trimmed.slice(1, close).trim(), nameRange: range, settings: new Map() };
      stanzas.push(current);
      continue;
    }
    const equals = body.indexOf('=');
    if (equals < 0) {
      diagnostics.push(
        confDiagnostic(
          file,
          'error',
          'conf-syntax',
          'expected `key = value`, a `[stanza]` header or a `#` comment',
          index.range(lead, lead + trimmed.length),
        ),
      );
      continue;
    }
    const key = body.slice(0, equals).trim();
    const rawValue = body.slice(equals + 1);
    const valueStart = lineStart + equals + 1 + (rawValue.length - rawValue.trimStart().length);
    const value = rawValue.trim();
    const keyRange = index.range(lead, lead + key.length);
    const valueRange = index.range(valueStart, valueStart + value.length);
    if (key === '') {
      diagnostics.push(
        confDiagnostic(file, 'error', 'conf-syntax', 'a setting needs a name before `=`', keyRange),
      );
      continue;
    }
    if (current.settings.has(key)) {
      diagnostics.push(
        confDiagnostic(
          file,
          'warning',
          'conf-duplicate',
          `\`${key}\` is set twice in [${current.name}]: the last value wins; remove one`,
          keyRange,
        ),
      );
    }
    current.settings.set(key, { key, value, keyRange, valueRange });
  }
  return {
    conf: {
      file,
      stanzas: stanzas.filter((s) => s.name !== DEFAULT_STANZA || s.settings.size > 0),
    },
    diagnostics,
  };
}
