import {
  ErrorCodes,
  ResponseError,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { scanMacroText, type MacroDefinition, type MacroIndex } from '../core/macros';
import {
  calledMacro,
  macroCallAt,
  macroDefinedAt,
  macroReferences,
  searchableTexts,
  type MacroKey,
} from './definition';
import { documentSpanOf } from './documents';
import { fileUriOf, lineColumnRange, toLspRange } from './ranges';
import type { ServerContext } from './serverContext';

/** What Splunk accepts in a macro name that the Search app can call. */
const macroName = /^[A-Za-z0-9_][A-Za-z0-9_.:]*$/;

interface RenameTarget {
  readonly macro: MacroKey;
  /** The name as it sits at the position, in the document's positions. */
  readonly range: Range;
}

function targetAt(
  uri: string,
  position: Position,
  context: ServerContext,
): RenameTarget | undefined {
  const at = context.splAt(uri, position);
  const call = at && macroCallAt(at.source.spl, at.offset);
  if (at && call) {
    const span = documentSpanOf(at.source, call.nameStart, call.nameEnd);
    return { macro: calledMacro(call), range: toLspRange(at.document, span) };
  }
  const defined = macroDefinedAt(uri, position, context.macros);
  if (!defined) return undefined;
  const definition = context.macros.lookup(defined.name, defined.arity);
  const range = definition && nameOnly(definition);
  return range && { macro: defined, range };
}

/**
 * The macro's own name within its definition's name range: a stanza header holds `name(N)`, a
 * YAML `name:` value may be quoted.
 */
function nameOnly(definition: MacroDefinition): Range | undefined {
  const range = lineColumnRange(definition.nameRange);
  if (range.start.line !== range.end.line) return undefined;
  const width = range.end.character - range.start.character;
  const skip = width === definition.name.length + 2 ? 1 : 0;
  const start = range.start.character + skip;
  return {
    start: { line: range.start.line, character: start },
    end: { line: range.start.line, character: start + definition.name.length },
  };
}

/** Calls of the macro inside other macros' definitions, in their files. */
function callsInDefinitions(macro: MacroKey, index: MacroIndex): { uri: string; range: Range }[] {
  return index.all().flatMap((definition) =>
    scanMacroText(definition.definition).flatMap((token) =>
      token.kind === 'call' && token.name === macro.name && token.args.length === macro.arity
        ? [
            {
              uri: fileUriOf(definition.file),
              range: lineColumnRange(
                index.definitionSpan(definition, token.nameStart, token.nameEnd),
              ),
            },
          ]
        : [],
    ),
  );
}

export function prepareRename(
  uri: string,
  position: Position,
  context: ServerContext,
): { range: Range; placeholder: string } | null {
  const target = targetAt(uri, position, context);
  return target ? { range: target.range, placeholder: target.macro.name } : null;
}

/**
 * Renames a macro (one name and arity) everywhere: its definition (YAML `name:` or stanza
 * header), every call in .spl files and detection searches of the workspace, and calls inside
 * other macro definitions.
 */
export function renameMacro(
  uri: string,
  position: Position,
  newName: string,
  context: ServerContext,
): WorkspaceEdit | ResponseError | null {
  const target = targetAt(uri, position, context);
  if (!target) return null;
  if (!macroName.test(newName)) {
    return new ResponseError(
      ErrorCodes.InvalidParams,
      `'${newName}' is not a macro name Splunk can call; use letters, digits, '_', '.' or ':'.`,
    );
  }
  const index = context.macros;
  const locations = [
    ...macroReferences(target.macro, searchableTexts(context, 'Rename searched')),
    ...callsInDefinitions(target.macro, index),
  ];
  const definition = index.lookup(target.macro.name, target.macro.arity);
  const definitionRange = definition && nameOnly(definition);
  if (definition && definitionRange) {
    locations.push({ uri: fileUriOf(definition.file), range: definitionRange });
  }
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const { uri: fileUri, range } of locations) {
    const key = `${fileUri}:${range.start.line}:${range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (changes[fileUri] ??= []).push({ range, newText: newName });
  }
  return { changes };
}

export function registerRename(context: ServerContext): void {
  const { connection } = context;
  connection.onPrepareRename(({ textDocument, position }) =>
    prepareRename(textDocument.uri, position, context),
  );
  connection.onRenameRequest(({ textDocument, position, newName }) =>
    renameMacro(textDocument.uri, position, newName, context),
  );
}
