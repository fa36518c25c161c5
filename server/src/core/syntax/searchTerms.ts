/**
 * The terms of the search command: bare terms, `field<op>value` comparisons (glued or spaced),
 * `field IN (...)`, `CASE()`/`TERM()`, and the unescaping of their values.
 */
import type { FieldName, SearchComparisonOperator, SearchExpression, SearchValue } from './ast';
import type { TokenCursor } from './cursor';
import type { Token } from './lexer';

/** Inside quotes `\\` is a backslash and `\"` a quote; `\*` stays as written (it cannot escape `*`). */
function unescapeSearchString(body: string): string {
  return body.includes('\\') ? body.replace(/\\(["\\])/g, '$1') : body;
}

export function quotedValue(cursor: TokenCursor, token: Token): SearchValue {
  if (token.unclosed) {
    cursor.error(
      'spl.syntax.unclosed-quote',
      'unclosed quote starting here: end the value with another "',
      token.start,
      token.start + 1,
    );
  }
  const body = token.unclosed ? token.image.slice(1) : token.image.slice(1, -1);
  return {
    value: unescapeSearchString(body),
    quoted: true,
    raw: token.image,
    range: cursor.range(token.start, token.end),
  };
}

function chunkValue(cursor: TokenCursor, start: number, end: number): SearchValue {
  const raw = cursor.text.slice(start, end);
  return { value: raw, quoted: false, raw, range: cursor.range(start, end) };
}

export function isOperatorWord(token: Token | undefined): boolean {
  return (
    token?.kind === 'word' &&
    (token.image === 'AND' || token.image === 'OR' || token.image === 'NOT')
  );
}

/** `CASE(x)` / `TERM(x)` at the cursor, with the word glued to its parenthesis. */
function atSearchFunction(cursor: TokenCursor): 'CASE' | 'TERM' | undefined {
  const word = cursor.peek();
  if (
    word?.kind !== 'word' ||
    !cursor.atKind('lparen', 1) ||
    !cursor.gluedToPrevious(cursor.pos + 1)
  )
    return undefined;
  const upper = word.image.toUpperCase();
  return upper === 'CASE' || upper === 'TERM' ? upper : undefined;
}

function parseSearchFunction(
  cursor: TokenCursor,
  name: 'CASE' | 'TERM',
  field?: FieldName,
): SearchExpression {
  const start = field ? field.range.start.offset : (cursor.peek() as Token).start;
  cursor.next();
  const open = cursor.next();
  const inner = cursor.peek();
  let value: SearchValue;
  if (inner?.kind === 'string') value = quotedValue(cursor, cursor.next());
  else {
    const end = cursor.chunkEnd(false);
    const startOffset = inner && end > cursor.pos ? inner.start : open.end;
    const endOffset = end > cursor.pos ? (cursor.tokens[end - 1] as Token).end : open.end;
    cursor.pos = end;
    value = chunkValue(cursor, startOffset, endOffset);
  }
  if (cursor.atKind('rparen')) cursor.next();
  else
    cursor.error(
      'spl.syntax.unbalanced-paren',
      `unbalanced parenthesis: close ${name}( with ')'`,
      open.start,
      open.end,
    );
  const range = cursor.range(start, cursor.previousEnd());
  return field
    ? { kind: 'searchFunction', function: name, field, value, range }
    : { kind: 'searchFunction', function: name, value, range };
}

/** A glued run: a bare term, `field<op>value`, `field IN (...)`, or `field <op> value` spaced out. */
export function parseChunk(cursor: TokenCursor): SearchExpression | undefined {
  const fn = atSearchFunction(cursor);
  if (fn) return parseSearchFunction(cursor, fn);
  const start = cursor.pos;
  const end = cursor.chunkEnd(false, !isOperatorWord(cursor.peek()));
  let operatorIndex = -1;
  for (let i = start, depth = 0; i < end && operatorIndex < 0; i++) {
    const kind = (cursor.tokens[i] as Token).kind;
    if (kind === 'lparen') depth++;
    else if (kind === 'rparen') depth--;
    else if (kind === 'compare' && depth === 0) operatorIndex = i;
  }
  const first = cursor.tokens[start] as Token;
  const last = cursor.tokens[end - 1] as Token;
  if (operatorIndex < 0) {
    cursor.pos = end;
    const spacedOperator = cursor.peek();
    if (spacedOperator?.kind === 'compare')
      return parseComparison(cursor, first.start, last.end, spacedOperator);
    if (cursor.atKeyword('in') && cursor.atKind('lparen', 1))
      return parseIn(cursor, first.start, last.end);
    return {
      kind: 'term',
      value: chunkValue(cursor, first.start, last.end),
      range: cursor.range(first.start, last.end),
    };
  }
  const operator = cursor.tokens[operatorIndex] as Token;
  if (operatorIndex === start) {
    cursor.pos = end;
    cursor.error(
      'spl.syntax.missing-field',
      `expected a field name before '${operator.image}'`,
      operator.start,
      operator.end,
    );
    return undefined;
  }
  cursor.pos = operatorIndex;
  return parseComparison(
    cursor,
    first.start,
    (cursor.tokens[operatorIndex - 1] as Token).end,
    operator,
    end,
  );
}

function field(cursor: TokenCursor, start: number, end: number, quotedName?: string): FieldName {
  const quoted = quotedName !== undefined;
  return {
    kind: 'field',
    name: quoted ? quotedName : cursor.text.slice(start, end),
    quoted,
    range: cursor.range(start, end),
  };
}

export function parseComparison(
  cursor: TokenCursor,
  fieldStart: number,
  fieldEnd: number,
  operator: Token,
  chunkEnd?: number,
  quotedName?: string,
): SearchExpression | undefined {
  const name = field(cursor, fieldStart, fieldEnd, quotedName);
  cursor.next();
  const glued = chunkEnd !== undefined && cursor.pos < chunkEnd;
  let value: SearchValue | undefined;
  if (glued) {
    value = chunkValue(
      cursor,
      (cursor.peek() as Token).start,
      (cursor.tokens[chunkEnd - 1] as Token).end,
    );
    cursor.pos = chunkEnd;
  } else {
    const token = cursor.peek();
    const fn = atSearchFunction(cursor);
    if (fn) return parseSearchFunction(cursor, fn, name);
    if (token?.kind === 'string') value = quotedValue(cursor, cursor.next());
    else if (
      token &&
      token.kind !== 'lparen' &&
      token.kind !== 'rparen' &&
      token.kind !== 'lbracket' &&
      !cursor.atStageEnd()
    ) {
      const end = cursor.chunkEnd(false, true);
      if (end > cursor.pos) {
        value = chunkValue(cursor, token.start, (cursor.tokens[end - 1] as Token).end);
        cursor.pos = end;
      } else if (token.kind === 'macro') {
        cursor.next();
        value = chunkValue(cursor, token.start, token.end);
      }
    }
  }
  if (!value) {
    cursor.error(
      'spl.syntax.missing-value',
      `expected a value after '${name.name}${operator.image}'`,
      operator.start,
      operator.end,
    );
    return undefined;
  }
  return {
    kind: 'compare',
    field: name,
    operator: operator.image as SearchComparisonOperator,
    value,
    range: cursor.range(fieldStart, value.range.end.offset),
  };
}

function parseIn(cursor: TokenCursor, fieldStart: number, fieldEnd: number): SearchExpression {
  cursor.next();
  const open = cursor.next();
  const values: SearchValue[] = [];
  while (!cursor.atKind('rparen') && !cursor.atStageEnd()) {
    const token = cursor.peek() as Token;
    if (token.kind === 'comma') cursor.next();
    else if (token.kind === 'string') values.push(quotedValue(cursor, cursor.next()));
    else {
      const end = Math.max(cursor.chunkEnd(true), cursor.pos + 1);
      values.push(chunkValue(cursor, token.start, (cursor.tokens[end - 1] as Token).end));
      cursor.pos = end;
    }
  }
  if (cursor.atKind('rparen')) cursor.next();
  else
    cursor.error(
      'spl.syntax.unbalanced-paren',
      "unbalanced parenthesis: close the IN list with ')'",
      open.start,
      open.end,
    );
  return {
    kind: 'in',
    field: field(cursor, fieldStart, fieldEnd),
    values,
    range: cursor.range(fieldStart, cursor.previousEnd()),
  };
}
