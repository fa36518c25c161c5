import { commands, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  clearSplunkTokenCommand,
  compareWithSplunkCommand,
  runOnSplunkCommand,
  setSplunkTokenCommand,
} from '../../../server/src/protocol/splunk';
import type { ResultsPanel } from '../results/resultsPanel';
import { clearSplunkToken, setSplunkToken } from './splunkConnection';
import { timeRangeOverride } from './splunkInputs';
import { SplunkProblems } from './splunkProblems';
import { SplunkRunner } from './splunkRunner';

/** Running searches on a Splunk server: the commands, their Problems entries and the token. */
export function registerSplunkCommands(
  context: ExtensionContext,
  client: BaseLanguageClient,
  panel: ResultsPanel,
): void {
  const problems = new SplunkProblems();
  const runner = new SplunkRunner(client, panel, problems, context.secrets);
  context.subscriptions.push(
    problems,
    runner,
    commands.registerCommand(runOnSplunkCommand, (target?: unknown, range?: unknown) =>
      runner.run(target, false, timeRangeOverride(range)),
    ),
    commands.registerCommand(compareWithSplunkCommand, (target?: unknown, range?: unknown) =>
      runner.run(target, true, timeRangeOverride(range)),
    ),
    commands.registerCommand(setSplunkTokenCommand, () => setSplunkToken(context.secrets)),
    commands.registerCommand(clearSplunkTokenCommand, () => clearSplunkToken(context.secrets)),
  );
}
