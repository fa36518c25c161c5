/** A parsed `s/pattern/replacement/flags` for `rex mode=sed`. */
export interface SedReplace {
  readonly pattern: string;
  readonly replacement: string;
  /** JS flags for the compiled regex: `g` for flag g or an occurrence number. */
  readonly flags: string;
  /** Replace only this occurrence (1-based) when flag N is given. */
  readonly occurrence?: number;
}

/** Splits on unescaped delimiters: `s/a\/b/c/g` has the pattern `a\/b`. */
function splitUnescaped(text: string, delimiter: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && text[i + 1] === delimiter) {
      current += delimiter;
      i++;
    } else if (ch === delimiter) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function parseSed(expression: string): SedReplace | { error: string } {
  const usage =
    'rex mode=sed takes "s/regex/replacement/flags" (flags: g, or a number N for the Nth match).';
  if (!expression.startsWith('s') || expression.length < 2) return { error: usage };
  const parts = splitUnescaped(expression.slice(2), expression[1] as string);
  if (parts.length !== 3) return { error: usage };
  const [pattern, replacement, flagText] = parts as [string, string, string];
  if (flagText === 'g') return { pattern, replacement, flags: 'g' };
  if (flagText === '') return { pattern, replacement, flags: '' };
  if (/^\d+$/.test(flagText) && Number(flagText) > 0) {
    return { pattern, replacement, flags: 'g', occurrence: Number(flagText) };
  }
  return { error: `'${flagText}' is not a sed flag the local evaluator knows. ${usage}` };
}

/** sed's `\1` back-references become JS `$1`; a literal `$` must not be read as one. */
function jsReplacement(replacement: string): string {
  return replacement.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1');
}

export function applySed(text: string, regex: RegExp, sed: SedReplace): string {
  const replacement = jsReplacement(sed.replacement);
  regex.lastIndex = 0;
  if (sed.occurrence === undefined) return text.replace(regex, replacement);
  let seen = 0;
  return text.replace(regex, (...args) => {
    const match = args[0] as string;
    if (++seen !== sed.occurrence) return match;
    return match.replace(new RegExp(regex.source, regex.flags.replace('g', '')), replacement);
  });
}
