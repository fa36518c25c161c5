import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { confDiagnostic, type FileDiagnostic } from './confFile';
import { LookupTable } from './lookupTable';
import type { MergedStanza, PlacedSetting } from './mergeConf';
import { parseFormat, type RegexTransform } from './regexExtraction';
import { compileSplunkRegex } from './splunkRegex';

export interface CompiledTransforms {
  readonly regexes: Map<string, RegexTransform>;
  readonly lookups: Map<string, LookupTable>;
}

const REGEX_KEYS = new Set(['REGEX', 'FORMAT', 'SOURCE_KEY', 'MV_ADD', 'CLEAN_KEYS']);
const LOOKUP_KEYS = new Set(['filename', 'max_matches', 'case_sensitive_match']);
const DEFAULT_MAX_MATCHES = 1000;

function isTrue(value: string): boolean {
  return /^(1|true|t|yes|y)$/i.test(value.trim());
}

/** Where a lookup's `filename` may sit: beside the .conf, in lookups/ beside it, or in ../lookups/ (app layout). */
function lookupPath(confFile: string, filename: string): string | undefined {
  const dir = dirname(confFile);
  return [
    join(dir, filename),
    join(dir, 'lookups', filename),
    join(dir, '..', 'lookups', filename),
  ].find((candidate) => existsSync(candidate));
}

function compileLookup(
  stanza: MergedStanza,
  filename: PlacedSetting,
  diagnostics: FileDiagnostic[],
): LookupTable | undefined {
  const problem = (setting: PlacedSetting, message: string) =>
    diagnostics.push(
      confDiagnostic(setting.file, 'error', 'conf-lookup', message, setting.valueRange),
    );
  const path = lookupPath(filename.file, filename.value);
  if (path === undefined) {
    problem(
      filename,
      `lookup file \`${filename.value}\` not found beside ${filename.file} or in a lookups/ folder`,
    );
    return undefined;
  }
  const maxSetting = stanza.settings.get('max_matches');
  const maxMatches = maxSetting === undefined ? DEFAULT_MAX_MATCHES : Number(maxSetting.value);
  if (maxSetting !== undefined && !(Number.isInteger(maxMatches) && maxMatches >= 1)) {
    problem(maxSetting, 'max_matches must be a whole number from 1 to 1000');
    return undefined;
  }
  const caseSetting = stanza.settings.get('case_sensitive_match');
  const table = LookupTable.fromCsv(stanza.name, readFileSync(path, 'utf8'), {
    caseSensitive: caseSetting === undefined || isTrue(caseSetting.value),
    maxMatches,
  });
  if ('error' in table) {
    problem(filename, `lookup file ${path} cannot be read as CSV: ${table.error}`);
    return undefined;
  }
  return table;
}

function compileRegexTransform(
  stanza: MergedStanza,
  regexSetting: PlacedSetting,
  diagnostics: FileDiagnostic[],
): RegexTransform | undefined {
  const compiled = compileSplunkRegex(regexSetting.value, 'g');
  if ('error' in compiled) {
    diagnostics.push(
      confDiagnostic(
        regexSetting.file,
        'error',
        'conf-regex',
        `REGEX does not compile: ${compiled.error}`,
        regexSetting.valueRange,
      ),
    );
    return undefined;
  }
  const formatSetting = stanza.settings.get('FORMAT');
  let format: RegexTransform['format'];
  if (formatSetting !== undefined && formatSetting.value !== '') {
    const parsed = parseFormat(formatSetting.value);
    if ('error' in parsed) {
      diagnostics.push(
        confDiagnostic(
          formatSetting.file,
          'error',
          'conf-format',
          parsed.error,
          formatSetting.valueRange,
        ),
      );
      return undefined;
    }
    format = parsed.pairs;
  }
  const mvAdd = stanza.settings.get('MV_ADD');
  const cleanKeys = stanza.settings.get('CLEAN_KEYS');
  return {
    name: stanza.name,
    regex: compiled.regex,
    sourceKey: stanza.settings.get('SOURCE_KEY')?.value || '_raw',
    format,
    mvAdd: mvAdd !== undefined && isTrue(mvAdd.value),
    cleanKeys: cleanKeys === undefined || isTrue(cleanKeys.value),
  };
}

/** Compiles every transforms.conf stanza, reporting problems even in stanzas nothing uses yet. */
export function compileTransforms(
  stanzas: Map<string, MergedStanza>,
  diagnostics: FileDiagnostic[],
): CompiledTransforms {
  const regexes = new Map<string, RegexTransform>();
  const lookups = new Map<string, LookupTable>();
  for (const stanza of stanzas.values()) {
    const regex = stanza.settings.get('REGEX');
    const filename = stanza.settings.get('filename');
    if (regex !== undefined) {
      const transform = compileRegexTransform(stanza, regex, diagnostics);
      if (transform) regexes.set(stanza.name, transform);
    } else if (filename !== undefined) {
      const table = compileLookup(stanza, filename, diagnostics);
      if (table) lookups.set(stanza.name, table);
    } else {
      diagnostics.push(
        confDiagnostic(
          stanza.file,
          'warning',
          'conf-transform',
          `[${stanza.name}] has neither REGEX nor filename: it does nothing`,
          stanza.nameRange,
        ),
      );
      continue;
    }
    const known = regex !== undefined ? REGEX_KEYS : LOOKUP_KEYS;
    for (const setting of stanza.settings.values()) {
      if (!known.has(setting.key)) {
        diagnostics.push(
          confDiagnostic(
            setting.file,
            'info',
            'conf-unused',
            `\`${setting.key}\` is not used by the local evaluator`,
            setting.keyRange,
          ),
        );
      }
    }
  }
  return { regexes, lookups };
}
