import type { MacroIndex, ScannedToken } from '../macros';
import type { Diagnostic } from '../text/diagnostic';
import type { LineIndex } from '../text/lineIndex';
import { defaultSeverity } from './rules';

/**
 * `spl.macro.inQuotes`: a call to a known macro inside a double-quoted string stays as written
 * (spl-semantics.md "Lexical": not expanded inside a quoted string). Only known names are
 * reported, since quoted regexes and messages use backticks for other things.
 */
export function macrosInQuotes(
  text: string,
  tokens: readonly ScannedToken[],
  index: MacroIndex,
  lines: LineIndex,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const token of tokens) {
    if (token.kind !== 'string') continue;
    const body = text.slice(token.start, token.end);
    const callInString = /`([A-Za-z0-9_-]+)(\([^`]*\))?`/g;
    for (let m = callInString.exec(body); m; m = callInString.exec(body)) {
      const name = m[1] as string;
      if (index.overloads(name).length === 0) continue;
      diagnostics.push({
        severity: defaultSeverity('spl.macro.inQuotes'),
        code: 'spl.macro.inQuotes',
        message: `\`${name}\` is inside a quoted string, so Splunk does not expand it here; move it out of the quotes if it should expand (commands such as map expand it when they run the string).`,
        range: lines.range(token.start + m.index, token.start + m.index + m[0].length),
        source: 'lint',
      });
    }
  }
  return diagnostics;
}

/**
 * `spl.macro.fourBackticks`: ```` ```` ```` is a comment delimiter run into a macro backtick (or
 * the reverse); whichever Splunk reads, the rest of the search shifts between comment and code.
 */
export function fourBackticks(
  text: string,
  tokens: readonly ScannedToken[],
  lines: LineIndex,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const strings = tokens.filter((t) => t.kind === 'string');
  const backtickRun = /`{4,}/g;
  for (let m = backtickRun.exec(text); m; m = backtickRun.exec(text)) {
    const at = m.index;
    if (strings.some((s) => s.start < at && at < s.end)) continue;
    diagnostics.push({
      severity: defaultSeverity('spl.macro.fourBackticks'),
      code: 'spl.macro.fourBackticks',
      message: `${m[0].length} backticks in a row: a comment opens and closes with exactly three, a macro call with one. Separate them with a space.`,
      range: lines.range(at, at + m[0].length),
      source: 'lint',
    });
  }
  return diagnostics;
}
