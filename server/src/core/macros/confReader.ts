import { readConf } from '../conf/readConf';
import type { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import { fileDiagnostic, type LocatedValue } from './definition';
import type { FileDiagnostic } from './types';

/** One `[header]` of a macros.conf with its `key = value` lines. */
export interface ConfStanza {
  /** The text between the brackets, trimmed. */
  readonly header: string;
  readonly headerRange: SourceRange;
  readonly values: ReadonlyMap<string, LocatedValue>;
}

export interface ConfFile {
  readonly path: string;
  readonly lines: LineIndex;
  readonly stanzas: readonly ConfStanza[];
}

/**
 * A macros.conf through the shared .conf reader. Keys before the first header belong to Splunk's
 * implicit default stanza, which defines no macro, so they are left out; a repeated key keeps
 * its last value without comment, as Splunk does.
 */
export function readConfFile(path: string, text: string, diagnostics: FileDiagnostic[]): ConfFile {
  const conf = readConf(text);
  for (const problem of conf.problems) {
    if (problem.kind === 'unclosed-header') {
      diagnostics.push(
        fileDiagnostic(
          path,
          'error',
          'spl.macro.confSyntax',
          "Stanza header is missing its closing ']'.",
          problem.range,
        ),
      );
    } else if (problem.kind === 'not-a-setting') {
      diagnostics.push(
        fileDiagnostic(
          path,
          'warning',
          'spl.macro.confSyntax',
          "Line is neither a '[stanza]', a 'key = value' nor a '#' comment; Splunk ignores it.",
          problem.range,
        ),
      );
    }
  }
  const stanzas = conf.stanzas
    .filter((stanza) => !stanza.implicit)
    .map((stanza) => ({
      header: stanza.name,
      headerRange: stanza.nameRange,
      values: new Map(
        [...stanza.settings].map(([key, setting]) => [
          key,
          { value: setting.value, range: setting.valueRange, toFile: setting.toFile },
        ]),
      ),
    }));
  return { path, lines: conf.lines, stanzas };
}
