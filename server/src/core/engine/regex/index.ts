/**
 * User regexes (rex, regex, match(), replace()): PCRE syntax translated to JavaScript, checked for
 * catastrophic backtracking, compiled once and cached.
 */
import { catastrophicBacktracking } from './safety';
import { RegexSyntaxError, translatePcre } from './translate';

export type CompiledRegex = { readonly regex: RegExp } | { readonly error: string };

/**
 * The longest input a user regex runs on; longer text is cut to this length first. The safety
 * check only rules out exponential backtracking, so this bounds the polynomial cases (`.*x.*y`
 * on a long event) as well. Splunk itself truncates an event line at 10,000 bytes by default
 * (props.conf TRUNCATE), so real events fit comfortably.
 */
export const USER_REGEX_INPUT_LIMIT = 65_536;

const MAX_CACHED = 2_000;
/** Cache per flag string, then per pattern (no key concatenation on the hot path). */
const caches = new Map<string, Map<string, CompiledRegex>>();

function compile(pattern: string, flags: string): CompiledRegex {
  let translation;
  try {
    translation = translatePcre(pattern, flags.replace(/[gy]/g, ''));
  } catch (error) {
    if (error instanceof RegexSyntaxError) return { error: error.message };
    throw error;
  }
  const jsFlags = translation.flags + (flags.includes('g') ? 'g' : '');
  let regex: RegExp;
  try {
    regex = new RegExp(translation.source, jsFlags);
  } catch (error) {
    return {
      error: `invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
    };
  }
  const problem = catastrophicBacktracking(translation.source, jsFlags);
  if (problem) {
    return {
      error: `the regular expression can take exponential time (${problem}); make the repetition unambiguous, e.g. (\\w+\\s)* instead of (\\w+\\s?)*, or match a delimiter with [^x]+x`,
    };
  }
  return { regex };
}

/**
 * Compiles a PCRE pattern. `flags` are JS flags to add (`g` for replace-all, `i`...). The result
 * is cached; callers that use `lastIndex` (global regexes) must reset it before each use.
 */
export function compileUserRegex(pattern: string, flags = ''): CompiledRegex {
  let cache = caches.get(flags);
  if (!cache) {
    cache = new Map();
    caches.set(flags, cache);
  }
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = compile(pattern, flags);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** The part of `text` a user regex may run on (see USER_REGEX_INPUT_LIMIT). */
export function boundedRegexInput(text: string): string {
  return text.length > USER_REGEX_INPUT_LIMIT ? text.slice(0, USER_REGEX_INPUT_LIMIT) : text;
}
