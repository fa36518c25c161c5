import { scalarToString, valuesOf, type Row, type Scalar } from '../value';
import { cleanKey, regexInput } from './splunkRegex';

/** Text with `$1`..`$9` group references, split once: literal text and group numbers. */
export type Template = readonly (string | number)[];

/** One `key::value` pair of a transform's FORMAT. */
export interface FormatPair {
  readonly key: Template;
  readonly value: Template;
}

/** A REPORT- transform (transforms.conf stanza with REGEX), ready to run. */
export interface RegexTransform {
  readonly name: string;
  /** Global: a search-time transform extracts from every match in the source text. */
  readonly regex: RegExp;
  readonly sourceKey: string;
  readonly format: readonly FormatPair[] | undefined;
  readonly mvAdd: boolean;
  readonly cleanKeys: boolean;
}

/** An EXTRACT- setting: an inline regex with named groups, matched once. */
export interface InlineExtraction {
  readonly regex: RegExp;
  readonly sourceKey: string;
}

/**
 * Adds an extracted value the way search-time extraction does: empty values give no field; a
 * field that already has a value keeps it unless MV_ADD, which appends (transforms.conf MV_ADD).
 */
export function addExtracted(row: Row, name: string, value: string, mvAdd: boolean): void {
  if (value === '' || name === '') return;
  const existing = row.get(name);
  if (existing === undefined) row.set(name, value);
  else if (mvAdd) row.set(name, [...valuesOf(existing), value]);
}

function sourceTexts(row: Row, key: string): readonly Scalar[] {
  return valuesOf(row.get(key));
}

function parseTemplate(text: string): Template {
  return text
    .split(/\$(\d)/)
    .map((part, i) => (i % 2 === 1 ? Number(part) : part))
    .filter((p) => p !== '');
}

/** The template filled from a match; undefined when a group it names did not take part. */
function render(template: Template, match: RegExpExecArray): string | undefined {
  const [only] = template;
  if (template.length === 1 && only !== undefined) {
    return typeof only === 'number' ? match[only] : only;
  }
  let text = '';
  for (const part of template) {
    if (typeof part === 'string') text += part;
    else {
      const group = match[part];
      if (group === undefined) return undefined;
      text += group;
    }
  }
  return text;
}

/** Whether CLEAN_KEYS would leave the name as it is (the common case, checked without allocating). */
function isCleanKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const digitOrUnderscore = (c >= 48 && c <= 57) || c === 95;
    if (!letter && (i === 0 || !digitOrUnderscore)) return false;
  }
  return key.length > 0;
}

function clean(key: string): string {
  return isCleanKey(key) ? key : cleanKey(key);
}

function addNamedGroups(row: Row, match: RegExpExecArray, mvAdd: boolean, cleanKeys: boolean) {
  const groups = match.groups;
  if (groups === undefined) return;
  for (const [name, value] of Object.entries(groups)) {
    if (value === undefined) continue;
    // _KEY_n / _VAL_n pairs name a field after text of the event (transforms.conf REGEX).
    if (name.startsWith('_KEY_')) {
      const pairedValue = groups[`_VAL_${name.slice(5)}`];
      if (pairedValue !== undefined) {
        addExtracted(row, cleanKeys ? clean(value) : value, pairedValue, mvAdd);
      }
    } else if (!name.startsWith('_VAL_')) {
      addExtracted(row, name, value, mvAdd);
    }
  }
}

/**
 * Whether more matches cannot add anything: every FORMAT name is fixed and already set, and
 * without MV_ADD a field keeps its first value.
 */
function complete(transform: RegexTransform, row: Row): boolean {
  const { format } = transform;
  if (transform.mvAdd || format === undefined) return false;
  for (const pair of format) {
    const [name] = pair.key;
    if (pair.key.length !== 1 || typeof name !== 'string' || !row.has(name)) return false;
  }
  return true;
}

export function applyRegexTransform(transform: RegexTransform, row: Row): void {
  const { regex, format, mvAdd, cleanKeys } = transform;
  for (const source of sourceTexts(row, transform.sourceKey)) {
    const text = regexInput(scalarToString(source));
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (match[0] === '') regex.lastIndex++;
      if (format === undefined) {
        addNamedGroups(row, match, mvAdd, cleanKeys);
        continue;
      }
      for (const pair of format) {
        const key = render(pair.key, match);
        const value = render(pair.value, match);
        if (key === undefined || value === undefined) continue;
        // CLEAN_KEYS applies to names taken from the event, not to names written in FORMAT.
        const fromEvent = pair.key.some((part) => typeof part === 'number');
        addExtracted(row, cleanKeys && fromEvent ? clean(key) : key, value, mvAdd);
      }
      if (complete(transform, row)) break;
    }
  }
}

export function applyInlineExtraction(extraction: InlineExtraction, row: Row): void {
  for (const source of sourceTexts(row, extraction.sourceKey)) {
    const match = extraction.regex.exec(regexInput(scalarToString(source)));
    if (match !== null) {
      addNamedGroups(row, match, false, true);
      return;
    }
  }
}

/** Parses FORMAT: whitespace-separated `key::value` pairs. */
export function parseFormat(text: string): { pairs: FormatPair[] } | { error: string } {
  const pairs: FormatPair[] = [];
  for (const token of text.split(/\s+/).filter((t) => t !== '')) {
    const separator = token.indexOf('::');
    if (separator <= 0) {
      return {
        error: `FORMAT item \`${token}\` is not \`field::value\` (e.g. \`$1::$2\` or \`name::$1\`)`,
      };
    }
    const value = token.slice(separator + 2).replace(/^"(.*)"$/, '$1');
    pairs.push({ key: parseTemplate(token.slice(0, separator)), value: parseTemplate(value) });
  }
  return { pairs };
}
