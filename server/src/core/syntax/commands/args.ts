/** Argument pieces every command grammar reads: options, field names, literals, field lists. */
import type { SourceRange } from '../../text/range';
import type { CommandOption, FieldName, Literal } from '../ast';
import type { TokenCursor } from '../cursor';
import type { Token } from '../lexer';
import { readMacro, unquote } from '../macroCall';

/** Where a stage's command word sits; the name is canonical (aliases resolved, lower case). */
export interface StageStart {
  readonly name: string;
  readonly start: number;
  readonly nameRange: SourceRange;
}

/** From the command word through the last token consumed. */
export function stageRange(cursor: TokenCursor, stage: StageStart): SourceRange {
  return cursor.range(stage.start, Math.max(stage.nameRange.end.offset, cursor.previousEnd()));
}

function literalFromString(cursor: TokenCursor, token: Token): Literal {
  if (token.unclosed) {
    cursor.error(
      'spl.syntax.unclosed-quote',
      'unclosed quote starting here: end the value with another "',
      token.start,
      token.start + 1,
    );
  }
  return {
    kind: 'literal',
    value: unquote(token.image),
    quoted: true,
    raw: token.image,
    range: cursor.range(token.start, token.end),
  };
}

/** A double-quoted string or a glued word at the cursor, consumed; undefined if neither starts here. */
export function parseLiteral(cursor: TokenCursor, stopAtComma = true): Literal | undefined {
  const token = cursor.peek();
  if (!token || cursor.atStageEnd()) return undefined;
  if (token.kind === 'string') return literalFromString(cursor, cursor.next());
  let end = cursor.chunkEnd(stopAtComma, true);
  if (end === cursor.pos) return undefined;
  // `_raw!="x"` in a generic command: the quoted value belongs to the operator before it.
  if (
    cursor.tokens[end - 1]?.kind === 'compare' &&
    cursor.tokens[end]?.kind === 'string' &&
    cursor.gluedToPrevious(end)
  )
    end++;
  const last = cursor.tokens[end - 1] as Token;
  cursor.pos = end;
  const raw = cursor.text.slice(token.start, last.end);
  return {
    kind: 'literal',
    value: raw,
    quoted: false,
    raw,
    range: cursor.range(token.start, last.end),
  };
}

/** A field name at the cursor (`dest`, `Processes.*`, `"my field"`), consumed. */
export function parseFieldName(cursor: TokenCursor): FieldName | undefined {
  const literal = parseLiteral(cursor);
  return (
    literal && { kind: 'field', name: literal.value, quoted: literal.quoted, range: literal.range }
  );
}

/** A field name that must come next; reports "expected a field name after '<after>'" when absent. */
export function expectFieldName(cursor: TokenCursor, after: string): FieldName | undefined {
  const name = parseFieldName(cursor);
  if (!name) {
    const token = cursor.peek();
    const at = token && !cursor.atStageEnd() ? token : undefined;
    const start = at ? at.start : cursor.previousEnd();
    cursor.error(
      'spl.syntax.missing-field',
      `expected a field name after '${after}'`,
      start,
      at ? at.end : start,
    );
  }
  return name;
}

/** Consumes through the `)` matching the `(` at the cursor; returns the end offset. */
export function skipBalanced(cursor: TokenCursor): number {
  const open = cursor.next();
  let depth = 1;
  while (depth > 0 && !cursor.atStageEnd()) {
    const token = cursor.next();
    if (token.kind === 'lparen') depth++;
    else if (token.kind === 'rparen') depth--;
  }
  if (depth > 0)
    cursor.error(
      'spl.syntax.unbalanced-paren',
      "unbalanced parenthesis: this '(' is never closed",
      open.start,
      open.end,
    );
  return cursor.previousEnd();
}

/** `name=value` at the cursor (callers check `cursor.atOption()` first). */
export function parseOption(cursor: TokenCursor): CommandOption {
  const name = cursor.next();
  const equals = cursor.next();
  const valueToken = cursor.peek();
  let value: CommandOption['value'] | undefined;
  if (valueToken?.kind === 'lparen') {
    // Some commands take a parenthesised value (`transaction startswith=(x=1)`): kept as written.
    const end = skipBalanced(cursor);
    const raw = cursor.text.slice(valueToken.start, end);
    value = {
      kind: 'literal',
      value: raw,
      quoted: false,
      raw,
      range: cursor.range(valueToken.start, end),
    };
  } else if (valueToken?.kind === 'macro') {
    cursor.next();
    value = readMacro(cursor, valueToken);
  } else {
    value = parseLiteral(cursor, false);
  }
  if (!value) {
    cursor.error(
      'spl.syntax.missing-value',
      `expected a value after '${name.image}='`,
      name.start,
      equals.end,
    );
    const empty: Literal = {
      kind: 'literal',
      value: '',
      quoted: false,
      raw: '',
      range: cursor.range(equals.end, equals.end),
    };
    value = empty;
  }
  return {
    kind: 'option',
    name: name.image,
    nameRange: cursor.range(name.start, name.end),
    value,
    range: cursor.range(name.start, value.range.end.offset),
  };
}

/** The literal text of an option's value, when it is not a macro call. */
export function optionText(option: CommandOption): string | undefined {
  return option.value.kind === 'literal' ? option.value.value : undefined;
}

/** A whole number written as one token (`sort 0`, `head 20`), consumed. */
export function parseCount(cursor: TokenCursor): number | undefined {
  const token = cursor.peek();
  if (token?.kind !== 'number' || !/^\d+$/.test(token.image)) return undefined;
  cursor.next();
  return Number(token.image);
}

/**
 * Fields (and options) until the stage ends or one of `stopWords` (lower case) comes. Commas
 * between fields are optional, as Splunk accepts both `a, b` and `a b`.
 */
export function parseFieldList(
  cursor: TokenCursor,
  options: CommandOption[],
  stopWords: readonly string[] = [],
): FieldName[] {
  const fields: FieldName[] = [];
  while (!cursor.atStageEnd()) {
    const token = cursor.peek() as Token;
    if (token.kind === 'comma') cursor.next();
    else if (token.kind === 'word' && stopWords.includes(token.image.toLowerCase())) break;
    else if (cursor.atOption()) options.push(parseOption(cursor));
    else {
      const name = parseFieldName(cursor);
      if (!name) break;
      fields.push(name);
    }
  }
  return fields;
}

/** `as <field>` after something, when present. */
export function parseAlias(cursor: TokenCursor): FieldName | undefined {
  if (!cursor.atKeyword('as')) return undefined;
  cursor.next();
  return expectFieldName(cursor, 'as');
}
