/** Aggregating commands: stats, eventstats, streamstats, chart, timechart, tstats. */
import type {
  Aggregation,
  CommandOption,
  FieldName,
  Literal,
  MacroCall,
  SearchExpression,
  StatsCommand,
  TstatsCommand,
} from '../ast';
import type { TokenCursor } from '../cursor';
import { missingExpression, parseEvalExpr } from '../evalExpression';
import type { Token } from '../lexer';
import { readMacro } from '../macroCall';
import { parseSearchExpr } from '../searchExpression';
import {
  expectFieldName,
  parseAlias,
  parseFieldList,
  parseLiteral,
  parseOption,
  stageRange,
  type StageStart,
} from './args';

/** The argument inside `fn( ... )`: `eval(...)`, or the text up to the matching `)` as a field. */
function parseAggregationArgument(cursor: TokenCursor): Aggregation['argument'] {
  if (cursor.atKeyword('eval') && cursor.atKind('lparen', 1)) {
    cursor.next();
    const evalOpen = cursor.next();
    const expression = parseEvalExpr(cursor);
    if (!expression) missingExpression(cursor, evalOpen.end, 'eval(');
    if (cursor.atKind('rparen')) cursor.next();
    else
      cursor.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: close eval( with ')'",
        evalOpen.start,
        evalOpen.end,
      );
    return expression;
  }
  let depth = 0;
  const first = cursor.peek();
  while (!cursor.atStageEnd() && (depth > 0 || !cursor.atKind('rparen'))) {
    const token = cursor.next();
    if (token.kind === 'lparen') depth++;
    else if (token.kind === 'rparen') depth--;
  }
  const end = cursor.previousEnd();
  if (!first || first.start >= end) return undefined;
  const name = cursor.text.slice(first.start, end);
  return {
    kind: 'field',
    name: first.kind === 'string' ? name.slice(1, -1) : name,
    quoted: first.kind === 'string',
    range: cursor.range(first.start, end),
  };
}

/** `count`, `min(_time) as firstTime`, `count(eval(x>1)) as n` at the cursor (a word). */
function parseAggregation(cursor: TokenCursor): Aggregation {
  const fn = cursor.next();
  let argument: Aggregation['argument'];
  if (cursor.atKind('lparen') && cursor.gluedToPrevious(cursor.pos)) {
    const open = cursor.next();
    argument = parseAggregationArgument(cursor);
    if (cursor.atKind('rparen')) cursor.next();
    else
      cursor.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: this '(' is never closed",
        open.start,
        open.end,
      );
  }
  const alias = parseAlias(cursor);
  return {
    kind: 'aggregation',
    function: fn.image.toLowerCase(),
    functionRange: cursor.range(fn.start, fn.end),
    ...(argument && { argument }),
    ...(alias && { alias }),
    range: cursor.range(fn.start, cursor.previousEnd()),
  };
}

interface AggregationParts {
  readonly aggregations: Aggregation[];
  readonly options: CommandOption[];
  by: FieldName[];
  over?: FieldName;
}

/** One piece of an aggregating command; false when the token belongs to no piece. */
function parseAggregationPart(
  cursor: TokenCursor,
  parts: AggregationParts,
  chartLike: boolean,
): boolean {
  const token = cursor.peek() as Token;
  if (token.kind === 'comma') cursor.next();
  else if (cursor.atOption()) parts.options.push(parseOption(cursor));
  else if (cursor.atKeyword('by')) {
    cursor.next();
    parts.by = parseFieldList(cursor, parts.options, chartLike ? ['over'] : []);
    if (parts.by.length === 0) expectFieldName(cursor, token.image);
  } else if (chartLike && cursor.atKeyword('over')) {
    cursor.next();
    parts.over = expectFieldName(cursor, token.image);
  } else if (token.kind === 'word') parts.aggregations.push(parseAggregation(cursor));
  else return false;
  return true;
}

export function parseStats(cursor: TokenCursor, stage: StageStart): StatsCommand {
  const parts: AggregationParts = { aggregations: [], options: [], by: [] };
  const chartLike = stage.name === 'chart' || stage.name === 'timechart';
  while (!cursor.atStageEnd() && parseAggregationPart(cursor, parts, chartLike));
  return {
    kind: 'command',
    name: stage.name as StatsCommand['name'],
    nameRange: stage.nameRange,
    options: parts.options,
    aggregations: parts.aggregations,
    by: parts.by,
    ...(parts.over && { over: parts.over }),
    range: stageRange(cursor, stage),
  };
}

/** `datamodel=Endpoint.Processes` or `datamodel:Endpoint.Processes` after `from`. */
function parseFrom(cursor: TokenCursor, options: CommandOption[]): Literal | MacroCall | undefined {
  const token = cursor.peek();
  if (token?.kind === 'macro') {
    cursor.next();
    return readMacro(cursor, token);
  }
  if (cursor.atOption()) {
    const option = parseOption(cursor);
    options.push(option);
    return option.value;
  }
  const literal = parseLiteral(cursor, false);
  const prefix = literal && /^\w+:/.exec(literal.raw);
  if (!literal || !prefix) return literal;
  const start = literal.range.start.offset + prefix[0].length;
  const value = literal.raw.slice(prefix[0].length);
  return {
    kind: 'literal',
    value,
    quoted: false,
    raw: value,
    range: cursor.range(start, literal.range.end.offset),
  };
}

export function parseTstats(cursor: TokenCursor, stage: StageStart): TstatsCommand {
  const parts: AggregationParts = { aggregations: [], options: [], by: [] };
  const macros: MacroCall[] = [];
  let from: Literal | MacroCall | undefined;
  let where: SearchExpression | undefined;
  while (!cursor.atStageEnd()) {
    const token = cursor.peek() as Token;
    if (token.kind === 'macro') {
      cursor.next();
      const macro = readMacro(cursor, token);
      macros.push(macro);
    } else if (cursor.atKeyword('from') && !cursor.atOption()) {
      cursor.next();
      from = parseFrom(cursor, parts.options);
      if (!from)
        cursor.error(
          'spl.syntax.missing-value',
          "expected a data model after 'from', e.g. datamodel=Endpoint.Processes",
          token.start,
          token.end,
        );
    } else if (cursor.atKeyword('where') && !cursor.atOption()) {
      cursor.next();
      where = parseSearchExpr(cursor, { atBy: true });
      if (!where)
        cursor.error(
          'spl.syntax.missing-operand',
          "expected a search expression after 'where'",
          token.start,
          token.end,
        );
    } else if (!parseAggregationPart(cursor, parts, false)) break;
  }
  return {
    kind: 'command',
    name: 'tstats',
    nameRange: stage.nameRange,
    options: parts.options,
    aggregations: parts.aggregations,
    ...(from && { from }),
    ...(where && { where }),
    by: parts.by,
    macros,
    range: stageRange(cursor, stage),
  };
}
