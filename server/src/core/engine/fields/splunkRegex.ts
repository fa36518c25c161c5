import { boundedRegexInput, compileUserRegex } from '../regex';

/**
 * Compiles a props/transforms regex with the engine's user-regex rules: PCRE syntax translated
 * to JavaScript and patterns that can backtrack exponentially refused. Each setting gets its own
 * RegExp object because global regexes carry `lastIndex`.
 */
export function compileSplunkRegex(
  pattern: string,
  extraFlags = '',
): { regex: RegExp } | { error: string } {
  const compiled = compileUserRegex(pattern, extraFlags);
  return 'error' in compiled ? compiled : { regex: new RegExp(compiled.regex) };
}

/** The text an extraction regex runs on: bounded like every user regex's input. */
export const regexInput = boundedRegexInput;

/** Splunk's CLEAN_KEYS: other characters than letters, digits and `_` become `_`; leading `_` and digits go. */
export function cleanKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[_0-9]+/, '');
}
