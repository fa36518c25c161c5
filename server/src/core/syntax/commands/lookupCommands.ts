/** Lookup tables and nested pipelines: lookup, inputlookup, outputlookup, join/append/... */
import type {
  CommandOption,
  FieldName,
  InputlookupCommand,
  Literal,
  LookupCommand,
  LookupFieldMapping,
  OutputlookupCommand,
  SearchExpression,
  Subsearch,
  SubpipelineCommand,
} from '../ast';
import type { TokenCursor } from '../cursor';
import { parseSearchExpr } from '../searchExpression';
import { parseSubsearch } from '../pipeline';
import {
  parseAlias,
  parseFieldName,
  parseLiteral,
  parseOption,
  stageRange,
  type StageStart,
} from './args';

function missingTable(cursor: TokenCursor, stage: StageStart): void {
  cursor.error(
    'spl.syntax.missing-value',
    `expected a lookup table name after '${stage.name}'`,
    stage.start,
    stage.nameRange.end.offset,
  );
}

/** Options around the table name; undefined when the table is missing (callers report it). */
function parseOptionsAndTable(cursor: TokenCursor, options: CommandOption[]): Literal | undefined {
  while (cursor.atOption()) options.push(parseOption(cursor));
  const table = parseLiteral(cursor);
  while (cursor.atOption()) options.push(parseOption(cursor));
  return table;
}

function parseMappings(cursor: TokenCursor, stopWords: readonly string[]): LookupFieldMapping[] {
  const mappings: LookupFieldMapping[] = [];
  while (!cursor.atStageEnd()) {
    if (cursor.atKind('comma')) {
      cursor.next();
      continue;
    }
    const token = cursor.peek();
    if (token?.kind === 'word' && stopWords.includes(token.image.toLowerCase())) break;
    const field: FieldName | undefined = parseFieldName(cursor);
    if (!field) break;
    const alias = parseAlias(cursor);
    mappings.push({
      field,
      ...(alias && { alias }),
      range: cursor.range(field.range.start.offset, cursor.previousEnd()),
    });
  }
  return mappings;
}

/** `lookup [options] table in [as x], ... [OUTPUT|OUTPUTNEW out [as y], ...]`. */
export function parseLookup(cursor: TokenCursor, stage: StageStart): LookupCommand | undefined {
  const options: CommandOption[] = [];
  const table = parseOptionsAndTable(cursor, options);
  if (!table) {
    missingTable(cursor, stage);
    return undefined;
  }
  const inputs = parseMappings(cursor, ['output', 'outputnew']);
  let outputMode: LookupCommand['outputMode'];
  let outputs: LookupFieldMapping[] = [];
  if (cursor.atKeyword('output') || cursor.atKeyword('outputnew')) {
    outputMode = cursor.next().image.toUpperCase() as LookupCommand['outputMode'];
    outputs = parseMappings(cursor, []);
  }
  return {
    kind: 'command',
    name: 'lookup',
    nameRange: stage.nameRange,
    options,
    table,
    inputs,
    ...(outputMode && { outputMode }),
    outputs,
    range: stageRange(cursor, stage),
  };
}

/** `inputlookup [options] table [where <search expression>]`. */
export function parseInputlookup(
  cursor: TokenCursor,
  stage: StageStart,
): InputlookupCommand | undefined {
  const options: CommandOption[] = [];
  const table = parseOptionsAndTable(cursor, options);
  if (!table) {
    missingTable(cursor, stage);
    return undefined;
  }
  let where: SearchExpression | undefined;
  if (cursor.atKeyword('where')) {
    const keyword = cursor.next();
    where = parseSearchExpr(cursor);
    if (!where)
      cursor.error(
        'spl.syntax.missing-operand',
        "expected a search expression after 'where'",
        keyword.start,
        keyword.end,
      );
  }
  return {
    kind: 'command',
    name: 'inputlookup',
    nameRange: stage.nameRange,
    options,
    table,
    ...(where && { where }),
    range: stageRange(cursor, stage),
  };
}

export function parseOutputlookup(
  cursor: TokenCursor,
  stage: StageStart,
): OutputlookupCommand | undefined {
  const options: CommandOption[] = [];
  const table = parseOptionsAndTable(cursor, options);
  if (!table) {
    missingTable(cursor, stage);
    return undefined;
  }
  return {
    kind: 'command',
    name: 'outputlookup',
    nameRange: stage.nameRange,
    options,
    table,
    range: stageRange(cursor, stage),
  };
}

/** join, append, appendpipe, appendcols, union: options, fields (join), subsearches. */
export function parseSubpipelineCommand(
  cursor: TokenCursor,
  stage: StageStart,
): SubpipelineCommand {
  const options: CommandOption[] = [];
  const fields: FieldName[] = [];
  const subsearches: Subsearch[] = [];
  while (!cursor.atStageEnd()) {
    if (cursor.atKind('comma')) cursor.next();
    else if (cursor.atKind('lbracket')) subsearches.push(parseSubsearch(cursor));
    else if (cursor.atOption()) options.push(parseOption(cursor));
    else {
      const field = parseFieldName(cursor);
      if (!field) break;
      fields.push(field);
    }
  }
  if (subsearches.length === 0 && stage.name !== 'union') {
    cursor.error(
      'spl.syntax.missing-subsearch',
      `expected a subsearch in brackets after '${stage.name}', e.g. [search ...]`,
      stage.start,
      stage.nameRange.end.offset,
    );
  }
  return {
    kind: 'command',
    name: stage.name as SubpipelineCommand['name'],
    nameRange: stage.nameRange,
    options,
    fields,
    subsearches,
    range: stageRange(cursor, stage),
  };
}
