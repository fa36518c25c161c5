import type { Connection } from 'vscode-languageserver';
import type { SeverityOverrides } from '../core/analysis';
import type { SampleDataSources } from './sampleData';
import { isRecord, readSettings, WorkspaceSettings } from './settings';
import { WorkspaceFields } from './workspaceFields';

export interface CurrentSampleData extends SampleDataSources {
  /** `spl.evaluationDiagnostics`: whether edits re-run the search for its explanations. */
  readonly evaluation: boolean;
  readonly rules: SeverityOverrides;
}

/**
 * The settings a run uses, pulled as they are now: a run is rare next to typing, and pulling
 * needs no configuration-change handler (main.ts has the one the connection allows). Local runs,
 * evaluation diagnostics and the local half of a Splunk comparison all choose their data here.
 */
export async function pullSampleDataSources(
  connection: Connection,
  folders: readonly string[],
  canPullConfiguration: boolean,
): Promise<CurrentSampleData> {
  const settings = new WorkspaceSettings();
  settings.setFolders(folders);
  const section: unknown = canPullConfiguration
    ? await connection.workspace.getConfiguration({ section: 'spl' }).catch(() => undefined)
    : undefined;
  settings.update(readSettings(section).settings);
  const fields = new WorkspaceFields(settings);
  const datasetRoot =
    isRecord(section) && typeof section.datasetRoot === 'string' && section.datasetRoot !== ''
      ? settings.resolvePaths([section.datasetRoot])[0]
      : undefined;
  return {
    settings,
    defaultPaths: () => fields.samplePaths(),
    ...(datasetRoot !== undefined ? { datasetRoot } : {}),
    evaluation: !isRecord(section) || section.evaluationDiagnostics !== false,
    rules: settings.settings.rules,
  };
}
