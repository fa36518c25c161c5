import { scalarToString, valuesOf, type Row, type Scalar } from '../value';
import { cleanKey } from './splunkRegex';

/** One `key::value` pair of a transform's FORMAT; either side may hold `$1`..`$9` references. */
export interface FormatPair {
  readonly key: string;
  readonly value: string;
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

const GROUP_REFERENCE = /\$(\d)/g;

function substitute(template: string, match: RegExpExecArray): string | undefined {
  let missing = false;
  const text = template.replace(GROUP_REFERENCE, (_, digit: string) => {
    const group = match[Number(digit)];
    if (group === undefined) missing = true;
    return group ?? '';
  });
  return missing ? undefined : text;
}

function addNamedGroups(row: Row, match: RegExpExecArray, mvAdd: boolean, clean: boolean) {
  const groups = match.groups;
  if (groups === undefined) return;
  for (const [name, value] of Object.entries(groups)) {
    if (value === undefined) continue;
    // _KEY_n / _VAL_n pairs name a field after text of the event (transforms.conf REGEX).
    if (name.startsWith('_KEY_')) {
      const pairedValue = groups[`_VAL_${name.slice(5)}`];
      if (pairedValue !== undefined) {
        addExtracted(row, clean ? cleanKey(value) : value, pairedValue, mvAdd);
      }
    } else if (!name.startsWith('_VAL_')) {
      addExtracted(row, name, value, mvAdd);
    }
  }
}

export function applyRegexTransform(transform: RegexTransform, row: Row): void {
  const { regex, format, mvAdd, cleanKeys } = transform;
  for (const source of sourceTexts(row, transform.sourceKey)) {
    const text = scalarToString(source);
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (match[0] === '') regex.lastIndex++;
      if (format === undefined) {
        addNamedGroups(row, match, mvAdd, cleanKeys);
        continue;
      }
      for (const pair of format) {
        const key = substitute(pair.key, match);
        const value = substitute(pair.value, match);
        if (key === undefined || value === undefined) continue;
        addExtracted(row, cleanKeys && pair.key !== key ? cleanKey(key) : key, value, mvAdd);
      }
    }
  }
}

export function applyInlineExtraction(extraction: InlineExtraction, row: Row): void {
  for (const source of sourceTexts(row, extraction.sourceKey)) {
    const match = extraction.regex.exec(scalarToString(source));
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
    pairs.push({
      key: token.slice(0, separator),
      value: token.slice(separator + 2).replace(/^"(.*)"$/, '$1'),
    });
  }
  return { pairs };
}
