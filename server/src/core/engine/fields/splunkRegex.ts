/**
 * Splunk writes regular expressions in PCRE. The common PCRE-only spellings are turned into their
 * JavaScript equivalents: `(?P<name>` named groups and a leading `(?i)` flag. Anything else that
 * JavaScript rejects is reported by the caller with the setting's range.
 */
export function compileSplunkRegex(
  pattern: string,
  extraFlags = '',
): { regex: RegExp } | { error: string } {
  let source = pattern.replace(/\(\?P<(?=[A-Za-z_])/g, '(?<');
  let flags = extraFlags;
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  try {
    return { regex: new RegExp(source, flags) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Splunk's CLEAN_KEYS: other characters than letters, digits and `_` become `_`; leading `_` and digits go. */
export function cleanKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[_0-9]+/, '');
}
