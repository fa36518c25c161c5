import { commands, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  runSearchCommand,
  runStaleNotification,
  selectSampleDataCommand,
} from '../../../server/src/protocol/runSearch';
import { ResultsPanel } from './resultsPanel';
import { SearchRunner } from './runCommand';
import { selectSampleData } from './selectSampleData';
import { RunStatusBar, showResultsCommand } from './statusBar';

/**
 * Running searches from the editor: the commands, the results panel and the status bar item.
 * Returns the panel, which the Splunk commands show their results in too.
 */
export function registerResults(
  context: ExtensionContext,
  client: BaseLanguageClient,
): ResultsPanel {
  const statusBar = new RunStatusBar();
  const panel = new ResultsPanel(context.extensionUri, (uri) => void runner.run(uri));
  const runner = new SearchRunner(client, panel, statusBar);
  context.subscriptions.push(
    statusBar,
    panel,
    runner,
    commands.registerCommand(runSearchCommand, (target?: unknown) => runner.run(target)),
    commands.registerCommand(selectSampleDataCommand, () => selectSampleData(client)),
    commands.registerCommand(showResultsCommand, () => panel.reveal()),
    client.onNotification(runStaleNotification, ({ uri }) => panel.markStale(uri)),
  );
  return panel;
}
