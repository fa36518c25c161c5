import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseSpl, type Pipeline } from '../core/syntax';
import { tokenize, type TokenKind } from '../core/syntax/lexer';
import type { SourceRange } from '../core/text/range';
import { documentSpanOf, type DocumentSpl } from './documents';
import type { ServerContext } from './serverContext';

/** The token types, in legend order; a token's type is its index here. */
export const semanticTokenTypes = [
  'keyword',
  'function',
  'macro',
  'property',
  'operator',
  'string',
  'number',
  'comment',
  'parameter',
] as const;

export type SemanticTokenType = (typeof semanticTokenTypes)[number];

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...semanticTokenTypes],
  tokenModifiers: [],
};

/** A classified span of the search, in SPL offsets. */
export interface SplToken {
  readonly start: number;
  readonly end: number;
  readonly type: SemanticTokenType;
}

const lexicalTypes: Partial<Record<TokenKind, SemanticTokenType>> = {
  comment: 'comment',
  macro: 'macro',
  string: 'string',
  number: 'number',
  pipe: 'operator',
  compare: 'operator',
  plus: 'operator',
  minus: 'operator',
  star: 'operator',
  slash: 'operator',
  percent: 'operator',
};

/** Words that are operators in search and eval (upper case only in search, as SPL reads them). */
const operatorWords = new Set(['AND', 'OR', 'NOT', 'XOR', 'LIKE', 'IN']);
const clauseWords = new Set(['by', 'as', 'over', 'where', 'from', 'output', 'outputnew']);

/**
 * Every classified span of a search. The syntax tree names commands, functions, fields and
 * option names; the lexer gives comments, macro calls, strings, numbers and operators, and
 * covers what a broken search leaves out of the tree.
 */
export function classifySpl(spl: string, pipeline: Pipeline = parseSpl(spl).pipeline): SplToken[] {
  const fromTree = treeTokens(pipeline);
  const lexical: SplToken[] = [];
  let next = 0;
  for (const token of tokenize(spl)) {
    let type = lexicalTypes[token.kind];
    if (token.kind === 'word') {
      if (operatorWords.has(token.image)) type = 'operator';
      else if (clauseWords.has(token.image.toLowerCase())) type = 'keyword';
    }
    if (type === undefined) continue;
    while (next < fromTree.length && (fromTree[next] as SplToken).end <= token.start) next += 1;
    const overlapping = fromTree[next];
    if (overlapping && overlapping.start < token.end) continue;
    lexical.push({ start: token.start, end: token.end, type });
  }
  return [...fromTree, ...lexical].sort((a, b) => a.start - b.start);
}

function treeTokens(pipeline: Pipeline): SplToken[] {
  const found: SplToken[] = [];
  const add = (range: SourceRange | undefined, type: SemanticTokenType) => {
    if (range && range.end.offset > range.start.offset) {
      found.push({ start: range.start.offset, end: range.end.offset, type });
    }
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown> & { range?: SourceRange };
    const kind = node.kind;
    if (kind === 'field' || kind === 'fieldRef') {
      add(node.range, 'property');
      return;
    }
    if (kind === 'macro') return;
    if (kind === 'command') add(node.nameRange as SourceRange | undefined, 'keyword');
    else if (kind === 'option') add(node.nameRange as SourceRange | undefined, 'parameter');
    else if (kind === 'call') add(node.nameRange as SourceRange | undefined, 'function');
    if (node.functionRange) add(node.functionRange as SourceRange, 'function');
    for (const key in node) {
      if (key !== 'range' && key !== 'nameRange' && key !== 'functionRange') visit(node[key]);
    }
  };
  visit(pipeline);
  found.sort((a, b) => a.start - b.start);
  // A node's parts never overlap one another; a later one at the same place repeats the first.
  return found.filter((token, i) => i === 0 || token.start >= (found[i - 1] as SplToken).end);
}

/**
 * The LSP encoding: five integers per token (line delta, start delta, length, type, modifiers),
 * one token per line, since editors do not take tokens that span lines.
 */
export function encodeSemanticTokens(
  document: TextDocument,
  tokens: readonly { token: SplToken; source: DocumentSpl }[],
  lines?: { start: number; end: number },
): SemanticTokens {
  const data: number[] = [];
  let lastLine = 0;
  let lastCharacter = 0;
  const emit = (line: number, character: number, length: number, type: number) => {
    if (length <= 0 || (lines && (line < lines.start || line > lines.end))) return;
    data.push(
      line - lastLine,
      line === lastLine ? character - lastCharacter : character,
      length,
      type,
      0,
    );
    lastLine = line;
    lastCharacter = character;
  };
  for (const { token, source } of tokens) {
    const span = documentSpanOf(source, token.start, token.end);
    const start = document.positionAt(span.start);
    const end = document.positionAt(span.end);
    const type = semanticTokenTypes.indexOf(token.type);
    if (start.line === end.line) {
      emit(start.line, start.character, end.character - start.character, type);
      continue;
    }
    for (let line = start.line; line <= end.line; line += 1) {
      const lineStart = document.offsetAt({ line, character: 0 });
      const lineEnd = document.offsetAt({ line: line + 1, character: 0 });
      const text = document
        .getText()
        .slice(lineStart, lineEnd)
        .replace(/\r?\n$/, '');
      const from = line === start.line ? start.character : text.length - text.trimStart().length;
      const to = line === end.line ? end.character : text.length;
      emit(line, from, to - from, type);
    }
  }
  return { data };
}

/** Every SPL piece of a document (a search, or each macro definition), classified and encoded. */
function documentTokens(
  context: ServerContext,
  uri: string,
  lines?: { start: number; end: number },
): SemanticTokens {
  const document = context.documents.get(uri);
  if (!document) return { data: [] };
  const sources = context.splsOf(document);
  const tokens = sources.flatMap((source) => {
    const pipeline =
      sources.length === 1
        ? context.parse(uri, source.spl).pipeline
        : parseSpl(source.spl).pipeline;
    return classifySpl(source.spl, pipeline).map((token) => ({ token, source }));
  });
  return encodeSemanticTokens(document, tokens, lines);
}

export function registerSemanticTokens(context: ServerContext): void {
  const { connection } = context;
  const tokensOf = (uri: string, lines?: { start: number; end: number }) =>
    documentTokens(context, uri, lines);
  connection.languages.semanticTokens.on(({ textDocument }) => tokensOf(textDocument.uri));
  connection.languages.semanticTokens.onRange(({ textDocument, range }) =>
    tokensOf(textDocument.uri, { start: range.start.line, end: range.end.line }),
  );
}
