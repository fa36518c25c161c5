/** Commands that list fields: table, fields, rename, sort, dedup. */
import type {
  CommandOption,
  DedupCommand,
  FieldListCommand,
  RenameCommand,
  SortCommand,
  SortKey,
} from '../ast';
import type { TokenCursor } from '../cursor';
import type { Token } from '../lexer';
import {
  expectFieldName,
  optionText,
  parseCount,
  parseFieldList,
  parseFieldName,
  parseOption,
  stageRange,
  type StageStart,
} from './args';

/** `table a b*`, `fields a, b`, `fields - _raw`, `fields + a`. */
export function parseFieldListCommand(cursor: TokenCursor, stage: StageStart): FieldListCommand {
  let mode: FieldListCommand['mode'] = 'keep';
  const sign = cursor.peek();
  if (
    stage.name === 'fields' &&
    (sign?.kind === 'minus' || sign?.kind === 'plus') &&
    !cursor.gluedToPrevious(cursor.pos + 1)
  ) {
    cursor.next();
    mode = sign.kind === 'minus' ? 'remove' : 'keep';
  }
  const options: CommandOption[] = [];
  const fields = parseFieldList(cursor, options);
  if (fields.length === 0 && cursor.atStageEnd()) expectFieldName(cursor, stage.name);
  return {
    kind: 'command',
    name: stage.name as FieldListCommand['name'],
    nameRange: stage.nameRange,
    options,
    mode,
    fields,
    range: stageRange(cursor, stage),
  };
}

/** `rename a as b, c* AS d*`. */
export function parseRename(cursor: TokenCursor, stage: StageStart): RenameCommand {
  const renames: RenameCommand['renames'][number][] = [];
  const reported = cursor.diagnostics.length;
  while (!cursor.atStageEnd()) {
    if (cursor.atKind('comma')) {
      cursor.next();
      continue;
    }
    const from = parseFieldName(cursor);
    if (!from) break;
    if (!cursor.atKeyword('as')) {
      const at = cursor.previousEnd();
      cursor.error(
        'spl.syntax.missing-keyword',
        `expected 'as' and a new name after '${from.name}'`,
        from.range.start.offset,
        at,
      );
      break;
    }
    cursor.next();
    const to = expectFieldName(cursor, 'as');
    if (!to) break;
    renames.push({ from, to, range: cursor.range(from.range.start.offset, to.range.end.offset) });
  }
  if (renames.length === 0 && cursor.diagnostics.length === reported)
    expectFieldName(cursor, 'rename');
  return {
    kind: 'command',
    name: 'rename',
    nameRange: stage.nameRange,
    options: [],
    renames,
    range: stageRange(cursor, stage),
  };
}

const sortFunctions = new Set(['num', 'str', 'ip', 'auto']);

/** `-x`, `+ x`, `num(x)`, `-num(x)`; undefined when no key starts here. */
function parseSortKey(cursor: TokenCursor): SortKey | undefined {
  const first = cursor.peek() as Token;
  let descending = false;
  if (first.kind === 'minus' || first.kind === 'plus') {
    cursor.next();
    descending = first.kind === 'minus';
  }
  const word = cursor.peek();
  if (
    word?.kind === 'word' &&
    sortFunctions.has(word.image.toLowerCase()) &&
    cursor.atKind('lparen', 1)
  ) {
    cursor.next();
    const open = cursor.next();
    const field = expectFieldName(cursor, `${word.image}(`);
    if (cursor.atKind('rparen')) cursor.next();
    else
      cursor.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: this '(' is never closed",
        open.start,
        open.end,
      );
    if (!field) return undefined;
    const as = word.image.toLowerCase() as SortKey['as'];
    return { field, descending, as, range: cursor.range(first.start, cursor.previousEnd()) };
  }
  const field =
    descending || first.kind === 'plus'
      ? expectFieldName(cursor, first.image)
      : parseFieldName(cursor);
  return field && { field, descending, range: cursor.range(first.start, field.range.end.offset) };
}

function lastInStage(cursor: TokenCursor): boolean {
  const after = cursor.peek(1);
  return after === undefined || after.kind === 'pipe' || after.kind === 'rbracket';
}

/** Sort keys until the stage ends; a trailing `desc`/`d` reverses them all. */
function parseSortKeys(cursor: TokenCursor, options: CommandOption[]): SortKey[] {
  const keys: SortKey[] = [];
  while (!cursor.atStageEnd()) {
    if (cursor.atKind('comma')) cursor.next();
    else if (cursor.atOption()) options.push(parseOption(cursor));
    else if (
      (cursor.atKeyword('desc') || cursor.atKeyword('d')) &&
      keys.length > 0 &&
      lastInStage(cursor)
    ) {
      cursor.next();
      return keys.map((key) => ({ ...key, descending: !key.descending }));
    } else {
      const key = parseSortKey(cursor);
      if (!key) break;
      keys.push(key);
    }
  }
  return keys;
}

/** `sort 0 -count, +str(user)`, `sort limit=100 x`. */
export function parseSort(cursor: TokenCursor, stage: StageStart): SortCommand {
  const options: CommandOption[] = [];
  let limit = parseCount(cursor);
  const keys = parseSortKeys(cursor, options);
  const limitOption = options.find((option) => option.name.toLowerCase() === 'limit');
  const limitText = limitOption && optionText(limitOption);
  if (limit === undefined && limitText !== undefined && /^\d+$/.test(limitText))
    limit = Number(limitText);
  if (keys.length === 0 && cursor.atStageEnd()) expectFieldName(cursor, 'sort');
  return {
    kind: 'command',
    name: 'sort',
    nameRange: stage.nameRange,
    options,
    ...(limit !== undefined && { limit }),
    keys,
    range: stageRange(cursor, stage),
  };
}

/** `dedup 3 a b keepempty=true sortby -x`. */
export function parseDedup(cursor: TokenCursor, stage: StageStart): DedupCommand {
  const options: CommandOption[] = [];
  const count = parseCount(cursor);
  const fields = parseFieldList(cursor, options, ['sortby']);
  let sortBy: SortKey[] = [];
  if (cursor.atKeyword('sortby')) {
    const keyword = cursor.next();
    sortBy = parseSortKeys(cursor, options);
    if (sortBy.length === 0) expectFieldName(cursor, keyword.image);
  }
  if (fields.length === 0 && cursor.atStageEnd()) expectFieldName(cursor, 'dedup');
  return {
    kind: 'command',
    name: 'dedup',
    nameRange: stage.nameRange,
    options,
    ...(count !== undefined && { count }),
    fields,
    sortBy,
    range: stageRange(cursor, stage),
  };
}
