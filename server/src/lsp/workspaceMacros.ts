import { isAbsolute, resolve } from 'node:path';
import { loadMacroFiles, MacroIndex, type FileDiagnostic } from '../core/macros';

/** File changes come in bursts (a git checkout, a save-all); one rebuild follows the burst. */
export const macroRebuildDelayMs = 300;

const macroFileName = /(^|[\\/])macros\.conf$|\.ya?ml$/i;

/**
 * The macro index of the workspace: every `macros.conf` and macro YAML file under the
 * workspace folders, or the `spl.macroPaths` setting (relative paths start at each folder).
 * Rebuilt from disk when macro files change, then `onRebuilt` lets open documents be re-checked.
 */
export class WorkspaceMacros {
  private current = new MacroIndex();
  private problems: FileDiagnostic[] = [];
  private folders: string[] = [];
  private macroPaths: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onRebuilt: () => void) {}

  get index(): MacroIndex {
    return this.current;
  }

  /** Problems in the macro files themselves (duplicates, unreadable files, bad stanzas). */
  get diagnostics(): readonly FileDiagnostic[] {
    return this.problems;
  }

  configure(folders: readonly string[], macroPaths: readonly string[]): void {
    this.folders = [...folders];
    this.macroPaths = [...macroPaths];
    this.rebuild();
  }

  /** Whether a changed file can hold macros; other changes leave the index as it is. */
  isMacroFile(path: string): boolean {
    return macroFileName.test(path);
  }

  scheduleRebuild(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rebuild();
    }, macroRebuildDelayMs);
  }

  private rebuild(): void {
    const paths =
      this.macroPaths.length === 0
        ? this.folders
        : this.folders.length === 0
          ? this.macroPaths.filter((path) => isAbsolute(path))
          : this.folders.flatMap((folder) => this.macroPaths.map((path) => resolve(folder, path)));
    const loaded = loadMacroFiles([...new Set(paths)]);
    this.current = loaded.index;
    this.problems = loaded.diagnostics;
    this.onRebuilt();
  }
}
