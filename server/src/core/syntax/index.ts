/**
 * The SPL syntax core: `parseSpl` turns a search into a Pipeline plus diagnostics and comments,
 * never throwing. A hand-written single-pass lexer (lexer.ts) feeds the Chevrotain grammar in
 * grammar/ (see grammar/tokens.ts for why the two are split that way).
 */
export * from './ast';
export { outline } from './outline';
export { IncrementalParse } from './reparse';
export { searchTerms } from './searchTerms';
export { parseEvalExpression, parseSearchExpression, parseSpl, type ParseResult } from './grammar';
