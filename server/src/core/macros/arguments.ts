import { MappedTextBuilder, type CallFrame, type MappedText } from './mappedText';
import type { ScannedCall } from './scanner';
import type { MacroDefinition } from './types';

export type ResolvedArguments =
  | { readonly ok: true; readonly values: readonly MappedText[] }
  | { readonly ok: false; readonly message: string };

/**
 * Matches a call's arguments to the definition's `args`. A call is named when every argument is
 * `key=value` and at least one key is a declared argument (so `f(process_name=cmd.exe)` still
 * passes `process_name=cmd.exe` positionally to a macro whose argument is called `filter`).
 * Values are taken as written, quotes kept (spl-semantics.md: quotes inside are backslash-escaped).
 */
export function resolveArguments(
  call: ScannedCall,
  definition: MacroDefinition,
  input: MappedText,
): ResolvedArguments {
  const declared = definition.args;
  const allKeyed = call.args.length > 0 && call.args.every((a) => a.key !== undefined);
  const named = allKeyed && call.args.some((a) => declared.includes(a.key as string));
  if (!named) return { ok: true, values: call.args.map((a) => sliceOf(input, a.start, a.end)) };
  const byName = new Map<string, MappedText>();
  for (const arg of call.args) {
    const key = arg.key as string;
    if (!declared.includes(key)) {
      return {
        ok: false,
        message: `Macro '${definition.name}' has no argument named '${key}'; its arguments are ${declared.join(', ')}.`,
      };
    }
    if (byName.has(key)) {
      return {
        ok: false,
        message: `Argument '${key}' of macro '${definition.name}' is given twice; give it once.`,
      };
    }
    byName.set(key, sliceOf(input, arg.valueStart ?? arg.start, arg.end));
  }
  const values: MappedText[] = [];
  for (const name of declared) {
    const value = byName.get(name);
    if (!value)
      return {
        ok: false,
        message: `Macro '${definition.name}' needs a value for argument '${name}'.`,
      };
    values.push(value);
  }
  return { ok: true, values };
}

function sliceOf(input: MappedText, start: number, end: number): MappedText {
  const builder = new MappedTextBuilder();
  builder.appendSlice(input, start, end);
  return builder.build();
}

/**
 * The definition with every `$arg$` replaced by the argument's text, even inside quotes (macros.conf
 * spec). Definition characters map into the definition; argument characters keep their own origin.
 * Unknown `$name$` tokens stay, as Splunk leaves them (dashboards use the same syntax).
 */
export function substitute(
  text: string,
  definition: MacroDefinition,
  values: readonly MappedText[],
  frame: CallFrame,
): MappedText {
  const builder = new MappedTextBuilder();
  const definitionChars = (from: number, to: number): void => {
    builder.append(text.slice(from, to), { kind: 'definition', frame, offset: from, point: false });
  };
  if (definition.args.length === 0) {
    definitionChars(0, text.length);
    return builder.build();
  }
  const position = new Map(definition.args.map((name, i) => [name, i]));
  const pattern = new RegExp(`\\$(${definition.args.map(escapeRegExp).join('|')})\\$`, 'g');
  let copied = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const value = values[position.get(match[1] as string) as number];
    if (!value) continue;
    definitionChars(copied, match.index);
    builder.appendSlice(value, 0, value.text.length);
    copied = match.index + match[0].length;
  }
  definitionChars(copied, text.length);
  return builder.build();
}

/** The plain-text substitution used for `validation` and `iseval` expressions. */
export function substituteText(
  text: string,
  definition: MacroDefinition,
  values: readonly MappedText[],
): string {
  if (definition.args.length === 0) return text;
  const position = new Map(definition.args.map((name, i) => [name, i]));
  const pattern = new RegExp(`\\$(${definition.args.map(escapeRegExp).join('|')})\\$`, 'g');
  return text.replace(
    pattern,
    (whole, name: string) => values[position.get(name) as number]?.text ?? whole,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
