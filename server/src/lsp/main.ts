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
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionKinds, registerCodeActions } from './codeActions';
import { completionTriggerCharacters, registerCompletion } from './completion';
import { registerMacroNavigation } from './definition';
import { diagnoseDocument } from './diagnostics';
import { DiagnosticScheduler } from './diagnosticScheduler';
import { expandMacrosRequest } from '../protocol/expandMacros';
import { expandDocument } from './expandRequest';
import { ExtractionConfig } from './extractionConfig';
import { foldingRanges } from './folding';
import { formatDocument } from './formatting';
import { registerHover } from './hover';
import { MacroFileDiagnostics } from './macroFileDiagnostics';
import { registerRename } from './rename';
import { registerRunSearch } from './runSearchFeatures';
import { registerSemanticTokens, semanticTokensLegend } from './semanticTokens';
import { ServerContext } from './serverContext';
import { defaultSettings, readSettings, WorkspaceSettings } from './settings';
import { signatureHelpAt, signatureTriggerCharacters } from './signatureHelp';
import { registerSplunk } from './splunkRequests';
import { documentSymbols } from './symbols';
import { registerDetectionTesting } from './testingRequests';
import { WorkspaceFields } from './workspaceFields';
import { WorkspaceMacros } from './workspaceMacros';

// The transport (--stdio, --node-ipc, --socket) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new WorkspaceSettings();
const fields = new WorkspaceFields(settings, (status) => {
  const limit = status.stoppedBy
    ? `; stopped at the ${status.stoppedBy === 'events' ? 'event' : 'size'} limit`
    : '';
  const skipped = status.report.skipped > 0 ? `; ${status.report.skipped} skipped` : '';
  connection.console.info(
    `Field index: ${status.events} sample events from ${status.files} files${limit}${skipped}.`,
  );
});
let extraction = ExtractionConfig.load([]);
let canPullConfiguration = false;
let configured = false;

const macroFileProblems = new MacroFileDiagnostics(
  (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  (uri) => documents.get(uri) !== undefined,
);
const macros = new WorkspaceMacros(() => {
  macroFileProblems.update(macros.diagnostics, settings.settings.rules);
  for (const document of documents.all()) scheduler.schedule(document);
});
const context = new ServerContext(
  connection,
  documents,
  settings,
  () => macros.index,
  () => ({ sample: fields.fields, sampleEvents: fields.status?.events ?? 0, config: extraction }),
);

/** A document's diagnostics: its SPL pieces, its macro-file problems, a run's explanations. */
function diagnoseOpenDocument(document: TextDocument) {
  // Before the settings and macros are read, a check would report every macro as undefined;
  // reading them re-checks every open document.
  if (!configured) return undefined;
  const sources = context.splsOf(document);
  const fileProblems = macroFileProblems.problemsFor(document.uri);
  if (sources.length === 0) return macros.isMacroFile(document.uri) ? fileProblems : undefined;
  const search = context.splOf(document);
  const rules = settings.settings.rules;
  const parse = (spl: string) => context.parse(document.uri, spl);
  return [
    ...fileProblems,
    ...sources.flatMap((source) =>
      diagnoseDocument(document, source, macros.index, search ? { rules, parse } : { rules }),
    ),
    ...(search ? runFeatures.evaluationDiagnostics(document) : []),
  ];
}

const scheduler = new DiagnosticScheduler(diagnoseOpenDocument, {
  publish: (uri, version, diagnostics) =>
    void connection.sendDiagnostics({ uri, version, diagnostics }),
});

connection.onInitialize((params): InitializeResult => {
  settings.setFolders(
    (params.workspaceFolders ?? [])
      .map((folder) => folder.uri)
      .filter((uri) => uri.startsWith('file:'))
      .map((uri) => fileURLToPath(uri)),
  );
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
      codeActionProvider: { codeActionKinds },
      renameProvider: { prepareProvider: true },
      semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
      codeLensProvider: {},
      inlayHintProvider: true,
    },
  };
});

settings.onDidChange((current) => {
  configured = true;
  extraction = ExtractionConfig.load(fields.propsFiles());
  fields.scheduleRebuild(0);
  // Rebuilding the macro index re-checks every open document with the new rules too.
  macros.configure(settings.folders, current.macroPaths);
});

async function pullSettings(): Promise<void> {
  if (!canPullConfiguration) {
    settings.update(defaultSettings);
    return;
  }
  const section: unknown = await connection.workspace
    .getConfiguration({ section: 'spl' })
    .catch(() => undefined);
  const read = readSettings(section);
  if (read.ignored.length > 0) {
    connection.console.warn(`Settings of the wrong type were ignored: ${read.ignored.join(', ')}`);
  }
  settings.update(read.settings);
}

connection.onInitialized(async () => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  }
  await pullSettings();
});

connection.onDidChangeConfiguration(() => pullSettings());

connection.onDidChangeWatchedFiles(({ changes }) => {
  if (changes.some((change) => macros.isMacroFile(change.uri))) macros.scheduleRebuild();
  if (changes.some((change) => /(props|transforms)\.conf$/i.test(change.uri))) {
    extraction = ExtractionConfig.load(fields.propsFiles());
  }
  if (changes.some((change) => fields.isRelevantFile(change.uri))) fields.scheduleRebuild();
});

documents.onDidChangeContent(({ document }) => scheduler.schedule(document));
documents.onDidClose(({ document }) => {
  scheduler.forget(document.uri);
  context.parses.forget(document.uri);
  // A macro file keeps the problems the index found in it on disk.
  const diagnostics = macroFileProblems.problemsFor(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics });
});

const runFeatures = registerRunSearch(connection, documents, {
  sourceOf: (document) => context.splOf(document),
  macros: () => macros.index,
  folders: () => settings.folders,
  canPullConfiguration: () => canPullConfiguration,
  republish: (document) => scheduler.schedule(document),
});

registerHover(context, runFeatures.stageHover);
registerCompletion(context);
registerMacroNavigation(context);
registerCodeActions(context);
registerRename(context);
registerSemanticTokens(context);

connection.onSignatureHelp(({ textDocument, position }) => {
  const at = context.splAt(textDocument.uri, position);
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
  const source = document && context.splOf(document);
  return document && source ? documentSymbols(document, source) : [];
});

connection.onFoldingRanges(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  const source = document && context.splOf(document);
  return document && source ? foldingRanges(document, source) : [];
});

connection.onRequest(expandMacrosRequest, ({ uri }) => {
  const document = documents.get(uri);
  const source = document && context.splOf(document);
  if (!source) {
    return new ResponseError(
      ErrorCodes.InvalidParams,
      'Open a .spl file or a detection YAML with a `search:` key to expand its macros.',
    );
  }
  return expandDocument(source, macros.index);
});

registerDetectionTesting(connection, {
  folders: () => settings.folders,
  openText: (uri) => documents.get(uri)?.getText(),
  macroIndex: () => macros.index,
});

registerSplunk(connection, documents, {
  sourceOf: (document) => context.splOf(document),
  macros: () => macros.index,
  folders: () => settings.folders,
  canPullConfiguration: () => canPullConfiguration,
});

documents.listen(connection);
connection.listen();
