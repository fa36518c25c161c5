/**
 * The search command's expressions (search, tstats/inputlookup where). spl-semantics.md "The
 * search command": parentheses, then NOT, then OR, then AND (OR binds tighter than AND); AND is
 * implied between terms; `AND OR NOT` are operators only in upper case.
 */
import type { SearchExpression } from './ast';
import type { TokenCursor } from './cursor';
import { readMacro } from './macroCall';
import { parseSubsearch } from './pipeline';
import { parseChunk, parseComparison, quotedValue } from './searchTerms';

export interface SearchStops {
  /** tstats' where clause ends at its `by`. */
  readonly atBy?: boolean;
}

/** The single word a chunk is made of, if it is exactly one word token. */
function soleWord(cursor: TokenCursor, chunkEnd: number): string | undefined {
  const token = cursor.peek();
  return chunkEnd === cursor.pos + 1 && token?.kind === 'word' ? token.image : undefined;
}

function atOperator(cursor: TokenCursor, operator: 'AND' | 'OR' | 'NOT'): boolean {
  // The cheap test first: most terms are not operators, and chunkEnd walks the whole term.
  return cursor.peek()?.image === operator && soleWord(cursor, cursor.chunkEnd(false)) === operator;
}

function atEnd(cursor: TokenCursor, depth: number, stops: SearchStops): boolean {
  if (cursor.atStageEnd()) return true;
  if (depth > 0 && cursor.atKind('rparen')) return true;
  return stops.atBy === true && cursor.atKeyword('by');
}

function combine(
  cursor: TokenCursor,
  kind: 'and' | 'or',
  operands: SearchExpression[],
): SearchExpression | undefined {
  const first = operands[0];
  const last = operands[operands.length - 1];
  if (!first || !last || operands.length === 1) return first;
  return {
    kind,
    operands,
    range: cursor.range(first.range.start.offset, last.range.end.offset),
  } as SearchExpression;
}
/** A whole search expression up to the end of the stage (or `)`, or tstats' `by`). */
export function parseSearchExpr(
  cursor: TokenCursor,
  stops: SearchStops = {},
  depth = 0,
): SearchExpression | undefined {
  const operands: SearchExpression[] = [];
  while (!atEnd(cursor, depth, stops)) {
    if (atOperator(cursor, 'AND')) {
      const and = cursor.next();
      if (operands.length === 0 || atEnd(cursor, depth, stops)) {
        cursor.error(
          'spl.syntax.missing-operand',
          "'AND' needs a search term on both sides",
          and.start,
          and.end,
        );
      }
      continue;
    }
    const before = cursor.pos;
    const operand = parseOr(cursor, stops, depth);
    if (operand) operands.push(operand);
    if (cursor.pos === before) cursor.skipRestOfStage('in the search');
  }
  return combine(cursor, 'and', operands);
}

function parseOr(
  cursor: TokenCursor,
  stops: SearchStops,
  depth: number,
): SearchExpression | undefined {
  const first = parseNot(cursor, stops, depth);
  if (!first) return undefined;
  const operands = [first];
  while (atOperator(cursor, 'OR')) {
    const or = cursor.next();
    const next = atEnd(cursor, depth, stops) ? undefined : parseNot(cursor, stops, depth);
    if (!next) {
      cursor.error(
        'spl.syntax.missing-operand',
        "expected a search term after 'OR'",
        or.start,
        or.end,
      );
      break;
    }
    operands.push(next);
  }
  return combine(cursor, 'or', operands);
}

function parseNot(
  cursor: TokenCursor,
  stops: SearchStops,
  depth: number,
): SearchExpression | undefined {
  // Every level of nesting passes through here, so this is where the nesting limit applies.
  const token = cursor.peek();
  if (!token || !cursor.enter(token)) return undefined;
  try {
    return parseNotUnguarded(cursor, stops, depth);
  } finally {
    cursor.leave();
  }
}

function parseNotUnguarded(
  cursor: TokenCursor,
  stops: SearchStops,
  depth: number,
): SearchExpression | undefined {
  if (!atOperator(cursor, 'NOT')) return parsePrimary(cursor, stops, depth);
  const not = cursor.next();
  const operand = atEnd(cursor, depth, stops) ? undefined : parseNot(cursor, stops, depth);
  if (!operand) {
    cursor.error(
      'spl.syntax.missing-operand',
      "expected a search term after 'NOT'",
      not.start,
      not.end,
    );
    return undefined;
  }
  return { kind: 'not', operand, range: cursor.range(not.start, operand.range.end.offset) };
}

function parsePrimary(
  cursor: TokenCursor,
  stops: SearchStops,
  depth: number,
): SearchExpression | undefined {
  const token = cursor.peek();
  if (!token) return undefined;
  switch (token.kind) {
    case 'lparen': {
      cursor.next();
      const inner = parseSearchExpr(cursor, stops, depth + 1);
      if (cursor.atKind('rparen')) cursor.next();
      else
        cursor.error(
          'spl.syntax.unbalanced-paren',
          "unbalanced parenthesis: this '(' is never closed",
          token.start,
          token.end,
        );
      if (!inner)
        cursor.error(
          'spl.syntax.empty-group',
          'empty parentheses: put a search term inside or remove them',
          token.start,
          cursor.previousEnd(),
        );
      return inner;
    }
    case 'rparen':
      cursor.next();
      cursor.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: no '(' before this ')'",
        token.start,
        token.end,
      );
      return undefined;
    case 'lbracket':
      return parseSubsearch(cursor);
    case 'macro': {
      cursor.next();
      return readMacro(cursor, token);
    }
    case 'string': {
      cursor.next();
      const operator = cursor.peek();
      if (operator?.kind === 'compare' && !token.unclosed) {
        // `"user.name"="x"`: a quoted field name (spaces and dots allowed inside the quotes).
        return parseComparison(
          cursor,
          token.start,
          token.end,
          operator,
          undefined,
          quotedValue(cursor, token).value,
        );
      }
      return {
        kind: 'term',
        value: quotedValue(cursor, token),
        range: cursor.range(token.start, token.end),
      };
    }
  }
  return parseChunk(cursor);
}
