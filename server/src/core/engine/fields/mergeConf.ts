import type { SourceRange } from '../../text/range';
import type { ConfFile, ConfSetting } from './confFile';

/** A setting together with the file it came from, for diagnostics. */
export interface PlacedSetting extends ConfSetting {
  readonly file: string;
}

export interface MergedStanza {
  readonly name: string;
  readonly file: string;
  readonly nameRange: SourceRange;
  readonly settings: Map<string, PlacedSetting>;
}

/**
 * Layers configuration files the way Splunk layers an app's default/ and local/: stanzas of the
 * same name merge, and for the same key the later file wins.
 */
export function mergeConfFiles(files: readonly ConfFile[]): Map<string, MergedStanza> {
  const merged = new Map<string, MergedStanza>();
  for (const conf of files) {
    for (const stanza of conf.stanzas) {
      let target = merged.get(stanza.name);
      if (target === undefined) {
        target = {
          name: stanza.name,
          file: conf.file,
          nameRange: stanza.nameRange,
          settings: new Map(),
        };
        merged.set(stanza.name, target);
      }
      for (const [key, setting] of stanza.settings)
        target.settings.set(key, { ...setting, file: conf.file });
    }
  }
  return merged;
}
