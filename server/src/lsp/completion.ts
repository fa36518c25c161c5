import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
} from 'vscode-languageserver';
import { scanMacroText, type MacroDefinition, type MacroIndex } from '../core/macros';
import { tokenize } from '../core/syntax/lexer';
import {
  allCommands,
  allEvalFunctions,
  allStatsFunctions,
  type FunctionInfo,
} from '../core/syntax/catalog';
import {
  fieldNameItems,
  fieldValueItems,
  isFieldListCommand,
  valueContextAt,
  type FieldCompletionContext,
} from './fieldCompletion';
import type { ServerContext } from './serverContext';
import { isAfterBy, isEvalCommand, isStatsCommand, stageAt } from './splContext';

export const completionTriggerCharacters = ['|', '`', ' ', '(', '=', ','];

/**
 * What may be typed at `offset`: a macro after an open backtick, a command where a stage starts,
 * eval functions inside eval/where and aggregations inside the stats family; with `fields`,
 * field names where a field goes and the known values of a field after `field=`.
 */
export function completionsAt(
  spl: string,
  offset: number,
  index: MacroIndex,
  fields?: FieldCompletionContext,
): CompletionItem[] {
  const before = spl.slice(0, offset);
  if (typingMacroName(before)) return macroItems(index, spl.charAt(offset) === '`');
  const lexed = tokenize(before);
  const last = lexed.at(-1);
  const value = fields && valueContextAt(before);
  if (last?.unclosed && last.kind === 'string' && !value?.quoted) return [];
  if (last?.unclosed && last.kind === 'comment') return [];
  const wordStart = startOfWord(before);
  const preceding = lastNonSpace(spl, wordStart);
  if (preceding === '' || preceding === '|' || preceding === '[') return commandItems();
  const tokens = lexed.filter((token) => token.kind !== 'comment');
  const stage = stageAt(tokens, wordStart);
  const fieldItems = () => (fields ? fieldNameItems(fields, wordStart) : []);
  if (isEvalCommand(stage.command)) {
    return [...fieldItems(), ...functionItems(allEvalFunctions())];
  }
  const afterBy = isAfterBy(tokens, stage, wordStart);
  if (isStatsCommand(stage.command) && !afterBy) {
    return preceding === '(' ? fieldItems() : functionItems(allStatsFunctions());
  }
  if (fields && value && stage.command.toLowerCase() === 'search') {
    return fieldValueItems(value.field, value.quoted, fields.knowledge);
  }
  if (afterBy || isFieldListCommand(stage.command) || stage.command.toLowerCase() === 'search') {
    return fieldItems();
  }
  return [];
}

/** True right after a backtick that opens a macro call, or within the name typed after it. */
function typingMacroName(before: string): boolean {
  const last = scanMacroText(before).at(-1);
  return last?.kind === 'strayBacktick' && /^[\w.:-]*$/.test(before.slice(last.end));
}

function commandItems(): CompletionItem[] {
  return allCommands()
    .filter((command) => command.usage !== 'internal' && command.usage !== 'debug')
    .map((command) => ({
      label: command.name,
      kind: CompletionItemKind.Keyword,
      detail: command.syntax,
      documentation: { kind: MarkupKind.Markdown, value: command.summary },
      ...(command.usage === 'deprecated' ? { tags: [CompletionItemTag.Deprecated] } : {}),
    }));
}

function functionItems(functions: readonly FunctionInfo[]): CompletionItem[] {
  return functions.map((fn) => ({
    label: fn.name,
    kind: CompletionItemKind.Function,
    detail: fn.signature,
    documentation: { kind: MarkupKind.Markdown, value: fn.summary },
    insertText: fn.maxArgs === 0 ? `${fn.name}()` : `${fn.name}($1)`,
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

/** One item per name and arity; the snippet has a placeholder per argument and closes the call. */
function macroItems(index: MacroIndex, closed: boolean): CompletionItem[] {
  return index.all().map((definition) => ({
    label:
      definition.arity === 0
        ? definition.name
        : `${definition.name}(${definition.args.join(', ')})`,
    kind: CompletionItemKind.Function,
    detail: `macro, ${definition.file.replace(/^.*[\\/]/, '')}`,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `\`\`\`spl\n${definition.definition}\n\`\`\``,
    },
    filterText: definition.name,
    insertText: macroSnippet(definition) + (closed ? '' : '`'),
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

function macroSnippet(definition: MacroDefinition): string {
  if (definition.arity === 0) return definition.name;
  const placeholders = Array.from(
    { length: definition.arity },
    (_, i) => `\${${i + 1}:${(definition.args[i] ?? `arg${i + 1}`).replace(/[$}\\]/g, '\\$&')}}`,
  );
  return `${definition.name}(${placeholders.join(', ')})`;
}

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(({ textDocument, position }) => {
    const at = context.splAt(textDocument.uri, position);
    if (!at) return [];
    // A keystroke's parse reparses only the stage typed in, so fields come from the text as is.
    const fields = at.source.macroDefinition
      ? undefined
      : {
          knowledge: context.fields,
          pipeline: context.parse(textDocument.uri, at.source.spl).pipeline,
          pipelineSpl: at.source.spl,
        };
    return completionsAt(at.source.spl, at.offset, context.macros, fields);
  });
}

/**
 * Where the word that ends `before` starts. Scanned backwards, as `lastNonSpace` is: an
 * end-anchored regex tries every start position of the text before the cursor.
 */
function startOfWord(before: string): number {
  let start = before.length;
  while (start > 0 && /\w/.test(before.charAt(start - 1))) start--;
  return start;
}

/** The last character before `end` that is not white space, or '' when there is none. */
function lastNonSpace(text: string, end: number): string {
  for (let at = end - 1; at >= 0; at--) {
    const character = text.charAt(at);
    if (!/\s/.test(character)) return character;
  }
  return '';
}
