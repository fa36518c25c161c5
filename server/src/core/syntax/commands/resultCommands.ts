/** top, rare, spath, return, format. */
import type {
  CommandOption,
  FieldName,
  FormatCommand,
  Literal,
  ReturnCommand,
  SpathCommand,
  TopRareCommand,
} from '../ast';
import type { TokenCursor } from '../cursor';
import type { Token } from '../lexer';
import {
  expectFieldName,
  optionText,
  parseCount,
  parseFieldList,
  parseFieldName,
  parseLiteral,
  parseOption,
  stageRange,
  type StageStart,
} from './args';

/** `top [N] [limit=N] fields... [by fields...]`. */
export function parseTopRare(cursor: TokenCursor, stage: StageStart): TopRareCommand {
  const options: CommandOption[] = [];
  let limit = parseCount(cursor);
  const fields = parseFieldList(cursor, options, ['by']);
  let by: FieldName[] = [];
  if (cursor.atKeyword('by')) {
    const keyword = cursor.next();
    by = parseFieldList(cursor, options);
    if (by.length === 0) expectFieldName(cursor, keyword.image);
  }
  const limitOption = options.find((option) => option.name.toLowerCase() === 'limit');
  const limitText = limitOption && optionText(limitOption);
  if (limit === undefined && limitText !== undefined && /^\d+$/.test(limitText))
    limit = Number(limitText);
  if (fields.length === 0 && cursor.atStageEnd()) expectFieldName(cursor, stage.name);
  return {
    kind: 'command',
    name: stage.name as TopRareCommand['name'],
    nameRange: stage.nameRange,
    options,
    ...(limit !== undefined && { limit }),
    fields,
    by,
    range: stageRange(cursor, stage),
  };
}

/** `spath [input=x] [output=y] [path=a.b | a.b]`. */
export function parseSpath(cursor: TokenCursor, stage: StageStart): SpathCommand {
  const options: CommandOption[] = [];
  let path: Literal | undefined;
  while (!cursor.atStageEnd()) {
    if (cursor.atOption()) options.push(parseOption(cursor));
    else if (!path) {
      path = parseLiteral(cursor, false);
      if (!path) break;
    } else break;
  }
  return {
    kind: 'command',
    name: 'spath',
    nameRange: stage.nameRange,
    options,
    ...(path && { path }),
    range: stageRange(cursor, stage),
  };
}

/** `return [N] a x=b $c`. */
export function parseReturn(cursor: TokenCursor, stage: StageStart): ReturnCommand {
  const count = parseCount(cursor);
  const items: ReturnCommand['items'][number][] = [];
  while (!cursor.atStageEnd()) {
    const token = cursor.peek() as Token;
    if (token.kind === 'comma') {
      cursor.next();
      continue;
    }
    let alias: string | undefined;
    if (cursor.atOption()) {
      alias = cursor.next().image;
      cursor.next();
    }
    const field =
      alias === undefined ? parseFieldName(cursor) : expectFieldName(cursor, `${alias}=`);
    if (!field) break;
    const valueOnly = !field.quoted && field.name.startsWith('$') && field.name.length > 1;
    const named: FieldName = valueOnly ? { ...field, name: field.name.slice(1) } : field;
    items.push({
      ...(alias !== undefined && { alias }),
      field: named,
      valueOnly,
      range: cursor.range(token.start, field.range.end.offset),
    });
  }
  return {
    kind: 'command',
    name: 'return',
    nameRange: stage.nameRange,
    options: [],
    ...(count !== undefined && { count }),
    items,
    range: stageRange(cursor, stage),
  };
}

/** `format [options] ["(" "(" "AND" ")" "OR" ")"]`. */
export function parseFormat(cursor: TokenCursor, stage: StageStart): FormatCommand {
  const options: CommandOption[] = [];
  const strings: Literal[] = [];
  while (!cursor.atStageEnd()) {
    if (cursor.atOption()) options.push(parseOption(cursor));
    else if (cursor.atKind('string')) strings.push(parseLiteral(cursor) as Literal);
    else break;
  }
  return {
    kind: 'command',
    name: 'format',
    nameRange: stage.nameRange,
    options,
    strings,
    range: stageRange(cursor, stage),
  };
}
