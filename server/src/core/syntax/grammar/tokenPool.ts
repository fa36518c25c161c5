/**
 * The parser's tokens, kept from one parse to the next and overwritten in place. A 2,000-line
 * document has some 19,000 tokens; made afresh for every keystroke they were a sixth of what a
 * parse allocated, and, alive for the whole parse, they were copied by every young-generation GC
 * that ran during it. Reused, they live in the old generation and cost neither.
 *
 * The pool hands out one list at a time: a parse that starts while another is running (none does
 * today) gets fresh tokens instead, so no parse ever sees another's tokens change under it.
 */
import type { TokenType } from 'chevrotain';
import type { TokenKind } from '../lexer';
import { EndOfText, tokenTypeOf, type SplToken } from './tokens';

type MutableToken = { -readonly [key in keyof SplToken]: SplToken[key] };

function blankToken(): MutableToken {
  return {
    image: '',
    startOffset: 0,
    endOffset: 0,
    tokenType: EndOfText,
    tokenTypeIdx: 0,
    kind: 'other',
    end: 0,
    unclosed: false,
    index: 0,
  };
}

/** Fills the tokens of one parse; `finish` closes the list with the end-of-text token. */
export class TokenList {
  private count = 0;

  constructor(
    private readonly pooled: MutableToken[],
    private readonly list: SplToken[],
  ) {}

  get length(): number {
    return this.count;
  }

  add(kind: TokenKind, image: string, start: number, end: number, unclosed: boolean): void {
    this.fill(tokenTypeOf(kind), kind, image, start, end, unclosed);
  }

  finish(textLength: number): SplToken[] {
    this.fill(EndOfText, 'other', '', textLength, textLength, false);
    this.list.length = this.count;
    return this.list;
  }

  private fill(
    tokenType: TokenType,
    kind: TokenKind,
    image: string,
    start: number,
    end: number,
    unclosed: boolean,
  ): void {
    const index = this.count++;
    const token = (this.pooled[index] ??= blankToken());
    token.image = image;
    token.startOffset = start;
    token.endOffset = end - 1;
    token.tokenType = tokenType;
    token.tokenTypeIdx = tokenType.tokenTypeIdx as number;
    token.kind = kind;
    token.end = end;
    token.unclosed = unclosed;
    token.index = index;
    this.list[index] = token;
  }
}

const pooled: MutableToken[] = [];
const pooledList: SplToken[] = [];
let lent = false;

/** Runs `parse` with a token list to fill: the pooled one, or a fresh one if it is lent out. */
export function withTokenList<T>(parse: (tokens: TokenList) => T): T {
  if (lent) return parse(new TokenList([], []));
  lent = true;
  try {
    return parse(new TokenList(pooled, pooledList));
  } finally {
    lent = false;
  }
}
