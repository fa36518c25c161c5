/** Reads one backtick token as a macro call (or the legacy `comment("...")` macro). */
import type { Comment, MacroArgument, MacroCall } from './ast';
import type { TokenCursor } from './cursor';
import type { Token } from './lexer';

/** Splits `a, "b,c", f(x, y), k=v` at the commas outside quotes and parentheses. */
function splitArguments(
  text: string,
  start: number,
  end: number,
): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let depth = 0;
  let partStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '"') {
      i++;
      while (i < end && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push({ start: partStart, end: i });
      partStart = i + 1;
    }
  }
  parts.push({ start: partStart, end });
  return parts;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

function readArgument(cursor: TokenCursor, start: number, end: number): MacroArgument {
  const part = trimmed(cursor.text, start, end);
  const written = cursor.text.slice(part.start, part.end);
  const named = /^(\w+)\s*=\s*/.exec(written);
  const range = cursor.range(part.start, part.end);
  return named
    ? { name: named[1] as string, value: written.slice(named[0].length), range }
    : { value: written, range };
}

/** The unescaped text of `"..."` (backslash escapes a quote or a backslash). */
export function unquote(raw: string): string {
  const body = raw.endsWith('"') && raw.length > 1 ? raw.slice(1, -1) : raw.slice(1);
  return body.includes('\\') ? body.replace(/\\(["\\])/g, '$1') : body;
}

/** A macro call in backticks, with its arguments; problems in it are reported. */
export function readMacro(cursor: TokenCursor, token: Token): MacroCall {
  const { text } = cursor;
  const innerStart = token.start + 1;
  const innerEnd = token.unclosed ? token.end : token.end - 1;
  if (token.unclosed) {
    cursor.error(
      'spl.syntax.unclosed-backtick',
      'unclosed backtick starting here: end the macro call with another `',
      token.start,
      token.start + 1,
    );
  }
  const open = text.indexOf('(', innerStart);
  const hasParens = open >= 0 && open < innerEnd;
  const name = trimmed(text, innerStart, hasParens ? open : innerEnd);
  const nameText = text.slice(name.start, name.end);
  const range = cursor.range(token.start, token.end);
  if (nameText === '') {
    cursor.error(
      'spl.syntax.missing-macro-name',
      'empty macro call: write a macro name between the backticks',
      token.start,
      token.end,
    );
  }
  let args: MacroArgument[] = [];
  if (hasParens) {
    const close = text.lastIndexOf(')', innerEnd - 1);
    if (close < open) {
      cursor.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: close the macro's arguments with ')'",
        open,
        open + 1,
      );
    } else if (trimmed(text, close + 1, innerEnd).start < innerEnd) {
      cursor.error(
        'spl.syntax.unexpected-token',
        "unexpected text after the macro's ')'",
        close + 1,
        innerEnd,
      );
    }
    const argsEnd = close < open ? innerEnd : close;
    if (trimmed(text, open + 1, argsEnd).start < argsEnd) {
      args = splitArguments(text, open + 1, argsEnd).map((part) =>
        readArgument(cursor, part.start, part.end),
      );
    }
  }
  return {
    kind: 'macro',
    name: nameText,
    nameRange: cursor.range(name.start, name.end),
    args,
    hasParens,
    range,
  };
}

/** The legacy `comment("...")` macro: a Comment whose text is its first argument, unquoted. */
export function readCommentMacro(cursor: TokenCursor, token: Token): Comment {
  const call = readMacro(cursor, token);
  const first = call.args[0]?.value ?? '';
  return {
    kind: 'comment',
    style: 'macro',
    text: first.startsWith('"') ? unquote(first) : first,
    range: call.range,
  };
}
