import type { Diagnostic } from '../../text/diagnostic';
import { readConf, type ConfProblemKind, type ConfSetting } from '../../conf/readConf';
import type { SourceRange } from '../../text/range';

export type { ConfSetting };

/** A diagnostic about a configuration file; `range` is within `file`. */
export interface FileDiagnostic extends Diagnostic {
  readonly file: string;
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

export function confDiagnostic(
  file: string,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  range: SourceRange,
): FileDiagnostic {
  return { file, severity, code, message, range, source: 'engine' };
}

const problemWords: Readonly<Record<ConfProblemKind, string>> = {
  'unclosed-header': 'stanza header needs a closing `]` at the end of the line',
  'not-a-setting': 'expected `key = value`, a `[stanza]` header or a `#` comment',
  'empty-key': 'a setting needs a name before `=`',
  'duplicate-key': '',
};

/**
 * A props.conf or transforms.conf through the shared .conf reader; settings written before any
 * header stay in Splunk's `[default]` stanza, which applies to every event.
 */
export function parseConf(
  file: string,
  text: string,
): { conf: ConfFile; diagnostics: FileDiagnostic[] } {
  const read = readConf(text);
  const diagnostics = read.problems.map((problem) =>
    problem.kind === 'duplicate-key'
      ? confDiagnostic(
          file,
          'warning',
          'conf-duplicate',
          `\`${problem.key}\` is set twice in [${problem.stanza}]: the last value wins; remove one`,
          problem.range,
        )
      : confDiagnostic(file, 'error', 'conf-syntax', problemWords[problem.kind], problem.range),
  );
  const stanzas = read.stanzas.map((stanza) => ({
    name: stanza.name,
    nameRange: stanza.implicit ? stanza.nameRange : stanza.headerRange,
    settings: stanza.settings,
  }));
  return { conf: { file, stanzas }, diagnostics };
}
