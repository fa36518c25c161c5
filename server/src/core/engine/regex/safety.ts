/**
 * Rejects regexes that can backtrack exponentially. JavaScript's RegExp runs synchronously and
 * cannot be interrupted, so one bad user pattern on one long event would hang the evaluator (and,
 * later, the language server). Exponential blow-up needs a repeated group whose body can match the
 * same text in more than one way; this module looks for the two shapes that cause it in practice:
 * - a repeated group containing a variable-length part, `(a+)+`, `(\w+\s?)*`, `(.*)*`,
 *   `(a?a?)*`, unless the body also has a required character that part cannot consume
 *   (`([^\\]+\\)*` is fine: each iteration must end at a backslash, so there is only one way to
 *   split the text);
 * - a repeated group whose alternatives can start the same way, `(a|a)*`, `(\d|\w)+`.
 * The analysis is deliberately conservative; polynomial cases are bounded by the input length cap.
 */

interface CharSet {
  /** Characters 0-255 the atom can match; enough to tell delimiters from content. */
  readonly codes: ReadonlySet<number>;
  /** The literal text when the atom is a plain character. */
  readonly literal?: string;
}

interface Item {
  readonly atom: Atom;
  readonly min: number;
  readonly max: number;
}

type Atom =
  | { readonly kind: 'chars'; readonly set: CharSet }
  | {
      readonly kind: 'group';
      readonly alternatives: readonly Item[][];
      readonly zeroWidth: boolean;
    }
  | { readonly kind: 'assertion' };

/** A bound above this counts as unbounded: `{1,1000}` backtracks like `+`. */
const LARGE_BOUND = 16;

function charSetOf(source: string, flags: string): CharSet {
  const regex = new RegExp(`^(?:${source})$`, flags.replace(/[gy]/g, ''));
  const codes = new Set<number>();
  for (let code = 0; code < 256; code++) if (regex.test(String.fromCharCode(code))) codes.add(code);
  const literal = /^(?:\\[^a-zA-Z0-9]|[^\\[.])$/.test(source) ? source.slice(-1) : undefined;
  return literal === undefined ? { codes } : { codes, literal };
}

class Parser {
  private at = 0;
  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {}

  parseAlternatives(): Item[][] {
    const alternatives: Item[][] = [[]];
    while (this.at < this.source.length && this.source[this.at] !== ')') {
      if (this.source[this.at] === '|') {
        this.at++;
        alternatives.push([]);
        continue;
      }
      const atom = this.parseAtom();
      (alternatives[alternatives.length - 1] as Item[]).push(this.parseQuantifier(atom));
    }
    return alternatives;
  }

  private parseAtom(): Atom {
    const start = this.at;
    const ch = this.source[this.at] as string;
    if (ch === '(') {
      const head = /^\((\?(?:<[A-Za-z_]\w*>|:|=|!|<=|<!))?/.exec(
        this.source.slice(this.at),
      )?.[0] as string;
      this.at += head.length;
      const alternatives = this.parseAlternatives();
      this.at++;
      return { kind: 'group', alternatives, zeroWidth: /^\(\?(=|!|<=|<!)/.test(head) };
    }
    if (ch === '^' || ch === '$') {
      this.at++;
      return { kind: 'assertion' };
    }
    if (ch === '\\') {
      const next = this.source[this.at + 1] ?? '';
      if (next === 'b' || next === 'B') {
        this.at += 2;
        return { kind: 'assertion' };
      }
      const escape = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|\d+|[\s\S])/.exec(
        this.source.slice(this.at),
      );
      this.at += (escape?.[0] as string).length;
      if (/^\\(k<|[1-9])/.test(escape?.[0] as string))
        return { kind: 'chars', set: { codes: allCodes } };
    } else if (ch === '[') {
      this.at++;
      if (this.source[this.at] === '^') this.at++;
      if (this.source[this.at] === ']') this.at++;
      while (this.at < this.source.length && this.source[this.at] !== ']')
        this.at += this.source[this.at] === '\\' ? 2 : 1;
      this.at++;
    } else {
      this.at++;
    }
    return { kind: 'chars', set: charSetOf(this.source.slice(start, this.at), this.flags) };
  }

  private parseQuantifier(atom: Atom): Item {
    const match = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.source.slice(this.at));
    if (!match) return { atom, min: 1, max: 1 };
    this.at += match[0].length;
    if (match[1] === '*') return { atom, min: 0, max: Infinity };
    if (match[1] === '+') return { atom, min: 1, max: Infinity };
    if (match[1] === '?') return { atom, min: 0, max: 1 };
    const min = Number(match[2]);
    const max = match[3] === undefined ? min : match[4] === '' ? Infinity : Number(match[4]);
    return { atom, min, max };
  }
}

const allCodes: ReadonlySet<number> = new Set(Array.from({ length: 256 }, (_, i) => i));

function union(sets: Iterable<ReadonlySet<number>>): Set<number> {
  const out = new Set<number>();
  for (const set of sets) for (const code of set) out.add(code);
  return out;
}

function intersects(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  for (const code of a) if (b.has(code)) return true;
  return false;
}

/** Every character an item can consume anywhere. */
function consumable(item: Item): ReadonlySet<number> {
  const atom = item.atom;
  if (atom.kind === 'chars') return atom.set.codes;
  if (atom.kind === 'assertion' || atom.zeroWidth) return new Set();
  return union(atom.alternatives.flatMap((alt) => alt.map(consumable)));
}

/** Characters a sequence can start with (through optional items). */
function firstChars(sequence: readonly Item[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (const item of sequence) {
    const atom = item.atom;
    if (atom.kind === 'assertion' || (atom.kind === 'group' && atom.zeroWidth)) continue;
    const first = atom.kind === 'chars' ? atom.set.codes : union(atom.alternatives.map(firstChars));
    for (const code of first) out.add(code);
    if (item.min > 0) break;
  }
  return out;
}

function literalPrefix(sequence: readonly Item[]): string {
  let prefix = '';
  for (const item of sequence) {
    if (
      item.atom.kind !== 'chars' ||
      item.atom.set.literal === undefined ||
      item.min !== 1 ||
      item.max !== 1
    )
      break;
    prefix += item.atom.set.literal;
  }
  return prefix;
}

function isUnbounded(item: Item): boolean {
  return item.max > LARGE_BOUND;
}

/** Items of variable length (`?`, `*`, `{1,3}`...), nested ones included. */
function innerVariable(sequence: readonly Item[]): Item[] {
  const found: Item[] = [];
  for (const item of sequence) {
    if (item.min < item.max) found.push(item);
    if (item.atom.kind === 'group')
      for (const alt of item.atom.alternatives) found.push(...innerVariable(alt));
  }
  return found;
}

/**
 * Whether repeating `body` can split the same text in many ways because of `inner`. An unbounded
 * inner part is a problem under any repetition (`(a+){10}` is already polynomial of degree 10);
 * a bounded one (`(a?a?)*`, `(a{1,3})*`) only under unbounded repetition. `(a?)*` alone is fine:
 * the engine stops empty iterations, so there is one way to match.
 */
function splitsAmbiguously(outer: Item, body: readonly Item[], inner: Item): boolean {
  if (body.length === 1 && body[0] === inner && inner.max === 1) return false;
  if (!(isUnbounded(inner) ? outer.max > 1 : isUnbounded(outer))) return false;
  const innerChars = consumable(inner);
  return !requiredChars(body).some((d) => d.size > 0 && !intersects(d, innerChars));
}

/** Required single characters of a body (outside nested repetition), as delimiter candidates. */
function requiredChars(sequence: readonly Item[]): ReadonlySet<number>[] {
  return sequence
    .filter((item) => item.min >= 1 && item.max === 1 && item.atom.kind === 'chars')
    .map(consumable);
}

function ambiguousAlternatives(alternatives: readonly Item[][]): boolean {
  for (let i = 0; i < alternatives.length; i++) {
    for (let j = i + 1; j < alternatives.length; j++) {
      const a = alternatives[i] as Item[];
      const b = alternatives[j] as Item[];
      if (!intersects(firstChars(a), firstChars(b))) continue;
      const pa = literalPrefix(a);
      const pb = literalPrefix(b);
      if (pa !== '' && pb !== '' && !pa.startsWith(pb) && !pb.startsWith(pa)) continue;
      return true;
    }
  }
  return false;
}

function findProblem(sequence: readonly Item[]): string | undefined {
  for (const item of sequence) {
    if (item.atom.kind !== 'group') continue;
    if (item.max > 1) {
      for (const body of item.atom.alternatives) {
        if (innerVariable(body).some((inner) => splitsAmbiguously(item, body, inner))) {
          return 'a repeated group contains a variable-length part with nothing to separate the repetitions';
        }
      }
      if (isUnbounded(item) && ambiguousAlternatives(item.atom.alternatives)) {
        return 'a repeated group has alternatives that can match the same text';
      }
    }
    for (const body of item.atom.alternatives) {
      const problem = findProblem(body);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A message when the (JS) pattern can backtrack catastrophically, else undefined. */
export function catastrophicBacktracking(source: string, flags: string): string | undefined {
  const alternatives = new Parser(source, flags).parseAlternatives();
  for (const alt of alternatives) {
    const problem = findProblem(alt);
    if (problem) return problem;
  }
  return undefined;
}
