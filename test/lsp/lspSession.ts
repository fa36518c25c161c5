import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { expandMacrosRequest } from '../../server/src/protocol/expandMacros';

export const repoRoot = resolve(import.meta.dirname, '../..');

export function fileUri(relativePath: string): string {
  return pathToFileURL(resolve(repoRoot, relativePath)).href;
}

/** How long a test waits for the server before it fails instead of hanging the suite. */
const replyTimeoutMs = 5_000;

/**
 * The language server in a child process, driven over stdio as an editor drives it. It runs the
 * TypeScript source through tsx, so the tests need no build.
 */
export class LspSession {
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  /** The `spl` settings the session answers workspace/configuration with. */
  private settings: Record<string, unknown> | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onRequest(ConfigurationRequest.type, ({ items }) =>
      items.map((item) => (item.section === 'spl' ? (this.settings ?? null) : null)),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
  }

  /** Folders are relative to the repository root, or absolute. */
  static start(...workspaceFolders: string[]): Promise<LspSession> {
    return LspSession.launch(
      ['--import', 'tsx', resolve(repoRoot, 'server/src/lsp/main.ts')],
      workspaceFolders,
    );
  }

  /** The esbuild bundle VS Code runs (dist/server.js, built by `npm run build`). */
  static startBundled(...workspaceFolders: string[]): Promise<LspSession> {
    return LspSession.launch([resolve(repoRoot, 'dist/server.js')], workspaceFolders);
  }

  /** A session whose client answers workspace/configuration with `settings` (the `spl` section). */
  static startWithSettings(
    settings: Record<string, unknown>,
    ...workspaceFolders: string[]
  ): Promise<LspSession> {
    return LspSession.launch(
      ['--import', 'tsx', resolve(repoRoot, 'server/src/lsp/main.ts')],
      workspaceFolders,
      settings,
    );
  }

  private static async launch(
    serverArgs: readonly string[],
    workspaceFolders: readonly string[],
    settings?: Record<string, unknown>,
  ): Promise<LspSession> {
    const child = spawn(process.execPath, [...serverArgs, '--stdio'], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    connection.listen();
    const session = new LspSession(child, connection);
    session.settings = settings;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: settings ? { workspace: { configuration: true } } : {},
      workspaceFolders: workspaceFolders.map((folder) => ({ uri: fileUri(folder), name: folder })),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  open(uri: string, languageId: string, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Every publication for `uri` so far, oldest first. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((params) => params.uri === uri);
  }

  /** Resolves with the first publication for `uri` (at `version`, when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () =>
        this.publishedFor(uri).find(
          (params) => version === undefined || params.version === version,
        ),
      `diagnostics for ${uri}`,
    );
  }

  /** Resolves with the next publication for `uri` after the ones seen so far. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    const seen = this.publishedFor(uri).length;
    return this.waitFor(() => this.publishedFor(uri)[seen], `new diagnostics for ${uri}`);
  }

  private async waitFor<T>(found: () => T | undefined, what: string): Promise<T> {
    const deadline = Date.now() + replyTimeoutMs;
    for (let result = found(); Date.now() < deadline; result = found()) {
      if (result !== undefined) return result;
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
    throw new Error(`no ${what} within ${replyTimeoutMs} ms`);
  }

  /** New `spl` settings, announced as VS Code does: the server pulls them after the notification. */
  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
  }

  /** Tells the server that files changed on disk, as the client's file watcher does. */
  filesChanged(...uris: string[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: uris.map((uri) => ({ uri, type: FileChangeType.Changed })),
    });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character },
    });
  }

  async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const result: CompletionItem[] | CompletionList | null = await this.connection.sendRequest(
      CompletionRequest.type,
      { textDocument: { uri }, position: { line, character } },
    );
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  expandMacros(uri: string): Promise<{ text: string }> {
    return this.connection.sendRequest(expandMacrosRequest, { uri });
  }

  /** A request by method name, for features without a helper of their own. */
  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  /**
   * Shuts the server down as an editor does. A server that does not answer within the reply
   * timeout (it exited, or is stuck) is killed and named on stderr, so a test file never hangs
   * in its teardown.
   */
  async stop(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      this.connection.sendRequest(ShutdownRequest.type).then(() => true),
      new Promise<boolean>((wake) => (timer = setTimeout(() => wake(false), replyTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (answered) await this.connection.sendNotification(ExitNotification.type);
    else {
      process.stderr.write(
        `language server (pid ${this.child.pid}, exit code ${this.child.exitCode}) did not answer shutdown within ${replyTimeoutMs} ms; killed\n`,
      );
    }
    this.connection.dispose();
    this.child.kill();
  }
}
