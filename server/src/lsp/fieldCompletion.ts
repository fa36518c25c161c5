import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { Pipeline } from '../core/syntax';
import { knownFieldNames, valuesFor, type FieldKnowledge } from './fieldKnowledge';
import { fieldsBefore } from './searchFields';

/** What field completion needs besides the text: the known fields and a parse of the search. */
export interface FieldCompletionContext {
  readonly knowledge: FieldKnowledge;
  readonly pipeline: Pipeline;
  /** The text `pipeline` was parsed from. */
  readonly pipelineSpl: string;
}

/** Commands whose arguments are field names. */
const fieldListCommands = new Set([
  'table',
  'fields',
  'dedup',
  'sort',
  'top',
  'rare',
  'rename',
  'fillnull',
  'mvexpand',
  'makemv',
  'mvcombine',
  'bin',
  'bucket',
  'iplocation',
  'transaction',
  'values',
  'addtotals',
]);

export function isFieldListCommand(command: string): boolean {
  return fieldListCommands.has(command.toLowerCase());
}

const valueContext = /([A-Za-z_][\w.]*)\s*!?=\s*("?)[^\s"=|()[\]]*$/;

/** `field=` or `field!=` right before the cursor, with an optional opening quote and a prefix. */
export function valueContextAt(before: string): { field: string; quoted: boolean } | undefined {
  // A match holds none of these characters, so it lies after the last of them: reading only
  // from there gives the same match, where an end-anchored regex over a long document tries
  // every start position and cost more than the rest of completion.
  const from = Math.max(...['|', '(', ')', '[', ']'].map((stop) => before.lastIndexOf(stop))) + 1;
  const match = valueContext.exec(from > 0 ? before.slice(from) : before);
  return match ? { field: match[1] as string, quoted: match[2] === '"' } : undefined;
}

/**
 * The fields a row can have where the cursor is: after a transforming command only what it
 * outputs; otherwise the sample data's, the extraction config's and those the search sets.
 */
export function fieldNameItems(context: FieldCompletionContext, offset: number): CompletionItem[] {
  const { set, origins } = fieldsBefore(context.pipeline, context.pipelineSpl, offset);
  const { sample, sampleEvents } = context.knowledge;
  const names = set.open
    ? [...new Set([...knownFieldNames(context.knowledge), ...origins.keys()])]
    : [...set.names];
  return names.map((name) => {
    const set = origins.get(name);
    const summary = sample.get(name);
    const detail = set
      ? `field set by ${set.command}`
      : summary
        ? `field, in ${summary.events} of ${sampleEvents} sample events`
        : 'field from the extraction configuration';
    const examples = summary?.topValues.slice(0, 3).map((v) => `\`${v.value}\``) ?? [];
    return {
      label: name,
      kind: CompletionItemKind.Field,
      detail,
      // Fields sort before functions and commands where both are offered.
      sortText: `0${name}`,
      ...(examples.length > 0
        ? { documentation: { kind: MarkupKind.Markdown, value: `e.g. ${examples.join(', ')}` } }
        : {}),
    };
  });
}

export function fieldValueItems(
  field: string,
  quoted: boolean,
  knowledge: FieldKnowledge,
): CompletionItem[] {
  return valuesFor(field, knowledge).map(({ value, detail }, rank) => {
    const needsQuotes = !quoted && /[\s"=|()[\]]/.test(value);
    const escaped = value.replace(/["\\]/g, '\\$&');
    return {
      label: value,
      kind: CompletionItemKind.Value,
      ...(detail ? { detail } : {}),
      // Keep the sample's frequency order rather than the editor's alphabetical one.
      sortText: String(rank).padStart(4, '0'),
      insertText: needsQuotes ? `"${escaped}"` : quoted ? escaped : value,
    };
  });
}
