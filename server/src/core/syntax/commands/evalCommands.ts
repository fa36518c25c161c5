/** Commands built on eval expressions: eval, fieldformat, where, head, tail. */
import type {
  CommandOption,
  EvalAssignment,
  EvalCommand,
  EvalExpression,
  FieldName,
  HeadTailCommand,
  WhereCommand,
} from '../ast';
import type { TokenCursor } from '../cursor';
import { missingExpression, parseEvalExpr } from '../evalExpression';
import type { Token } from '../lexer';
import { unquote } from '../macroCall';
import { parseCount, parseOption, stageRange, type StageStart } from './args';

/** The field an assignment sets: `x`, `"my field"`, `'my field'`, `x{}`; consumed. */
function parseAssignedField(cursor: TokenCursor): FieldName | undefined {
  const token = cursor.peek();
  if (!token || cursor.atStageEnd()) return undefined;
  if (token.kind === 'string') {
    cursor.next();
    return {
      kind: 'field',
      name: unquote(token.image),
      quoted: true,
      range: cursor.range(token.start, token.end),
    };
  }
  if (token.kind === 'other' && token.image === "'") {
    const close = cursor.text.indexOf("'", token.end);
    if (close < 0) return undefined;
    while ((cursor.peek()?.start ?? Infinity) <= close) cursor.next();
    return {
      kind: 'field',
      name: cursor.text.slice(token.end, close),
      quoted: true,
      range: cursor.range(token.start, close + 1),
    };
  }
  const end = cursor.chunkEnd(true);
  let last = cursor.pos;
  while (last < end && (cursor.tokens[last] as Token).kind !== 'compare') last++;
  if (last === cursor.pos) return undefined;
  const lastToken = cursor.tokens[last - 1] as Token;
  cursor.pos = last;
  const name = cursor.text.slice(token.start, lastToken.end);
  return { kind: 'field', name, quoted: false, range: cursor.range(token.start, lastToken.end) };
}

function parseAssignment(cursor: TokenCursor): EvalAssignment | undefined {
  const start = cursor.peek() as Token;
  const field = parseAssignedField(cursor);
  if (!field) {
    cursor.error(
      'spl.syntax.missing-field',
      `expected a field name to assign, found '${start.image.slice(0, 40)}'`,
      start.start,
      start.end,
    );
    return undefined;
  }
  const equals = cursor.peek();
  if (equals?.kind !== 'compare' || equals.image !== '=') {
    const at = cursor.previousEnd();
    cursor.error(
      'spl.syntax.missing-value',
      `expected '=' and an expression after '${field.name}'`,
      field.range.start.offset,
      at,
    );
    return undefined;
  }
  cursor.next();
  const value = parseEvalExpr(cursor);
  if (!value) {
    missingExpression(cursor, equals.end, `${field.name}=`);
    return undefined;
  }
  return { field, value, range: cursor.range(field.range.start.offset, value.range.end.offset) };
}

export function parseEval(cursor: TokenCursor, stage: StageStart): EvalCommand {
  const assignments: EvalAssignment[] = [];
  const reported = cursor.diagnostics.length;
  while (!cursor.atStageEnd()) {
    const assignment = parseAssignment(cursor);
    if (!assignment) break;
    assignments.push(assignment);
    if (!cursor.atKind('comma')) break;
    cursor.next();
  }
  if (assignments.length === 0 && cursor.diagnostics.length === reported) {
    cursor.error(
      'spl.syntax.missing-operand',
      `expected an assignment after '${stage.name}', e.g. x=1`,
      stage.start,
      stage.nameRange.end.offset,
    );
  }
  return {
    kind: 'command',
    name: stage.name as EvalCommand['name'],
    nameRange: stage.nameRange,
    options: [],
    assignments,
    range: stageRange(cursor, stage),
  };
}

export function parseWhere(cursor: TokenCursor, stage: StageStart): WhereCommand {
  const expression = parseEvalExpr(cursor);
  if (!expression) missingExpression(cursor, stage.nameRange.end.offset, 'where');
  return {
    kind: 'command',
    name: 'where',
    nameRange: stage.nameRange,
    options: [],
    ...(expression && { expression }),
    range: stageRange(cursor, stage),
  };
}

/** `head 20`, `head limit=5`, `head (x>3)`, `head x>3 keeplast=t`. */
export function parseHeadTail(cursor: TokenCursor, stage: StageStart): HeadTailCommand {
  const options: CommandOption[] = [];
  let count: number | undefined;
  let condition: EvalExpression | undefined;
  while (!cursor.atStageEnd()) {
    const countHere =
      count === undefined && condition === undefined ? parseCount(cursor) : undefined;
    if (countHere !== undefined) count = countHere;
    else if (cursor.atOption()) options.push(parseOption(cursor));
    else if (condition === undefined && count === undefined) {
      condition = parseEvalExpr(cursor);
      if (!condition) break;
    } else break;
  }
  return {
    kind: 'command',
    name: stage.name as HeadTailCommand['name'],
    nameRange: stage.nameRange,
    options,
    ...(count !== undefined && { count }),
    ...(condition && { condition }),
    range: stageRange(cursor, stage),
  };
}
