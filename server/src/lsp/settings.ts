import { isAbsolute, relative, resolve } from 'node:path';
import type { RuleSeverity, SeverityOverrides } from '../core/analysis';

/** The `spl.*` settings the server reads (package.json contributes.configuration). */
export interface SplSettings {
  readonly macroPaths: readonly string[];
  /** Rule code -> severity or 'off', applied to every diagnostic the server publishes. */
  readonly rules: SeverityOverrides;
  /** Event files or folders for field names and values (and for running searches). */
  readonly sampleDataPaths: readonly string[];
  /** Extra props.conf / transforms.conf files for search-time field extraction. */
  readonly propsPaths: readonly string[];
  /** IANA zone or a fixed offset for time formatting; empty means UTC. */
  readonly timezone: string;
}

export const defaultSettings: SplSettings = {
  macroPaths: [],
  rules: {},
  sampleDataPaths: [],
  propsPaths: [],
  timezone: '',
};

const severities = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

/**
 * The `spl` section as the client sends it, checked: a value of the wrong type falls back to its
 * default instead of breaking the server, and the settings it dropped are named.
 */
export function readSettings(section: unknown): { settings: SplSettings; ignored: string[] } {
  const raw = isRecord(section) ? section : {};
  const ignored: string[] = [];
  const strings = (key: string): string[] => {
    const value = raw[key];
    if (value === undefined) return [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    ignored.push(`spl.${key}`);
    return [];
  };
  const rules: Record<string, RuleSeverity> = {};
  if (isRecord(raw.rules)) {
    for (const [code, severity] of Object.entries(raw.rules)) {
      if (typeof severity === 'string' && severities.has(severity)) {
        rules[code] = severity as RuleSeverity;
      } else ignored.push(`spl.rules.${code}`);
    }
  } else if (raw.rules !== undefined) ignored.push('spl.rules');
  const timezone = typeof raw.timezone === 'string' ? raw.timezone.trim() : '';
  if (raw.timezone !== undefined && typeof raw.timezone !== 'string') ignored.push('spl.timezone');
  return {
    settings: {
      macroPaths: strings('macroPaths'),
      rules,
      sampleDataPaths: strings('sampleDataPaths'),
      propsPaths: strings('propsPaths'),
      timezone,
    },
    ignored,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The workspace's settings and folders, shared by every feature that needs them (macros, field
 * index, running searches). `update` is called at start-up and whenever the client says the
 * configuration changed; listeners then rebuild what depends on it.
 */
export class WorkspaceSettings {
  private currentSettings: SplSettings = defaultSettings;
  private currentFolders: readonly string[] = [];
  private readonly listeners: ((settings: SplSettings) => void)[] = [];

  get settings(): SplSettings {
    return this.currentSettings;
  }

  /** Absolute paths of the workspace folders. */
  get folders(): readonly string[] {
    return this.currentFolders;
  }

  setFolders(folders: readonly string[]): void {
    this.currentFolders = [...folders];
  }

  update(settings: SplSettings): void {
    this.currentSettings = settings;
    for (const listener of this.listeners) listener(settings);
  }

  onDidChange(listener: (settings: SplSettings) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Setting paths made absolute: a relative path is tried in every workspace folder. Paths that
   * leave the workspace folders are dropped, so settings cannot make the server read elsewhere.
   */
  resolvePaths(paths: readonly string[]): string[] {
    const resolved = paths.flatMap((path) =>
      isAbsolute(path)
        ? [resolve(path)]
        : this.currentFolders.map((folder) => resolve(folder, path)),
    );
    return [...new Set(resolved.filter((path) => this.inWorkspace(path)))];
  }

  inWorkspace(path: string): boolean {
    return this.currentFolders.some((folder) => {
      const inside = relative(folder, path);
      return !inside.startsWith('..') && !isAbsolute(inside);
    });
  }
}
