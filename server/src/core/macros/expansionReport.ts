import type { Diagnostic, RelatedInformation, Severity } from '../text/diagnostic';
import { LineIndex } from '../text/lineIndex';
import type { MacroIndex } from './macroIndex';
import { originAt, type CallFrame, type MappedText } from './mappedText';

/** A span of the text being expanded (the user's, or a definition's after substitution). */
export interface Place {
  readonly input: MappedText;
  readonly start: number;
  readonly end: number;
  /** The call being expanded when the span was met; absent at the user's top level. */
  readonly frame: CallFrame | undefined;
}

export type Report = (
  place: Place,
  severity: Severity,
  code: string,
  message: string,
  extraRelated?: readonly RelatedInformation[],
) => void;

/**
 * Collects expansion diagnostics at the call in the user's text; a problem met inside a
 * definition gets the definition's file and range as related information.
 */
export class ExpansionReporter {
  readonly diagnostics: Diagnostic[] = [];
  private lines: LineIndex | undefined;

  constructor(
    private readonly userText: string,
    private readonly index: MacroIndex,
  ) {}

  readonly report: Report = (place, severity, code, message, extraRelated = []) => {
    const { input, start, end, frame } = place;
    const origin = originAt(input, start);
    const userStart = frame ? frame.userStart : (origin?.offset ?? start);
    const userEnd = frame ? frame.userEnd : userStart + (end - start);
    const related: RelatedInformation[] = [...extraRelated];
    if (origin?.kind === 'definition') {
      const within = origin.frame.site.definition;
      related.push({
        message: `in the definition of '${within.name}'`,
        range: this.index.definitionSpan(within, origin.offset, origin.offset + (end - start)),
        uri: within.file,
      });
    }
    this.diagnostics.push({
      severity,
      code,
      message,
      range: this.range(userStart, userEnd),
      source: 'macros',
      ...(related.length > 0 ? { related } : {}),
    });
  };

  /** Reports again what `diagnostic` reported, at `start`-`end` of the user's text. */
  replay(diagnostic: Diagnostic, start: number, end: number): void {
    this.diagnostics.push({ ...diagnostic, range: this.range(start, end) });
  }

  private range(start: number, end: number) {
    // Built on first use: most expansions report nothing.
    this.lines ??= new LineIndex(this.userText);
    return this.lines.range(start, end);
  }
}
