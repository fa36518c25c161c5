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
import { codeTokens, isAfterBy, isEvalCommand, isStatsCommand, stageAt } from './splContext';

export const completionTriggerCharacters = ['|', '`', ' ', '(', '=', ','];

/**
 * What may be typed at `offset`: a macro after an open backtick, a command where a stage starts,
 * eval functions inside eval/where and aggregations inside the stats family.
 */
export function completionsAt(spl: string, offset: number, index: MacroIndex): CompletionItem[] {
  const before = spl.slice(0, offset);
  if (typingMacroName(before)) return macroItems(index, spl.charAt(offset) === '`');
  const last = tokenize(before).at(-1);
  if (last?.unclosed && (last.kind === 'comment' || last.kind === 'string')) return [];
  const wordStart = offset - (/\w*$/.exec(before)?.[0].length ?? 0);
  const preceding = /\S?(?=\s*$)/.exec(spl.slice(0, wordStart))?.[0] ?? '';
  if (preceding === '' || preceding === '|' || preceding === '[') return commandItems();
  const tokens = codeTokens(before);
  const stage = stageAt(tokens, wordStart);
  if (isEvalCommand(stage.command)) return functionItems(allEvalFunctions());
  const afterBy = isAfterBy(tokens, stage, wordStart);
  if (isStatsCommand(stage.command) && !afterBy) return functionItems(allStatsFunctions());
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
