import * as path from 'node:path';
import {
  ConfigurationTarget,
  QuickPickItemKind,
  RelativePattern,
  Uri,
  window,
  workspace,
  type QuickPickItem,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { sampleDataRequest, type SampleDataResult } from '../../../server/src/protocol/runSearch';
import {
  maxSampleFiles,
  sampleChoices,
  sampleFileExclude,
  sampleFileGlob,
  settingPath,
} from './sampleDataChoices';

interface PathItem extends QuickPickItem {
  readonly fsPath?: string;
  readonly browse?: boolean;
}

/**
 * "SPL: Select Sample Data": a multi-select list of the detection's own test datasets (when they
 * are on disk), folders and files of events in the workspace, or any file or folder by a dialog;
 * the choice goes into `spl.sampleDataPaths` of the document's workspace folder.
 */
export async function selectSampleData(client: BaseLanguageClient): Promise<void> {
  const document = window.activeTextEditor?.document;
  const folder = document
    ? workspace.getWorkspaceFolder(document.uri)
    : workspace.workspaceFolders?.[0];
  if (!folder) {
    void window.showWarningMessage('SPL: open a workspace folder to choose its sample data.');
    return;
  }
  const root = folder.uri.fsPath;
  const configuration = workspace.getConfiguration('spl', folder.uri);
  const current = new Set(
    (configuration.get<string[]>('sampleDataPaths') ?? []).map((p) => path.resolve(root, p)),
  );
  const known = document && client.isRunning() ? await askServer(client, document.uri) : undefined;
  const found = await workspace.findFiles(
    new RelativePattern(folder, sampleFileGlob),
    sampleFileExclude,
    maxSampleFiles + 1,
  );
  const files = found.slice(0, maxSampleFiles).map((uri) => uri.fsPath);
  const choices = sampleChoices(files);
  const item = (fsPath: string, description?: string): PathItem => ({
    label: settingPath(fsPath, root),
    description,
    fsPath,
    picked: current.has(fsPath),
  });
  const items: PathItem[] = [{ label: '$(folder-opened) Browse\u2026', browse: true }];
  const testData = (known?.detectionDatasets ?? []).filter((d) => d.usable);
  if (testData.length > 0) {
    items.push({ label: "Detection's test data", kind: QuickPickItemKind.Separator });
    items.push(...testData.map((d) => item(d.path, 'from the detection')));
  }
  items.push({ label: 'Folders', kind: QuickPickItemKind.Separator });
  items.push(...choices.folders.map((f) => item(f)));
  items.push({ label: 'Files', kind: QuickPickItemKind.Separator });
  items.push(...choices.files.map((f) => item(f)));
  const more = found.length > maxSampleFiles ? ` (first ${maxSampleFiles} files listed)` : '';
  const picked = await window.showQuickPick(items, {
    canPickMany: true,
    title: `SPL: sample data for ${folder.name}${more}`,
    placeHolder: 'Files or folders of events to run searches over',
  });
  if (!picked) return;
  let chosen = picked.flatMap((p) => (p.fsPath ? [p.fsPath] : []));
  if (picked.some((p) => p.browse)) {
    const browsed = await window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      defaultUri: folder.uri,
      openLabel: 'Use as sample data',
    });
    if (!browsed) return;
    chosen = [...chosen, ...browsed.map((uri) => uri.fsPath)];
  }
  const value = [...new Set(chosen.map((p) => settingPath(p, root)))];
  await configuration.update('sampleDataPaths', value, ConfigurationTarget.WorkspaceFolder);
  void window.showInformationMessage(
    value.length === 0
      ? "SPL: no sample data chosen; runs use the detection's own test data when present."
      : `SPL: sample data for ${folder.name}: ${value.join(', ')}`,
  );
}

async function askServer(
  client: BaseLanguageClient,
  uri: Uri,
): Promise<SampleDataResult | undefined> {
  try {
    return await client.sendRequest(sampleDataRequest, { uri: uri.toString() });
  } catch {
    // An older server or a document it does not handle: the workspace files are still listed.
    return undefined;
  }
}
