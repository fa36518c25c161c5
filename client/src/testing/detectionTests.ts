import {
  Disposable,
  RelativePattern,
  TestRunProfileKind,
  Uri,
  tests,
  workspace,
  type TestController,
  type TestItem,
} from 'vscode';
import { RequestType, State, type LanguageClient } from 'vscode-languageclient/node';
import {
  listDetectionTestsMethod,
  type DetectionWithTests,
  type ListDetectionTestsParams,
  type ListDetectionTestsResult,
} from '../../../server/src/protocol/detectionTests';
import { toRange } from './ranges';
import { runDetectionTests } from './runTests';

const listRequest = new RequestType<ListDetectionTestsParams, ListDetectionTestsResult, void>(
  listDetectionTestsMethod,
);
/** Saves come in bursts (format on save, git checkout); one request covers a burst. */
const refreshDelayMs = 300;

/**
 * The Testing view's list of detections with tests: filled by the server's
 * `spl/listDetectionTests`, refreshed for the files that change, run by `spl/runDetectionTest`.
 */
export function registerDetectionTests(client: LanguageClient): Disposable {
  const controller = tests.createTestController('splDetectionTests', 'SPL Detection Tests');
  const refresher = new Refresher(controller, client);
  controller.resolveHandler = async (item) => {
    if (!item) await refresher.all();
  };
  controller.refreshHandler = () => refresher.all();
  controller.createRunProfile(
    'Run',
    TestRunProfileKind.Run,
    (request, token) => runDetectionTests(controller, client, request, token),
    true,
  );
  const watchers = (workspace.workspaceFolders ?? []).map((folder) =>
    workspace.createFileSystemWatcher(new RelativePattern(folder, '**/*.{yml,yaml}')),
  );
  for (const watcher of watchers) {
    watcher.onDidCreate((uri) => refresher.file(uri));
    watcher.onDidChange((uri) => refresher.file(uri));
    watcher.onDidDelete((uri) => controller.items.delete(uri.toString()));
  }
  const started = client.onDidChangeState(({ newState }) => {
    if (newState === State.Running) void refresher.all();
  });
  return Disposable.from(controller, started, refresher, ...watchers);
}

class Refresher implements Disposable {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly controller: TestController,
    private readonly client: LanguageClient,
  ) {}

  async all(): Promise<void> {
    const listed = await this.list({});
    if (!listed) return;
    this.controller.items.replace(listed.detections.map((d) => this.itemOf(d)));
  }

  file(uri: Uri): void {
    this.pending.add(uri.toString());
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), refreshDelayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private async flush(): Promise<void> {
    const uris = [...this.pending];
    this.pending = new Set();
    const listed = await this.list({ uris });
    if (!listed) return;
    const found = new Set(listed.detections.map((d) => d.uri));
    for (const uri of uris) if (!found.has(uri)) this.controller.items.delete(uri);
    for (const detection of listed.detections) this.controller.items.add(this.itemOf(detection));
  }

  /** Nothing until the server runs: in an untrusted workspace it never starts. */
  private async list(
    params: ListDetectionTestsParams,
  ): Promise<ListDetectionTestsResult | undefined> {
    if (!this.client.isRunning()) return undefined;
    try {
      return await this.client.sendRequest(listRequest, params);
    } catch (error) {
      this.client.warn(`SPL: cannot list detection tests: ${(error as Error).message}`);
      return undefined;
    }
  }

  private itemOf(detection: DetectionWithTests): TestItem {
    const uri = Uri.parse(detection.uri);
    const item = this.controller.createTestItem(detection.uri, detection.name, uri);
    item.children.replace(
      detection.tests.map((test) => {
        const child = this.controller.createTestItem(
          testId(detection.uri, test.name),
          test.name,
          uri,
        );
        child.range = toRange(test.range);
        return child;
      }),
    );
    return item;
  }
}

/** A test is known by its detection's URI and its name (names are unique within a detection). */
function testId(uri: string, name: string): string {
  return `${uri}#${name}`;
}
