/**
 * One backtick token read as a macro call (or the legacy `comment("...")` macro). A macro's
 * inside is not SPL until expanded, so it is split by characters, not by the grammar.
 */
import type { Comment, MacroArgument, MacroCall } from '../ast';
import { unquote, type ParseContext } from './context';
import type { SplToken } from './tokens';

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

function readArgument(context: ParseContext, start: number, end: number): MacroArgument {
  const part = trimmed(context.text, start, end);
  const written = context.text.slice(part.start, part.end);
  const named = /^(\w+)\s*=\s*/.exec(written);
  const range = context.range(part.start, part.end);
  return named
    ? { name: named[1] as string, value: written.slice(named[0].length), range }
    : { value: written, range };
}

/** A macro call, or a Comment when the call is the legacy `comment("...")` macro. */
export function readMacro(
  context: ParseContext,
  token: Pick<SplToken, 'startOffset' | 'end' | 'unclosed'>,
): MacroCall | Comment {
  const { text } = context;
  const start = token.startOffset;
  const innerStart = start + 1;
  const innerEnd = token.unclosed ? token.end : token.end - 1;
  if (token.unclosed) {
    context.error(
      'spl.syntax.unclosed-backtick',
      'unclosed backtick starting here: end the macro call with another `',
      start,
      start + 1,
    );
  }
  const open = text.indexOf('(', innerStart);
  const hasParens = open >= 0 && open < innerEnd;
  const name = trimmed(text, innerStart, hasParens ? open : innerEnd);
  const nameText = text.slice(name.start, name.end);
  const range = context.range(start, token.end);
  if (nameText === '') {
    context.error(
      'spl.syntax.missing-macro-name',
      'empty macro call: write a macro name between the backticks',
      start,
      token.end,
    );
  }
  let args: MacroArgument[] = [];
  if (hasParens) {
    const close = text.lastIndexOf(')', innerEnd - 1);
    if (close < open) {
      context.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: close the macro's arguments with ')'",
        open,
        open + 1,
      );
    } else if (trimmed(text, close + 1, innerEnd).start < innerEnd) {
      context.error(
        'spl.syntax.unexpected-token',
        "unexpected text after the macro's ')'",
        close + 1,
        innerEnd,
      );
    }
    const argsEnd = close < open ? innerEnd : close;
    if (trimmed(text, open + 1, argsEnd).start < argsEnd) {
      args = splitArguments(text, open + 1, argsEnd).map((part) =>
        readArgument(context, part.start, part.end),
      );
    }
  }
  if (nameText.toLowerCase() === 'comment' && hasParens) {
    const first = args[0]?.value ?? '';
    return {
      kind: 'comment',
      style: 'macro',
      text: first.startsWith('"') ? unquote(first) : first,
      range,
    };
  }
  return {
    kind: 'macro',
    name: nameText,
    nameRange: context.range(name.start, name.end),
    args,
    hasParens,
    range,
  };
}
