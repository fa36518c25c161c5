/**
 * Chevrotain token types over the syntax core's own lexer. The parser is fed by `tokenize`
 * (lexer.ts) rather than a Chevrotain Lexer: one pass over character codes is faster than a
 * regex per token, and SPL's context-dependent words (`C:\Windows\*`, `-24h@h`) cannot be lexed
 * once for all commands anyway: the grammar glues adjacent fine-grained tokens where it wants them.
 */
import { createToken, type IToken, type TokenType } from 'chevrotain';
import type { TokenKind } from '../lexer';

/** Any token at all: repetitions whose exits are decided by GATEs consume through it. */
export const AnyToken = createToken({ name: 'AnyToken' });

function kindToken(name: string): TokenType {
  return createToken({ name, categories: [AnyToken] });
}

export const Pipe = kindToken('Pipe');
export const LBracket = kindToken('LBracket');
export const RBracket = kindToken('RBracket');
export const LParen = kindToken('LParen');
export const RParen = kindToken('RParen');
export const Comma = kindToken('Comma');
export const Compare = kindToken('Compare');
export const Word = kindToken('Word');
export const StringLiteral = kindToken('StringLiteral');
export const Macro = kindToken('Macro');
/**
 * Appended after the last token. It belongs to AnyToken, so a decision whose default alternative
 * reads "any token" (its exit left to GATEs) also holds at the end of the text, where Chevrotain's
 * own EOF would match no alternative; the grammar's `peek` reports it as the end.
 */
export const EndOfText = kindToken('EndOfText');

const otherKinds = ['plus', 'minus', 'star', 'slash', 'percent', 'dot', 'number', 'other'];

const tokenTypeByKind: Partial<Record<TokenKind, TokenType>> = {
  pipe: Pipe,
  lbracket: LBracket,
  rbracket: RBracket,
  lparen: LParen,
  rparen: RParen,
  comma: Comma,
  compare: Compare,
  word: Word,
  string: StringLiteral,
  macro: Macro,
};
for (const kind of otherKinds) {
  tokenTypeByKind[kind as TokenKind] = kindToken(kind[0]?.toUpperCase() + kind.slice(1));
}

export const allTokenTypes: TokenType[] = [
  AnyToken,
  EndOfText,
  ...new Set(Object.values(tokenTypeByKind).filter((type) => type !== undefined)),
];

/** A lexer token as Chevrotain sees it, keeping the lexer's kind, exclusive end and flags. */
export interface SplToken extends IToken {
  readonly kind: TokenKind;
  /** Offset just past the last character (Chevrotain's `endOffset` is inclusive). */
  readonly end: number;
  readonly unclosed: boolean;
  /** Position in the parsed token list (comments taken out). */
  readonly index: number;
}

/** The same, as a Map: a keyed lookup per token stays fast where a record built by a loop may not. */
const tokenTypes = new Map(Object.entries(tokenTypeByKind) as [TokenKind, TokenType][]);

/** The Chevrotain token type of a lexer kind. */
export function tokenTypeOf(kind: TokenKind): TokenType {
  return tokenTypes.get(kind) as TokenType;
}
