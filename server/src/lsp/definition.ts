import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import type { Location, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scanMacroText, type MacroIndex, type ScannedCall } from '../core/macros';
import { documentSpanOf, documentSplOf } from './documents';
import { fileUriOf, lineColumnRange, toLspRange } from './ranges';
import type { ServerContext } from './serverContext';

/** Enough for a security_content checkout (about 2,000 YAML files); a bigger tree is cut there. */
export const maxReferenceFiles = 5_000;
/** Larger files are not searches; reading them would only slow the request down. */
const maxReferenceFileBytes = 1_000_000;

const searchFiles = ['**/*.spl', '**/*.splunk', '**/*.yml', '**/*.yaml'];
const skippedFolders = ['**/node_modules/**', '**/.git/**'];

/** A macro is named by name and argument count: `f(1)` and `f(2)` are different macros. */
export interface MacroKey {
  readonly name: string;
  readonly arity: number;
}

/** A document to search for calls: its URI, language and text. */
export interface SearchableText {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

/** The macro call around an SPL offset, if any. */
export function macroCallAt(spl: string, offset: number): ScannedCall | undefined {
  return scanMacroText(spl).find(
    (token): token is ScannedCall =>
      token.kind === 'call' && token.start <= offset && offset < token.end,
  );
}

/** The macro a call names: the overload is chosen by its argument count. */
export function calledMacro(call: ScannedCall): MacroKey {
  return { name: call.name, arity: call.args.length };
}

/** Where a macro is defined: the name in its stanza header or YAML `name:`. */
export function macroDefinitionOf(macro: MacroKey, index: MacroIndex): Location | undefined {
  const definition = index.lookup(macro.name, macro.arity);
  return (
    definition && {
      uri: fileUriOf(definition.file),
      range: lineColumnRange(definition.nameRange),
    }
  );
}

/** The macro whose definition names itself at a position of a macro file (a stanza or `name:`). */
export function macroDefinedAt(
  uri: string,
  position: Position,
  index: MacroIndex,
): MacroKey | undefined {
  return index.all().find(({ file, nameRange: { start, end } }) => {
    const onName =
      position.line >= start.line &&
      position.line <= end.line &&
      (position.line > start.line || position.character >= start.column) &&
      (position.line < end.line || position.character <= end.column);
    return onName && fileUriOf(file) === uri;
  });
}

/** Every call of `macro` in the given documents, in document order. */
export function macroReferences(macro: MacroKey, texts: Iterable<SearchableText>): Location[] {
  const locations: Location[] = [];
  for (const { uri, languageId, text } of texts) {
    const source = documentSplOf(uri, languageId, text);
    if (!source) continue;
    const calls = scanMacroText(source.spl).filter(
      (token): token is ScannedCall =>
        token.kind === 'call' && token.name === macro.name && token.args.length === macro.arity,
    );
    if (calls.length === 0) continue;
    const document = TextDocument.create(uri, languageId, 0, text);
    for (const call of calls) {
      const span = documentSpanOf(source, call.nameStart, call.nameEnd);
      locations.push({ uri, range: toLspRange(document, span) });
    }
  }
  return locations;
}

export interface WorkspaceTexts {
  readonly texts: SearchableText[];
  /** True when the workspace had more than `maxReferenceFiles` candidate files. */
  readonly truncated: boolean;
}

/**
 * The .spl and YAML files under the workspace folders, read from disk, except those open in the
 * editor (their unsaved text is what counts, and the caller has it).
 */
export function workspaceTexts(
  folders: readonly string[],
  openUris: ReadonlySet<string>,
): WorkspaceTexts {
  const texts: SearchableText[] = [];
  let truncated = false;
  for (const folder of folders) {
    const paths = globSync(searchFiles, { cwd: folder, absolute: true, ignore: skippedFolders });
    for (const path of paths) {
      if (texts.length >= maxReferenceFiles) {
        truncated = true;
        break;
      }
      const uri = pathToFileURL(path).href;
      if (openUris.has(uri)) continue;
      const text = readSmallFile(path);
      if (text !== undefined) texts.push({ uri, languageId: '', text });
    }
  }
  return { texts, truncated };
}

function readSmallFile(path: string): string | undefined {
  try {
    return statSync(path).size > maxReferenceFileBytes ? undefined : readFileSync(path, 'utf8');
  } catch {
    // A file deleted or unreadable since the glob ran has no calls to offer.
    return undefined;
  }
}

/** Go to definition and find references for macros, over the open documents and the workspace. */
export function registerMacroNavigation(context: ServerContext): void {
  const { connection } = context;
  connection.onDefinition(({ textDocument, position }) => {
    const at = context.splAt(textDocument.uri, position);
    const call = at && macroCallAt(at.source.spl, at.offset);
    return (call && macroDefinitionOf(calledMacro(call), context.macros)) ?? null;
  });
  connection.onReferences(({ textDocument, position, context: request }) => {
    const at = context.splAt(textDocument.uri, position);
    const call = at && macroCallAt(at.source.spl, at.offset);
    const macro = call
      ? calledMacro(call)
      : macroDefinedAt(textDocument.uri, position, context.macros);
    if (!macro) return [];
    const references = macroReferences(macro, searchableTexts(context, 'References were searched'));
    const definition = request.includeDeclaration && macroDefinitionOf(macro, context.macros);
    return definition ? [definition, ...references] : references;
  });
}

/**
 * The open documents (their unsaved text) and the workspace's other search files, for finding
 * macro calls; says in the log when the workspace was cut at `maxReferenceFiles`.
 */
export function searchableTexts(context: ServerContext, what: string): SearchableText[] {
  const open = context.documents.all().map((document) => ({
    uri: document.uri,
    languageId: document.languageId,
    text: document.getText(),
  }));
  const workspace = workspaceTexts(
    context.settings.folders,
    new Set(open.map((document) => document.uri)),
  );
  if (workspace.truncated) {
    context.connection.console.warn(
      `${what} in the first ${maxReferenceFiles} files of the workspace only.`,
    );
  }
  return [...open, ...workspace.texts];
}
