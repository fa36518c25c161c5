import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readConf, type ConfStanza } from '../core/conf/readConf';
import { builtinConfFiles, findResourcesDir } from '../core/engine/fields/resources';
import { compileUserRegex } from '../core/engine/regex';

/** One place a search-time setting gives a field its value. */
export interface ConfigOrigin {
  /** e.g. `EVAL-dest in [source::...]`, or `REPORT-x -> [transform]`. */
  readonly setting: string;
  readonly file: string;
  /** 0-based line of the setting. */
  readonly line: number;
  /** A short account of the value: `alias of Image`, the EVAL expression, the lookup table. */
  readonly detail?: string;
}

interface DynamicReport {
  readonly origin: ConfigOrigin;
  /** Tests whether the transform's name group can produce a field name. */
  readonly names: RegExp;
}

const namedGroup = /\(\?P?<([A-Za-z_][\w]*)>/g;

/**
 * Which props.conf/transforms.conf setting gives each field its value, read from the built-in
 * Sysmon configuration and `spl.propsPaths`: EXTRACT- named groups, REPORT- transforms (static
 * FORMAT names, or names taken from the event when FORMAT is `$1::$2`), FIELDALIAS-, EVAL- and
 * LOOKUP- outputs. Read once per settings change; hover asks it per field.
 */
export class ExtractionConfig {
  private readonly origins = new Map<string, ConfigOrigin[]>();
  private readonly dynamic: DynamicReport[] = [];

  static load(extraFiles: readonly string[]): ExtractionConfig {
    const resources = findResourcesDir();
    const files = [...(resources ? builtinConfFiles(resources) : []), ...extraFiles];
    const read = files.flatMap((file) => {
      try {
        return [{ file, conf: readConf(readFileSync(file, 'utf8')) }];
      } catch {
        // An unreadable extra file gives no origins; the run reports it where it matters.
        return [];
      }
    });
    const transforms = new Map<string, { file: string; stanza: ConfStanza }>();
    for (const { file, conf } of read) {
      if (!basename(file).endsWith('transforms.conf')) continue;
      for (const stanza of conf.stanzas) transforms.set(stanza.name, { file, stanza });
    }
    const config = new ExtractionConfig();
    for (const { file, conf } of read) {
      if (basename(file).endsWith('props.conf')) {
        for (const stanza of conf.stanzas) config.addProps(file, stanza, transforms);
      }
    }
    return config;
  }

  /**
   * Where a field comes from; empty when no setting names it. A transform that takes field names
   * from the event is named only for a field the sample events have (`inEvents`): any word
   * matches its name pattern, so otherwise it would claim fields it never extracts.
   */
  originsOf(field: string, inEvents: boolean): ConfigOrigin[] {
    const found = this.origins.get(field);
    if (found) return found;
    if (!inEvents) return [];
    const report = this.dynamic.find((candidate) => candidate.names.test(field));
    return report ? [report.origin] : [];
  }

  /** Every field a setting names explicitly (dynamic REPORT names are known only from events). */
  fieldNames(): string[] {
    return [...this.origins.keys()];
  }

  private add(field: string, origin: ConfigOrigin): void {
    const list = this.origins.get(field) ?? [];
    list.push(origin);
    this.origins.set(field, list);
  }

  private addProps(
    file: string,
    stanza: ConfStanza,
    transforms: ReadonlyMap<string, { file: string; stanza: ConfStanza }>,
  ): void {
    for (const [key, setting] of stanza.settings) {
      const origin = (detail?: string): ConfigOrigin => ({
        setting: `${key} in [${stanza.name}]`,
        file,
        line: setting.keyRange.start.line,
        ...(detail === undefined ? {} : { detail }),
      });
      const [kind, ...rest] = key.split('-');
      const className = rest.join('-');
      switch (kind?.toUpperCase()) {
        case 'EVAL':
          this.add(className, origin(`eval ${setting.value}`));
          break;
        case 'FIELDALIAS':
          for (const [, from, to] of setting.value.matchAll(/(\S+)\s+AS(?:NEW)?\s+(\S+)/gi)) {
            this.add(to as string, origin(`alias of ${from}`));
          }
          break;
        case 'LOOKUP':
          for (const field of lookupOutputs(setting.value)) {
            this.add(field, origin(`lookup ${setting.value.split(/\s+/)[0] ?? ''}`));
          }
          break;
        case 'EXTRACT':
          for (const [, name] of setting.value.matchAll(namedGroup)) {
            this.add(name as string, origin('regular expression'));
          }
          break;
        case 'REPORT':
          for (const name of setting.value.split(',').map((part) => part.trim())) {
            const transform = transforms.get(name);
            if (transform) this.addReport(origin(), transform.file, transform.stanza);
          }
          break;
        default:
          break;
      }
    }
  }

  private addReport(report: ConfigOrigin, file: string, stanza: ConfStanza): void {
    const regex = stanza.settings.get('REGEX');
    if (!regex) return;
    const origin: ConfigOrigin = {
      setting: `${report.setting} -> [${stanza.name}]`,
      file,
      line: regex.keyRange.start.line,
      detail: `REGEX = ${regex.value}`,
    };
    for (const [, name] of regex.value.matchAll(namedGroup)) this.add(name as string, origin);
    const format = stanza.settings.get('FORMAT')?.value ?? '';
    for (const [, name] of format.matchAll(/([A-Za-z_][\w.]*)::\$\d/g)) {
      this.add(name as string, origin);
    }
    if (!/\$\d+::/.test(format)) return;
    const group = firstGroup(regex.value);
    const names = group === undefined ? undefined : compileUserRegex(`^(?:${group})$`);
    if (names && 'regex' in names) this.dynamic.push({ origin, names: names.regex });
  }
}

/** The fields after OUTPUT/OUTPUTNEW, each `field [AS alias]` giving the alias when present. */
function lookupOutputs(value: string): string[] {
  const output = /\bOUTPUT(?:NEW)?\b(.*)$/i.exec(value)?.[1];
  if (output === undefined) return [];
  const words = output.split(/[\s,]+/).filter((word) => word !== '');
  const fields: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    if (words[i + 1]?.toUpperCase() === 'AS' && words[i + 2] !== undefined) {
      fields.push(words[i + 2] as string);
      i += 2;
    } else fields.push(words[i] as string);
  }
  return fields;
}

/** The text of the regex's first capturing group (the field name in a `$1::$2` transform). */
function firstGroup(pattern: string): string | undefined {
  let start = -1;
  let depth = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '(') {
      if (start < 0 && pattern[i + 1] !== '?') {
        start = i + 1;
        depth = 0;
      } else if (start >= 0) depth += 1;
    } else if (ch === ')' && start >= 0) {
      if (depth === 0) return pattern.slice(start, i);
      depth -= 1;
    }
  }
  return undefined;
}
