import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionTriggerCharacters, completionsAt } from './completion';
import { diagnoseDocument } from './diagnostics';
import { DiagnosticScheduler } from './diagnosticScheduler';
import { documentSplOf, documentSpanOf } from './documents';
import { expandDocument, expandMacrosRequest } from './expandRequest';
import { foldingRanges } from './folding';
import { formatDocument } from './formatting';
import {
  calledMacro,
  macroCallAt,
  macroDefinedAt,
  macroDefinitionOf,
  macroReferences,
  maxReferenceFiles,
  workspaceTexts,
} from './definition';
import { hoverAt } from './hover';
import { MacroFileDiagnostics } from './macroFileDiagnostics';
import { toLspRange } from './ranges';
import { signatureHelpAt, signatureTriggerCharacters } from './signatureHelp';
import { documentSymbols } from './symbols';
import { WorkspaceMacros } from './workspaceMacros';

// The transport (--stdio, --node-ipc, --socket) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const splOf = (document: TextDocument) =>
  documentSplOf(document.uri, document.languageId, document.getText());

const macroFileProblems = new MacroFileDiagnostics(
  (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
);
const macros = new WorkspaceMacros(() => {
  macroFileProblems.update(macros.diagnostics);
  for (const document of documents.all()) scheduler.schedule(document);
});
const scheduler = new DiagnosticScheduler(
  (document) => {
    const source = splOf(document);
    return source && diagnoseDocument(document, source, macros.index);
  },
  {
    publish: (uri, version, diagnostics) =>
      void connection.sendDiagnostics({ uri, version, diagnostics }),
  },
);

let folders: string[] = [];
let canPullConfiguration = false;

connection.onInitialize((params): InitializeResult => {
  folders = (params.workspaceFolders ?? [])
    .map((folder) => folder.uri)
    .filter((uri) => uri.startsWith('file:'))
    .map((uri) => fileURLToPath(uri));
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: completionTriggerCharacters },
      documentFormattingProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      signatureHelpProvider: { triggerCharacters: signatureTriggerCharacters },
    },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  }
  macros.configure(folders, await macroPathsSetting());
});

connection.onDidChangeConfiguration(async () => {
  macros.configure(folders, await macroPathsSetting());
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  if (changes.some((change) => macros.isMacroFile(change.uri))) macros.scheduleRebuild();
});

documents.onDidChangeContent(({ document }) => scheduler.schedule(document));
documents.onDidClose(({ document }) => {
  scheduler.cancel(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

/** The open document at a position, its SPL, and the position as an SPL offset. */
function splAt(uri: string, position: Position) {
  const document = documents.get(uri);
  const source = document && splOf(document);
  const offset = document && source?.toSplOffset(document.offsetAt(position));
  return document && source && offset !== undefined ? { document, source, offset } : undefined;
}

connection.onHover(({ textDocument, position }) => {
  const at = splAt(textDocument.uri, position);
  if (!at) return null;
  const { document, source, offset } = at;
  const hover = hoverAt(source.spl, offset, macros.index);
  if (!hover) return null;
  return {
    contents: { kind: 'markdown', value: hover.markdown },
    range: toLspRange(document, documentSpanOf(source, hover.span.start, hover.span.end)),
  };
});

connection.onCompletion(({ textDocument, position }) => {
  const at = splAt(textDocument.uri, position);
  return at ? completionsAt(at.source.spl, at.offset, macros.index) : [];
});

connection.onSignatureHelp(({ textDocument, position }) => {
  const at = splAt(textDocument.uri, position);
  return (at && signatureHelpAt(at.source.spl, at.offset, macros.index)) ?? null;
});

connection.onDocumentFormatting(({ textDocument, options }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return [];
  const indent = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
  const formatting = formatDocument(document, indent);
  if ('reason' in formatting) connection.console.info(`${textDocument.uri}: ${formatting.reason}`);
  return formatting.edits;
});

connection.onDocumentSymbol(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  const source = document && splOf(document);
  return document && source ? documentSymbols(document, source) : [];
});

connection.onFoldingRanges(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  const source = document && splOf(document);
  return document && source ? foldingRanges(document, source) : [];
});

connection.onDefinition(({ textDocument, position }) => {
  const at = splAt(textDocument.uri, position);
  const call = at && macroCallAt(at.source.spl, at.offset);
  return (call && macroDefinitionOf(calledMacro(call), macros.index)) ?? null;
});

connection.onReferences(({ textDocument, position, context }) => {
  const at = splAt(textDocument.uri, position);
  const call = at && macroCallAt(at.source.spl, at.offset);
  const macro = call ? calledMacro(call) : macroDefinedAt(textDocument.uri, position, macros.index);
  if (!macro) return [];
  const open = documents.all().map((document) => ({
    uri: document.uri,
    languageId: document.languageId,
    text: document.getText(),
  }));
  const workspace = workspaceTexts(folders, new Set(open.map((document) => document.uri)));
  if (workspace.truncated) {
    connection.console.warn(
      `References were searched in the first ${maxReferenceFiles} files of the workspace only.`,
    );
  }
  const references = macroReferences(macro, [...open, ...workspace.texts]);
  const definition = context.includeDeclaration && macroDefinitionOf(macro, macros.index);
  return definition ? [definition, ...references] : references;
});

connection.onRequest(expandMacrosRequest, ({ uri }) => {
  const document = documents.get(uri);
  const source = document && splOf(document);
  if (!source) {
    return new ResponseError(
      ErrorCodes.InvalidParams,
      'Open a .spl file or a detection YAML with a `search:` key to expand its macros.',
    );
  }
  return expandDocument(source, macros.index);
});

async function macroPathsSetting(): Promise<string[]> {
  if (!canPullConfiguration) return [];
  const setting: unknown = await connection.workspace.getConfiguration({
    section: 'spl.macroPaths',
  });
  return Array.isArray(setting) ? setting.filter((p): p is string => typeof p === 'string') : [];
}

documents.listen(connection);
connection.listen();
