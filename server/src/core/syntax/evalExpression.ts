/**
 * eval expressions (eval, where, fieldformat, `eval(...)` in aggregations). Precedence, loosest
 * first: XOR, OR, AND, NOT, comparison (also LIKE and IN), `+ - .`, `* / %`, unary sign.
 * spl-semantics.md "eval and where": NOT, then AND, then OR, then XOR. Keywords ignore case here
 * (`and` works like `AND`), unlike in the search command.
 */
import type { EvalBinaryOperator, EvalExpression } from './ast';
import type { TokenCursor } from './cursor';
import type { TokenKind } from './lexer';
import { readMacro, unquote } from './macroCall';

type Level = (cursor: TokenCursor) => EvalExpression | undefined;

/** Every level of nesting passes through NOT or a unary sign; both count against the limit. */
function guarded(level: Level): Level {
  return (cursor) => {
    const token = cursor.peek();
    if (!token || !cursor.enter(token)) return undefined;
    try {
      return level(cursor);
    } finally {
      cursor.leave();
    }
  };
}

const terminators: ReadonlySet<TokenKind> = new Set(['pipe', 'rbracket', 'rparen', 'comma']);

function atEvalKeyword(cursor: TokenCursor, keyword: string): boolean {
  const token = cursor.peek();
  return token?.kind === 'word' && token.image.toUpperCase() === keyword;
}

function binary(
  cursor: TokenCursor,
  operator: EvalBinaryOperator,
  left: EvalExpression,
  right: EvalExpression,
): EvalExpression {
  return {
    kind: 'binary',
    operator,
    left,
    right,
    range: cursor.range(left.range.start.offset, right.range.end.offset),
  };
}

/** `operand (KEYWORD operand)*`, left-associative, for the boolean keyword levels. */
function keywordLevel(keyword: 'XOR' | 'OR' | 'AND', operand: Level): Level {
  return (cursor) => {
    let left = operand(cursor);
    while (left && atEvalKeyword(cursor, keyword)) {
      const operatorToken = cursor.next();
      const right = operand(cursor);
      if (!right) return missingOperand(cursor, operatorToken.image, left);
      left = binary(cursor, keyword, left, right);
    }
    return left;
  };
}

function missingOperand(
  cursor: TokenCursor,
  operator: string,
  left: EvalExpression,
): EvalExpression {
  missingExpression(cursor, cursor.previousEnd(), operator);
  return left;
}

const parseNotUnguarded: Level = (cursor) => {
  if (!atEvalKeyword(cursor, 'NOT')) return parseComparison(cursor);
  const notToken = cursor.next();
  const operand = parseNot(cursor);
  if (!operand) {
    cursor.error(
      'spl.syntax.missing-operand',
      "expected an expression after 'NOT'",
      notToken.start,
      notToken.end,
    );
    return undefined;
  }
  return {
    kind: 'unary',
    operator: 'NOT',
    operand,
    range: cursor.range(notToken.start, operand.range.end.offset),
  };
};

const parseComparison: Level = (cursor) => {
  const left = parseAdditive(cursor);
  if (!left) return undefined;
  const token = cursor.peek();
  if (token?.kind === 'compare') {
    cursor.next();
    const right = parseAdditive(cursor);
    if (!right) return missingOperand(cursor, token.image, left);
    return binary(cursor, token.image as EvalBinaryOperator, left, right);
  }
  if (atEvalKeyword(cursor, 'LIKE')) {
    cursor.next();
    const pattern = parseAdditive(cursor);
    if (!pattern) return missingOperand(cursor, 'LIKE', left);
    return {
      kind: 'like',
      value: left,
      pattern,
      range: cursor.range(left.range.start.offset, pattern.range.end.offset),
    };
  }
  if (atEvalKeyword(cursor, 'IN') && cursor.atKind('lparen', 1)) {
    cursor.next();
    const open = cursor.next();
    const list = parseArguments(cursor, open.start);
    return {
      kind: 'evalIn',
      value: left,
      list,
      range: cursor.range(left.range.start.offset, cursor.previousEnd()),
    };
  }
  return left;
};

function arithmeticLevel(
  operators: Partial<Record<string, EvalBinaryOperator>>,
  operand: Level,
): Level {
  return (cursor) => {
    let left = operand(cursor);
    while (left) {
      const token = cursor.peek();
      const operator = token && operators[token.kind];
      if (!token || !operator) break;
      cursor.next();
      const right = operand(cursor);
      if (!right) return missingOperand(cursor, token.image, left);
      left = binary(cursor, operator, left, right);
    }
    return left;
  };
}

const parseUnaryUnguarded: Level = (cursor) => {
  const token = cursor.peek();
  if (token?.kind !== 'minus' && token?.kind !== 'plus') return parsePrimary(cursor);
  cursor.next();
  const operand = parseUnary(cursor);
  if (!operand) {
    cursor.error(
      'spl.syntax.missing-operand',
      `expected an expression after '${token.image}'`,
      token.start,
      token.end,
    );
    return undefined;
  }
  const operator = token.kind === 'minus' ? '-' : '+';
  return {
    kind: 'unary',
    operator,
    operand,
    range: cursor.range(token.start, operand.range.end.offset),
  };
};

const parseNot = guarded(parseNotUnguarded);
const parseUnary = guarded(parseUnaryUnguarded);
const parseMultiplicative = arithmeticLevel({ star: '*', slash: '/', percent: '%' }, parseUnary);
const parseAdditive = arithmeticLevel({ plus: '+', minus: '-', dot: '.' }, parseMultiplicative);
const parseAnd = keywordLevel('AND', parseNot);
const parseOr = keywordLevel('OR', parseAnd);

/** Reports "expected an expression" at `offset` unless something was already reported there. */
export function missingExpression(cursor: TokenCursor, offset: number, after?: string): void {
  const last = cursor.diagnostics[cursor.diagnostics.length - 1];
  if (last && last.range.end.offset >= offset) return;
  const token = cursor.peek();
  const found =
    token && !terminators.has(token.kind) ? ` but found '${token.image.slice(0, 40)}'` : '';
  const where = after === undefined ? '' : ` after '${after}'`;
  cursor.error(
    'spl.syntax.missing-operand',
    `expected an expression${where}${found}`,
    offset,
    offset,
  );
}

/** One eval expression starting at the cursor; undefined (with a diagnostic) when none starts there. */
export const parseEvalExpr: Level = keywordLevel('XOR', parseOr);

/** Comma-separated expressions after an opening parenthesis, through the closing one. */
function parseArguments(cursor: TokenCursor, openOffset: number): EvalExpression[] {
  const args: EvalExpression[] = [];
  if (cursor.atKind('rparen')) {
    cursor.next();
    return args;
  }
  while (true) {
    const reported = cursor.diagnostics.length;
    const arg = parseEvalExpr(cursor);
    if (arg) args.push(arg);
    else if (cursor.diagnostics.length === reported) {
      const at = cursor.previousEnd();
      cursor.error('spl.syntax.missing-operand', 'expected an argument', at, at);
    }
    if (cursor.atKind('comma')) {
      cursor.next();
      continue;
    }
    if (cursor.atKind('rparen')) {
      cursor.next();
      return args;
    }
    if (!arg) return args;
    const found = cursor.peek();
    if (found && !cursor.atStageEnd()) {
      cursor.error(
        'spl.syntax.unexpected-token',
        `expected ',' or ')' but found '${found.image}'`,
        found.start,
        found.end,
      );
    } else {
      cursor.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: this '(' is never closed",
        openOffset,
        openOffset + 1,
      );
    }
    return args;
  }
}

/** `'field name'`: single quotes name a field in eval (spl-semantics.md "Lexical"). */
function parseQuotedField(cursor: TokenCursor): EvalExpression {
  const open = cursor.next();
  const close = cursor.text.indexOf("'", open.end);
  if (close < 0) {
    cursor.error(
      'spl.syntax.unclosed-quote',
      "unclosed quote starting here: end the field name with another '",
      open.start,
      open.end,
    );
    while (cursor.peek()) cursor.next();
    return {
      kind: 'fieldRef',
      name: cursor.text.slice(open.end),
      quoted: true,
      range: cursor.range(open.start, cursor.text.length),
    };
  }
  while ((cursor.peek()?.start ?? Infinity) <= close) cursor.next();
  return {
    kind: 'fieldRef',
    name: cursor.text.slice(open.end, close),
    quoted: true,
    range: cursor.range(open.start, close + 1),
  };
}

function parsePrimary(cursor: TokenCursor): EvalExpression | undefined {
  const token = cursor.peek();
  // At a terminator nothing starts here; the caller says what it expected.
  if (!token || terminators.has(token.kind)) return undefined;
  const range = cursor.range(token.start, token.end);
  switch (token.kind) {
    case 'number':
      cursor.next();
      return { kind: 'number', value: Number(token.image), raw: token.image, range };
    case 'string':
      cursor.next();
      return { kind: 'string', value: unquote(token.image), range };
    case 'macro': {
      cursor.next();
      return readMacro(cursor, token);
    }
    case 'lparen': {
      cursor.next();
      const inner = parseEvalExpr(cursor);
      if (!inner) missingExpression(cursor, token.end, '(');
      if (cursor.atKind('rparen')) cursor.next();
      else if (inner)
        cursor.error(
          'spl.syntax.unbalanced-paren',
          "unbalanced parenthesis: this '(' is never closed",
          token.start,
          token.end,
        );
      return inner;
    }
    case 'word': {
      cursor.next();
      if (cursor.atKind('lparen')) {
        const open = cursor.next();
        const args = parseArguments(cursor, open.start);
        return {
          kind: 'call',
          name: token.image.toLowerCase(),
          nameRange: range,
          args,
          range: cursor.range(token.start, cursor.previousEnd()),
        };
      }
      return { kind: 'fieldRef', name: token.image, quoted: false, range };
    }
    case 'other':
      if (token.image === "'") return parseQuotedField(cursor);
  }
  cursor.error(
    'spl.syntax.unexpected-token',
    `expected an expression but found '${token.image.slice(0, 40)}'`,
    token.start,
    token.end,
  );
  return undefined;
}
