import * as path from 'node:path';

/** Files the picker offers: event logs as attack_data and Splunk's exports store them. */
export const sampleFileGlob = '**/*.{log,xml}';
export const sampleFileExclude = '**/{node_modules,.git,dist,out}/**';
/** The picker lists at most this many files; the rest are counted in its title. */
export const maxSampleFiles = 1000;

export interface SampleChoices {
  /** Folders that hold sample files, each once, sorted. */
  readonly folders: readonly string[];
  readonly files: readonly string[];
}

/** The files found plus every folder holding one, so a whole dataset folder is one pick. */
export function sampleChoices(files: readonly string[]): SampleChoices {
  const folders = new Set(files.map((file) => path.dirname(file)));
  return { folders: [...folders].sort(), files: [...files].sort() };
}

/**
 * How a chosen path goes into `spl.sampleDataPaths`: relative to the workspace folder when it is
 * inside it (the setting travels with the repository), else absolute.
 */
export function settingPath(chosen: string, workspaceRoot: string | undefined): string {
  if (!workspaceRoot) return chosen;
  const relative = path.relative(workspaceRoot, chosen);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('/') : relative === '' ? '.' : chosen;
}
