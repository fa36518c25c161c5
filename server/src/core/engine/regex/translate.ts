/**
 * Translates PCRE syntax (what Splunk's rex, regex, match() and replace() use) into JavaScript
 * RegExp source. Constructs with a JS equivalent are rewritten; the rest are rejected with a
 * message that says what to write instead, never silently changed in meaning.
 */

export interface Translation {
  readonly source: string;
  readonly flags: string;
}

export class RegexSyntaxError extends Error {}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function reject(what: string, advice: string): never {
  throw new RegexSyntaxError(
    `${what} is not supported by the local evaluator's regex engine; ${advice}`,
  );
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** `\x{263A}` -> `\u263A`; only the Basic Multilingual Plane, since the `u` flag stays off. */
function hexEscape(hex: string): string {
  const code = parseInt(hex, 16);
  if (!Number.isFinite(code) || code > 0xffff)
    reject(`the escape \\x{${hex}}`, 'use a code point up to \\x{FFFF}');
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Translates an escape starting at `pattern[i] === '\\'`; returns the JS text and the next index. */
function translateEscape(pattern: string, i: number, inClass: boolean): [string, number] {
  const next = pattern[i + 1];
  if (next === undefined)
    throw new RegexSyntaxError(
      'the pattern ends with a lone backslash; write \\\\ for a literal backslash',
    );
  switch (next) {
    case 'A':
      if (inClass) return ['A', i + 2];
      return ['(?<![\\s\\S])', i + 2];
    case 'z':
      if (inClass) return ['z', i + 2];
      return ['(?![\\s\\S])', i + 2];
    case 'Z':
      if (inClass) return ['Z', i + 2];
      return ['(?=\\n?(?![\\s\\S]))', i + 2];
    case 'h':
      return [inClass ? ' \\t' : '[ \\t]', i + 2];
    case 'H':
      if (inClass) reject('\\H inside a character class', 'use [^ \\t] outside the class');
      return ['[^ \\t]', i + 2];
    case 'e':
      return ['\\x1b', i + 2];
    case 'a':
      return ['\\x07', i + 2];
    case 'Q': {
      const end = pattern.indexOf('\\E', i + 2);
      const literal = pattern.slice(i + 2, end === -1 ? undefined : end);
      return [escapeLiteral(literal), end === -1 ? pattern.length : end + 2];
    }
    case 'E':
      return ['', i + 2];
    case 'x': {
      if (pattern[i + 2] === '{') {
        const end = pattern.indexOf('}', i + 3);
        if (end === -1) throw new RegexSyntaxError('unterminated \\x{...} escape');
        return [hexEscape(pattern.slice(i + 3, end)), end + 1];
      }
      return ['\\x', i + 2];
    }
    case 'K':
      return reject('\\K (reset match start)', 'use a lookbehind (?<=...) or a capture group');
    case 'G':
      return reject('\\G (end of previous match)', 'anchor with ^ or drop it');
    case 'p':
    case 'P':
    case 'X':
    case 'R':
      return reject(
        `\\${next} (Unicode property or sequence)`,
        'use an explicit character class such as [A-Za-z]',
      );
    case 'g': {
      const match = /^\\g\{?(-?\d+|[A-Za-z_]\w*)\}?/.exec(pattern.slice(i));
      if (!match) return reject('\\g', 'use \\1 or \\k<name>');
      const ref = match[1] as string;
      if (ref.startsWith('-'))
        reject('a relative back reference', 'use an absolute one such as \\1');
      return [/^\d+$/.test(ref) ? `\\${ref}` : `\\k<${ref}>`, i + match[0].length];
    }
    case 'k': {
      const match = /^\\k(?:<([^>]*)>|'([^']*)'|\{([^}]*)\})/.exec(pattern.slice(i));
      if (!match) return reject('\\k without a group name', 'write \\k<name>');
      return [`\\k<${match[1] ?? match[2] ?? match[3]}>`, i + match[0].length];
    }
    default:
      return [`\\${next}`, i + 2];
  }
}

interface Scanner {
  readonly pattern: string;
  readonly extended: boolean;
  readonly multiline: boolean;
}

function translateClass(s: Scanner, start: number): [string, number] {
  const { pattern } = s;
  let out = '[';
  let i = start + 1;
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  // A `]` right after `[` or `[^` is a literal in PCRE, but closes the class in JS.
  if (pattern[i] === ']') {
    out += '\\]';
    i++;
  }
  while (i < pattern.length && pattern[i] !== ']') {
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
    if (posix) {
      const body = POSIX_CLASSES[posix[2] as string];
      if (body === undefined) throw new RegexSyntaxError(`unknown POSIX class [:${posix[2]}:]`);
      if (posix[1])
        reject(
          `the negated POSIX class [:^${posix[2]}:]`,
          'write the complement as a separate [^...] class',
        );
      out += body;
      i += posix[0].length;
    } else if (pattern[i] === '\\') {
      const [text, next] = translateEscape(pattern, i, true);
      out += text;
      i = next;
    } else if (pattern[i] === '[') {
      out += '\\[';
      i++;
    } else {
      out += pattern[i];
      i++;
    }
  }
  if (i >= pattern.length)
    throw new RegexSyntaxError('unterminated character class: add the closing ]');
  return [out + ']', i + 1];
}

/** Translates a `(` construct; returns the JS text and the next index. */
function translateGroupOpen(s: Scanner, i: number): [string, number] {
  const rest = s.pattern.slice(i);
  if (!rest.startsWith('(?') && !rest.startsWith('(*')) return ['(', i + 1];
  if (rest.startsWith('(*')) return reject('a backtracking control verb (*...)', 'remove it');
  const named = /^\(\?(?:P<([^>]*)>|<([^>=!]*)>|'([^']*)')/.exec(rest);
  if (named) {
    const name = (named[1] ?? named[2] ?? named[3]) as string;
    if (!GROUP_NAME.test(name)) {
      throw new RegexSyntaxError(
        `invalid group name '${name}': start with a letter or _, then letters, digits or _`,
      );
    }
    return [`(?<${name}>`, i + named[0].length];
  }
  const backref = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
  if (backref) return [`\\k<${backref[1]}>`, i + backref[0].length];
  const comment = /^\(\?#[^)]*\)/.exec(rest);
  if (comment) return ['', i + comment[0].length];
  if (/^\(\?(:|=|!|<=|<!)/.test(rest)) {
    const head = /^\(\?(:|=|!|<=|<!)/.exec(rest)?.[0] as string;
    return [head, i + head.length];
  }
  if (rest.startsWith('(?>')) return reject('an atomic group (?>...)', 'use a plain group (?:...)');
  if (rest.startsWith('(?|'))
    return reject('a branch-reset group (?|...)', 'use separate named groups');
  if (rest.startsWith('(?('))
    return reject('a conditional group (?(...)...)', 'split the pattern into alternatives');
  if (/^\(\?(R|[+-]?\d|&|P>)/.test(rest))
    return reject('a recursive pattern', 'write the nesting out explicitly');
  return reject(
    `the inline option group '${/^\(\?[^)]*\)?/.exec(rest)?.[0]}' in the middle of a pattern`,
    'move (?i), (?s), (?m) or (?x) to the very start',
  );
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

/** Leading `(?ims)`-style options become JS flags; returns the flags and where the body starts. */
function leadingOptions(pattern: string): { flags: Set<string>; extended: boolean; start: number } {
  const flags = new Set<string>();
  let extended = false;
  let start = 0;
  for (;;) {
    const match = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(start));
    if (!match) break;
    for (const option of match[1] as string) {
      if (option === 'i' || option === 's' || option === 'm') flags.add(option);
      else if (option === 'x') extended = true;
      else reject(`the inline option (?${option})`, 'use only i, s, m or x');
    }
    start += match[0].length;
  }
  return { flags, extended, start };
}

export function translatePcre(pattern: string, extraFlags = ''): Translation {
  const options = leadingOptions(pattern);
  for (const flag of extraFlags) options.flags.add(flag);
  const s: Scanner = { pattern, extended: options.extended, multiline: options.flags.has('m') };
  let out = '';
  let i = options.start;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (s.extended && /\s/.test(ch)) {
      i++;
    } else if (s.extended && ch === '#') {
      const end = pattern.indexOf('\n', i);
      i = end === -1 ? pattern.length : end + 1;
    } else if (ch === '\\') {
      const [text, next] = translateEscape(pattern, i, false);
      out += text;
      i = next;
    } else if (ch === '[') {
      const [text, next] = translateClass(s, i);
      out += text;
      i = next;
    } else if (ch === '(') {
      const [text, next] = translateGroupOpen(s, i);
      out += text;
      i = next;
    } else if (ch === '$' && !s.multiline) {
      // PCRE's `$` also matches before a final newline; JS's only at the very end.
      out += '(?=\\n?(?![\\s\\S]))';
      i++;
    } else {
      const quantifier = QUANTIFIER.exec(pattern.slice(i));
      if (quantifier) {
        out += quantifier[0];
        i += quantifier[0].length;
        if (pattern[i] === '+')
          reject(
            `the possessive quantifier ${quantifier[0]}+`,
            `use ${quantifier[0]} without the trailing +`,
          );
        if (pattern[i] === '?') {
          out += '?';
          i++;
        }
      } else {
        out += ch;
        i++;
      }
    }
  }
  return { source: out, flags: [...options.flags].sort().join('') };
}
