/**
 * The shared base of the SPL grammar classes: configuration, the per-parse context and the
 * lookahead predicates the GATEs use. SPL decides by context (adjacency, keyword case, stage
 * ends), so most decisions are GATEs over `LA`, not token types alone.
 */
import {
  EmbeddedActionsParser,
  EOF,
  type IOrAlt,
  type IToken,
  type ParserMethod,
} from 'chevrotain';
import { LineIndex } from '../../text/lineIndex';
import type { Pipeline, Subsearch } from '../ast';
import type { TokenKind } from '../lexer';
import { ParseContext } from './context';
import { LazyLookaheadStrategy } from './lazyLookahead';
import { defineLeanRule, type RuleBody } from './leanRule';
import { allTokenTypes, AnyToken, EndOfText, type SplToken } from './tokens';

// Module-level copies: imported bindings are read through getters once compiled to CommonJS,
// and `peek` runs for nearly every decision.
const endOfFile = EOF;
const endOfText = EndOfText;
const anyToken = AnyToken;

/** The context between parses: empty, so the last parse's text is not kept alive. */
const idleContext = new ParseContext('', new LineIndex(''));

/** Tokens that always end a glued word: they structure a search. */
const chunkBreakers: ReadonlySet<TokenKind> = new Set([
  'pipe',
  'lbracket',
  'rbracket',
  'lparen',
  'rparen',
  'string',
  'macro',
]);

export abstract class SplParserBase extends EmbeddedActionsParser {
  protected context = idleContext;

  /** Rules defined by later classes of the chain, referenced lazily by earlier ones. */
  abstract readonly pipeline: ParserMethod<[boolean], Pipeline>;
  abstract readonly subsearch: ParserMethod<[], Subsearch>;

  constructor() {
    // Every decision is ordered and gated (SPL is context dependent), so alternatives overlap by
    // design and one token of lookahead suffices. Chevrotain's grammar validations are skipped:
    // they report those intended overlaps as ambiguities and their analysis of this heavily
    // gated grammar does not finish in reasonable time. Chevrotain's error recovery is off: the
    // grammar never lets Chevrotain meet a token it cannot place (problems are reported and
    // skipped by the rules themselves), and enabling it costs start-up (follow sets of every
    // rule) and bookkeeping in every repetition.
    super(allTokenTypes, {
      recoveryEnabled: false,
      maxLookahead: 1,
      skipValidations: true,
      lookaheadStrategy: new LazyLookaheadStrategy(1),
    });
  }

  /** Chevrotain defines every RULE through this: rules run in a leaner wrapper (leanRule.ts). */
  protected defineRule(name: string, body: RuleBody): unknown {
    return defineLeanRule(this, name, body);
  }

  /** The token `ahead` positions on (1 = the next one); undefined past the end. */
  protected peek(ahead = 1): SplToken | undefined {
    const token: IToken = this.LA(ahead);
    return token.tokenType === endOfFile || token.tokenType === endOfText
      ? undefined
      : (token as SplToken);
  }

  protected atKind(kind: TokenKind, ahead = 1): boolean {
    return this.peek(ahead)?.kind === kind;
  }

  /** The token is the word `keyword` (lower case), ignoring case (`by`, `as`, `where`...). */
  protected atKeyword(keyword: string, ahead = 1): boolean {
    const token = this.peek(ahead);
    return (
      token?.kind === 'word' &&
      token.image.length === keyword.length &&
      token.image.toLowerCase() === keyword
    );
  }

  /** A stage ends at `|`, at the `]` closing a subsearch, or at the end of the text. */
  protected atStageEnd(ahead = 1): boolean {
    const token = this.peek(ahead);
    return token === undefined || token.kind === 'pipe' || token.kind === 'rbracket';
  }

  /** `name=` starting here: a command option (the `=` may be spaced: `limit = 5`). */
  protected atOption(): boolean {
    const equals = this.peek(2);
    return this.atKind('word') && equals?.kind === 'compare' && equals.image === '=';
  }

  /** True when token `ahead` starts exactly where the token before it ends. */
  protected glued(ahead: number): boolean {
    const token = this.peek(ahead);
    const previous = ahead === 1 ? this.previousToken() : this.peek(ahead - 1);
    return token !== undefined && previous !== undefined && previous.end === token.startOffset;
  }

  protected previousToken(): SplToken | undefined {
    return this.peek(0);
  }

  /** Offset where the previous token ended (the start of the text if none). */
  protected previousEnd(): number {
    return this.previousToken()?.end ?? 0;
  }

  /**
   * The tokens of the current parse, closed by the end-of-text token, for the parenthesis matching
   * `chunkLength` needs.
   */
  protected parsedTokens: readonly SplToken[] = [];
  private matchingParens: Int32Array | undefined;

  /** The last token before the end of the text; only called when there is one. */
  protected lastToken(): SplToken {
    return this.parsedTokens[this.parsedTokens.length - 2] as SplToken;
  }

  protected startParse(context: ParseContext, tokens: readonly SplToken[]): void {
    this.context = context;
    this.parsedTokens = tokens;
    this.matchingParens = undefined;
    this.nesting = 0;
  }

  /**
   * Drops the finished parse's tokens and context: held until the next parse, they doubled what a
   * young-generation GC has to copy while the caller keeps the tree.
   */
  protected endParse(): void {
    this.parsedTokens = [];
    this.matchingParens = undefined;
    this.input = [];
    this.context = idleContext;
  }

  /**
   * Index of the `)` closing the `(` at `index` within the same stage, or -1. Computed once per
   * parse for all parentheses, so gluing stays linear however many groups a search opens.
   */
  private matchingParen(index: number): number {
    if (!this.matchingParens) {
      const matches = new Int32Array(this.parsedTokens.length).fill(-1);
      const open: number[] = [];
      for (let at = 0; at < this.parsedTokens.length; at++) {
        const kind = (this.parsedTokens[at] as SplToken).kind;
        if (kind === 'lparen') open.push(at);
        else if (kind === 'rparen' && open.length > 0) matches[open.pop() as number] = at;
        else if (open.length > 0 && (kind === 'pipe' || kind === 'lbracket' || kind === 'rbracket'))
          open.length = 0;
      }
      this.matchingParens = matches;
    }
    return this.matchingParens[index] ?? -1;
  }

  /**
   * How many tokens from the next one SPL reads as one word (`C:\Windows\*`, `-24h@h`,
   * `10.0.0.1`): a run of adjacent tokens. Structural tokens end it; so do commas when values are
   * listed with them. With `withParens`, a parenthesis opened inside the run belongs to it through
   * its matching `)`, spaces included (`*GetCurrent()*`, `relative_time(now(), "-1d")`); a `(`
   * never closed is just a character, and a `)` that closes an outer group ends the run.
   */
  protected chunkLength(stopAtComma: boolean, withParens = false): number {
    const first = this.peek();
    if (!first) return 0;
    // Read from the token array (token `ahead` is at `before + ahead`) rather than through `peek`:
    // gluing looks at every token of every search term, and `LA` checks bounds on each call.
    const tokens = this.parsedTokens;
    const before = first.index - 1;
    let ahead = 1;
    for (let token = first; ;) {
      if (ahead > 1 && (tokens[before + ahead - 1] as SplToken).end !== token.startOffset) break;
      const close =
        withParens && ahead > 1 && token.kind === 'lparen' ? this.matchingParen(token.index) : -1;
      if (close >= 0) ahead = close - first.index + 2;
      else if (token.kind === 'lparen' && withParens && ahead > 1) ahead++;
      else if (chunkBreakers.has(token.kind) || (stopAtComma && token.kind === 'comma')) break;
      else ahead++;
      const next = tokens[before + ahead];
      if (next === undefined || next.tokenType === endOfText) break;
      token = next;
    }
    return ahead - 1;
  }

  /** Deepest nesting of parentheses, calls and subsearches the parser follows. */
  static readonly maxNesting = 200;
  private nesting = 0;

  /**
   * Enters one level of nesting at the next token. Past `maxNesting` the rest of the text is
   * reported and skipped: recursion that deep would overflow the stack, and no real search
   * comes close.
   */
  protected enter(at?: SplToken): boolean {
    const token = at ?? this.peek();
    if (!token) return false;
    if (this.nesting < SplParserBase.maxNesting) {
      this.nesting++;
      return true;
    }
    this.error(
      'spl.syntax.too-deep',
      `nesting deeper than ${SplParserBase.maxNesting} levels: simplify the search`,
      token.startOffset,
      this.lastToken().end,
    );
    while (this.peek()) this.SKIP_TOKEN();
    return false;
  }

  protected leave(): void {
    this.nesting--;
  }

  /**
   * The alternative at index `chosen`, one nesting level deeper; undefined (reported) past the
   * limit. For hot decisions plain code picks the alternative, as Chevrotain's gated OR allocates
   * on every call; the recorder still sees the whole OR. The last alternative must accept any
   * token, so that the OR itself could never have failed where plain code picks it.
   */
  protected nestedChoice<T>(alternatives: IOrAlt<T>[], chosen: number): T | undefined {
    if (this.RECORDING_PHASE) return this.OR(alternatives);
    if (!this.enter()) return undefined;
    try {
      return (alternatives[chosen] as IOrAlt<T>).ALT.call(this);
    } finally {
      this.leave();
    }
  }

  /** Like `nestedChoice`, without entering a nesting level. */
  protected choice<T>(alternatives: IOrAlt<T>[], chosen: number): T {
    if (this.RECORDING_PHASE) return this.OR(alternatives);
    return (alternatives[chosen] as IOrAlt<T>).ALT.call(this);
  }

  /** Consumes `count` tokens that a CONSUME before it has started; returns the last one. */
  protected skipTokens(count: number): SplToken | undefined {
    for (let i = 0; i < count; i++) this.SKIP_TOKEN();
    return this.previousToken();
  }

  /** Consumes any token: used where a GATE has already decided what the token is. */
  protected consumeAny(index: number): SplToken {
    return this.consume(index, anyToken) as SplToken;
  }

  protected range(start: number, end: number) {
    return this.context.range(start, end);
  }

  protected error(code: string, message: string, start: number, end: number): void {
    this.context.error(code, message, start, end);
  }

  /** The next `count` tokens (fewer at the end), without consuming them. */
  protected tokensAhead(count: number): SplToken[] {
    const tokens: SplToken[] = [];
    for (let ahead = 1; ahead <= count; ahead++) {
      const token = this.peek(ahead);
      if (token) tokens.push(token);
    }
    return tokens;
  }

  /** True when the last CONSUME/SKIP moved past `before` (the token that was last before). */
  protected movedPast(before: IToken): boolean {
    return this.LA(0) !== before;
  }

  /** Reports every token left before the stage ends and skips them, so the next stage parses. */
  protected skipRestOfStage(what: string): void {
    if (this.atStageEnd()) return;
    this.SKIP_TOKEN();
    const first = this.previousToken() as SplToken;
    let last = first;
    let depth = 0;
    while (!this.atStageEnd() || depth > 0) {
      const token = this.peek();
      if (token === undefined) break;
      if (token.kind === 'lbracket') depth++;
      else if (token.kind === 'rbracket') depth--;
      this.SKIP_TOKEN();
      last = token;
    }
    this.error(
      'spl.syntax.unexpected-token',
      `unexpected '${first.image.slice(0, 40)}' ${what}`,
      first.startOffset,
      last.end,
    );
  }

  /**
   * A repetition whose body may consume nothing (it ends by a GATE or when stuck, like MANY).
   * Chevrotain's lookahead analysis loops forever on a MANY whose body can be empty, so the body
   * is recorded once as a plain sequence and repeated here; the decisions inside it keep their
   * own lookahead.
   */
  protected repeat(loop: { GATE: () => boolean; DEF: () => unknown }): void {
    if (this.RECORDING_PHASE) {
      loop.DEF();
      return;
    }
    while (loop.GATE()) {
      const before = this.LA(0);
      loop.DEF();
      if (!this.movedPast(before)) break;
    }
  }
}
