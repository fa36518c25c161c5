/**
 * The one grammar for every command without a dedicated one (and for unknown commands, so the
 * rest of the stage still yields options, subsearches and macros).
 */
import type { GenericArgument, GenericCommand } from '../ast';
import type { TokenCursor } from '../cursor';
import { parseEvalExpr } from '../evalExpression';
import type { Token } from '../lexer';
import { readMacro } from '../macroCall';
import { parseSubsearch } from '../pipeline';
import { parseLiteral, parseOption, skipBalanced, stageRange, type StageStart } from './args';

const keywords = new Set(['by', 'as', 'over', 'output', 'outputnew']);

/**
 * `( ... )` not attached to a word: an eval expression when it reads as one (`head (x>1)`),
 * else kept as a literal, because some commands put other syntax in parentheses.
 */
function parseParenthesised(cursor: TokenCursor): GenericArgument {
  const open = cursor.peek() as Token;
  const start = cursor.pos;
  const reported = cursor.diagnostics.length;
  cursor.next();
  const expression = parseEvalExpr(cursor);
  if (expression && cursor.atKind('rparen')) {
    cursor.next();
    return {
      kind: 'evalArgument',
      expression,
      range: cursor.range(open.start, cursor.previousEnd()),
    };
  }
  cursor.pos = start;
  cursor.diagnostics.length = reported;
  const end = skipBalanced(cursor);
  const raw = cursor.text.slice(open.start, end);
  return { kind: 'literal', value: raw, quoted: false, raw, range: cursor.range(open.start, end) };
}

function parseCall(cursor: TokenCursor): GenericArgument {
  const name = cursor.next();
  const open = cursor.next();
  const entered = cursor.enter(open);
  const args = parseGenericArguments(cursor, true);
  if (entered) cursor.leave();
  if (cursor.atKind('rparen')) cursor.next();
  else
    cursor.error(
      'spl.syntax.unbalanced-paren',
      "unbalanced parenthesis: this '(' is never closed",
      open.start,
      open.end,
    );
  return {
    kind: 'call',
    name: name.image.toLowerCase(),
    args,
    range: cursor.range(name.start, cursor.previousEnd()),
  };
}

function parseGenericArgument(cursor: TokenCursor): GenericArgument | undefined {
  const token = cursor.peek() as Token;
  switch (token.kind) {
    case 'macro': {
      cursor.next();
      return readMacro(cursor, token);
    }
    case 'lbracket':
      return parseSubsearch(cursor);
    case 'lparen':
      return parseParenthesised(cursor);
    case 'word':
      if (cursor.atOption()) return parseOption(cursor);
      if (cursor.atKind('lparen', 1) && cursor.gluedToPrevious(cursor.pos + 1))
        return parseCall(cursor);
      if (keywords.has(token.image.toLowerCase())) {
        cursor.next();
        return {
          kind: 'keyword',
          keyword: token.image.toLowerCase(),
          range: cursor.range(token.start, token.end),
        };
      }
  }
  return parseLiteral(cursor);
}

/** Arguments until the stage ends (or, inside a call, until its `)`). */
function parseGenericArguments(cursor: TokenCursor, inCall: boolean): GenericArgument[] {
  const args: GenericArgument[] = [];
  while (!cursor.atStageEnd() && !(inCall && cursor.atKind('rparen'))) {
    const token = cursor.peek() as Token;
    if (token.kind === 'comma') {
      cursor.next();
      continue;
    }
    const before = cursor.pos;
    const arg = parseGenericArgument(cursor);
    if (arg) args.push(arg);
    if (cursor.pos === before) {
      cursor.next();
      cursor.error(
        'spl.syntax.unexpected-token',
        `unexpected '${token.image}'`,
        token.start,
        token.end,
      );
    }
  }
  return args;
}

export function parseGenericCommand(
  cursor: TokenCursor,
  stage: StageStart,
  known: boolean,
): GenericCommand {
  const args = parseGenericArguments(cursor, false);
  const options = args.filter((arg) => arg.kind === 'option');
  return {
    kind: 'command',
    name: stage.name,
    nameRange: stage.nameRange,
    options,
    generic: true,
    known,
    args,
    range: stageRange(cursor, stage),
  };
}
