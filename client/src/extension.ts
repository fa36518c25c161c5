import * as path from 'node:path';
import {
  commands,
  EventEmitter,
  Uri,
  window,
  workspace,
  type ExtensionContext,
  type TextDocumentContentProvider,
} from 'vscode';
import { expandMacrosRequest } from '../../server/src/protocol/expandMacros';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerResults } from './results/register';
import { registerSplunkCommands } from './splunk/register';
import { registerDetectionTests } from './testing/detectionTests';

/** Expanded searches open under this scheme, which VS Code shows read-only. */
const expandedScheme = 'spl-expanded';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'spl' },
      { language: 'yaml', pattern: '**/*.{yml,yaml}' },
      { pattern: '**/macros.conf' },
    ],
    synchronize: {
      fileEvents: [
        workspace.createFileSystemWatcher('**/{macros.conf,*.yml,*.yaml}'),
        // The field index: sample events and extraction configuration.
        workspace.createFileSystemWatcher('**/{props.conf,transforms.conf,*.log}'),
      ],
    },
  };
  client = new LanguageClient('spl', 'SPL Language Server', serverOptions, clientOptions);

  const expanded = new ExpandedSearches();
  context.subscriptions.push(
    workspace.registerTextDocumentContentProvider(expandedScheme, expanded),
    commands.registerCommand('spl.expandMacros', () => expandActiveEditor(expanded)),
  );
  registerSplunkCommands(context, client, registerResults(context, client));
  context.subscriptions.push(registerDetectionTests(client));
  // In an untrusted workspace only the grammar works: the server would read the workspace's files.
  if (workspace.isTrusted) await client.start();
  else context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => client?.start()));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function expandActiveEditor(expanded: ExpandedSearches): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || !client) return;
  const source = editor.document.uri;
  let text: string;
  try {
    ({ text } = await client.sendRequest(expandMacrosRequest, { uri: source.toString() }));
  } catch (error) {
    void window.showErrorMessage(`SPL: cannot expand macros: ${(error as Error).message}`);
    return;
  }
  const target = Uri.from({
    scheme: expandedScheme,
    path: `${source.path.replace(/\.[^./]*$/, '')}.expanded.spl`,
  });
  expanded.set(target, text);
  await window.showTextDocument(await workspace.openTextDocument(target), { preview: true });
}

/** Holds the text of each expanded search so VS Code can show it as a read-only document. */
class ExpandedSearches implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
