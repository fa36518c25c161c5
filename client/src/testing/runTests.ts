import {
  Location,
  MarkdownString,
  TestMessage,
  Uri,
  workspace,
  type CancellationToken,
  type TestController,
  type TestItem,
  type TestRun,
  type TestRunRequest,
} from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import {
  runDetectionTestMethod,
  type RunDetectionTestParams,
  type RunDetectionTestResult,
  type TestOutcomeItem,
} from '../../../server/src/protocol/detectionTests';
import { toRange } from './ranges';

const runRequest = new RequestType<RunDetectionTestParams, RunDetectionTestResult, void>(
  runDetectionTestMethod,
);

/** Runs the chosen tests one at a time (each reads its datasets), stopping when cancelled. */
export async function runDetectionTests(
  controller: TestController,
  client: LanguageClient,
  request: TestRunRequest,
  token: CancellationToken,
): Promise<void> {
  const run = controller.createTestRun(request);
  const excluded = new Set((request.exclude ?? []).map((item) => item.id));
  const chosen: TestItem[] = [];
  const roots: TestItem[] = request.include ? [...request.include] : [];
  if (!request.include) controller.items.forEach((item) => roots.push(item));
  for (const item of roots) {
    if (excluded.has(item.id)) continue;
    if (item.parent) chosen.push(item);
    else {
      item.children.forEach((child) => {
        if (!excluded.has(child.id)) chosen.push(child);
      });
    }
  }
  for (const item of chosen) run.enqueued(item);
  for (const item of chosen) {
    if (token.isCancellationRequested) {
      run.skipped(item);
      continue;
    }
    run.started(item);
    const datasetRoot = workspace.getConfiguration('spl', item.uri).get<string>('datasetRoot');
    try {
      if (!client.isRunning()) throw new Error('the SPL language server is not running.');
      const { outcomes } = await client.sendRequest(
        runRequest,
        {
          uri: item.parent?.id ?? '',
          test: item.label,
          ...(datasetRoot ? { datasetRoot } : {}),
        },
        token,
      );
      const outcome = outcomes[0];
      if (outcome) report(run, item, outcome);
      else
        run.errored(
          item,
          new TestMessage(`The detection no longer has a test named '${item.label}'.`),
        );
    } catch (error) {
      if (token.isCancellationRequested) run.skipped(item);
      else run.errored(item, new TestMessage(`Cannot run the test: ${(error as Error).message}`));
    }
  }
  run.end();
}

function report(run: TestRun, item: TestItem, outcome: TestOutcomeItem): void {
  if (outcome.status === 'pass') {
    run.passed(item, outcome.ms);
    return;
  }
  const messages = outcome.reasons.map((reason) => {
    const message = new TestMessage(
      new MarkdownString().appendText(`${reason.message} (${reason.code})`),
    );
    // A reason without a place (a missing file, a cancelled run) is shown at the test itself.
    message.location = reason.range
      ? new Location(Uri.parse(reason.uri), toRange(reason.range))
      : new Location(item.uri ?? Uri.parse(reason.uri), toRange(outcome.range));
    return message;
  });
  if (outcome.status === 'fail') {
    run.failed(item, messages, outcome.ms);
    return;
  }
  // The Testing view shows no message for a skipped test; its reason goes to the run's output.
  run.skipped(item);
  for (const reason of outcome.reasons) {
    run.appendOutput(`${item.label}: skipped: ${reason.message}\r\n`, undefined, item);
  }
}
