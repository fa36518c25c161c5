/** Commands about one field's values: rex, convert, fillnull, makemv, mvexpand, bin, iplocation. */
import type {
  BinCommand,
  CommandOption,
  ConvertCommand,
  ConvertFunction,
  FieldName,
  FillnullCommand,
  IplocationCommand,
  Literal,
  MakemvCommand,
  MvexpandCommand,
  RexCommand,
} from '../ast';
import type { TokenCursor } from '../cursor';
import type { Token } from '../lexer';
import {
  expectFieldName,
  optionText,
  parseAlias,
  parseFieldList,
  parseFieldName,
  parseOption,
  parseLiteral,
  stageRange,
  type StageStart,
} from './args';

function optionValue(options: readonly CommandOption[], name: string): string | undefined {
  const option = options.find((candidate) => candidate.name.toLowerCase() === name);
  return option && optionText(option);
}

/** Options interleaved with at most one positional field; the field is required. */
function parseOptionsAndField(
  cursor: TokenCursor,
  stage: StageStart,
  options: CommandOption[],
): { field?: FieldName; alias?: FieldName } {
  let field: FieldName | undefined;
  let alias: FieldName | undefined;
  while (!cursor.atStageEnd()) {
    if (cursor.atOption()) options.push(parseOption(cursor));
    else if (field && !alias && cursor.atKeyword('as')) alias = parseAlias(cursor);
    else if (!field) {
      field = parseFieldName(cursor);
      if (!field) break;
    } else break;
  }
  if (!field && cursor.atStageEnd()) expectFieldName(cursor, stage.name);
  return { ...(field && { field }), ...(alias && { alias }) };
}

/** `rex [field=x] [mode=sed] "pattern"`. */
export function parseRex(cursor: TokenCursor, stage: StageStart): RexCommand | undefined {
  const options: CommandOption[] = [];
  let pattern: Literal | undefined;
  while (!cursor.atStageEnd()) {
    if (cursor.atOption()) options.push(parseOption(cursor));
    else if (!pattern && cursor.atKind('string')) pattern = parseLiteral(cursor);
    else break;
  }
  if (!pattern) {
    cursor.error(
      'spl.syntax.missing-value',
      "expected a regular expression in double quotes after 'rex'",
      stage.start,
      stage.nameRange.end.offset,
    );
    return undefined;
  }
  const field = optionValue(options, 'field');
  const mode = optionValue(options, 'mode');
  return {
    kind: 'command',
    name: 'rex',
    nameRange: stage.nameRange,
    options,
    pattern,
    ...(field !== undefined && { field }),
    ...(mode === 'sed' && { mode }),
    range: stageRange(cursor, stage),
  };
}

/** `convert [timeformat="..."] ctime(a) [as b], dur2sec(c)...`. */
export function parseConvert(cursor: TokenCursor, stage: StageStart): ConvertCommand {
  const options: CommandOption[] = [];
  const conversions: ConvertFunction[] = [];
  while (!cursor.atStageEnd()) {
    const token = cursor.peek() as Token;
    if (token.kind === 'comma') cursor.next();
    else if (cursor.atOption()) options.push(parseOption(cursor));
    else if (token.kind === 'word' && cursor.atKind('lparen', 1)) {
      cursor.next();
      const open = cursor.next();
      const field = expectFieldName(cursor, `${token.image}(`);
      if (cursor.atKind('rparen')) cursor.next();
      else
        cursor.error(
          'spl.syntax.unbalanced-paren',
          "unbalanced parenthesis: this '(' is never closed",
          open.start,
          open.end,
        );
      const alias = parseAlias(cursor);
      if (field) {
        conversions.push({
          function: token.image.toLowerCase(),
          functionRange: cursor.range(token.start, token.end),
          field,
          ...(alias && { alias }),
          range: cursor.range(token.start, cursor.previousEnd()),
        });
      }
    } else break;
  }
  const timeformat = optionValue(options, 'timeformat');
  return {
    kind: 'command',
    name: 'convert',
    nameRange: stage.nameRange,
    options,
    ...(timeformat !== undefined && { timeformat }),
    conversions,
    range: stageRange(cursor, stage),
  };
}

/** `fillnull [value=X] [fields...]`. */
export function parseFillnull(cursor: TokenCursor, stage: StageStart): FillnullCommand {
  const options: CommandOption[] = [];
  const fields = parseFieldList(cursor, options);
  const value = optionValue(options, 'value');
  return {
    kind: 'command',
    name: 'fillnull',
    nameRange: stage.nameRange,
    options,
    ...(value !== undefined && { value }),
    fields,
    range: stageRange(cursor, stage),
  };
}

export function parseMakemv(cursor: TokenCursor, stage: StageStart): MakemvCommand | undefined {
  const options: CommandOption[] = [];
  const { field } = parseOptionsAndField(cursor, stage, options);
  if (!field) return undefined;
  const delim = optionValue(options, 'delim');
  const tokenizer = optionValue(options, 'tokenizer');
  return {
    kind: 'command',
    name: 'makemv',
    nameRange: stage.nameRange,
    options,
    ...(delim !== undefined && { delim }),
    ...(tokenizer !== undefined && { tokenizer }),
    field,
    range: stageRange(cursor, stage),
  };
}

export function parseMvexpand(cursor: TokenCursor, stage: StageStart): MvexpandCommand | undefined {
  const options: CommandOption[] = [];
  const { field } = parseOptionsAndField(cursor, stage, options);
  if (!field) return undefined;
  const limitText = optionValue(options, 'limit');
  const limit = limitText !== undefined && /^\d+$/.test(limitText) ? Number(limitText) : undefined;
  return {
    kind: 'command',
    name: 'mvexpand',
    nameRange: stage.nameRange,
    options,
    field,
    ...(limit !== undefined && { limit }),
    range: stageRange(cursor, stage),
  };
}

/** `bin [span=1h] _time [as t]` (also written `bucket`). */
export function parseBin(cursor: TokenCursor, stage: StageStart): BinCommand | undefined {
  const options: CommandOption[] = [];
  const { field, alias } = parseOptionsAndField(cursor, stage, options);
  if (!field) return undefined;
  return {
    kind: 'command',
    name: 'bin',
    nameRange: stage.nameRange,
    options,
    field,
    ...(alias && { alias }),
    range: stageRange(cursor, stage),
  };
}

export function parseIplocation(
  cursor: TokenCursor,
  stage: StageStart,
): IplocationCommand | undefined {
  const options: CommandOption[] = [];
  const { field } = parseOptionsAndField(cursor, stage, options);
  if (!field) return undefined;
  return {
    kind: 'command',
    name: 'iplocation',
    nameRange: stage.nameRange,
    options,
    field,
    range: stageRange(cursor, stage),
  };
}
