/**
 * Formats the `search:` of a detection YAML file: the formatted search is written back as a
 * literal block scalar (`search: |-`, one stage per line) in place of the old scalar, and every
 * other byte of the file stays as it was.
 */
import { isDeepStrictEqual } from 'node:util';
import { isScalar, type Document } from 'yaml';
import { parseSpl } from '../syntax';
import type { EmbeddedSpl } from '../syntax/documents';
import { parseYaml, topLevelValue, type ParsedYaml } from '../syntax/documents/yamlDocument';
import { splUnderKey } from '../syntax/documents/yamlScalar';
import type { Diagnostic } from '../text/diagnostic';
import { LineIndex } from '../text/lineIndex';
import {
  indentStep,
  lineBreakNear,
  literalBlockScalar,
  mappingIndent,
  scalarSpan,
} from './blockScalar';
import { formatSpl, type FormatOptions } from './index';

/**
 * Why a file was left as written: YAML errors, no `search:` key, the formatter refused the search
 * (a syntax error, or no layout keeps its syntax tree), or the new file did not read back right.
 */
export type DetectionFormatRefusal = 'yamlErrors' | 'noSearch' | 'searchSyntax' | 'readBack';

/** Replace the file's text from `start` to `end` (offsets, end-exclusive) with `newText`. */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type DetectionFormatResult =
  | { readonly text: string; readonly changed: false }
  | { readonly text: string; readonly changed: true; readonly edit: TextReplacement }
  | { readonly error: string; readonly refusal: DetectionFormatRefusal };

/**
 * Formats the search of a detection file and returns the whole new file text, the one edit that
 * makes it, or why the file is left alone. The edit is kept only when reading the new file back
 * gives exactly the formatted search and every other top-level key the value it had, so it can
 * neither change what the detection does nor break the file. A search whose text is already
 * formatted leaves the file unchanged, whatever its quoting.
 */
export function formatDetectionSearch(
  fileText: string,
  options: FormatOptions = {},
): DetectionFormatResult {
  const parsed = parseYaml(fileText);
  const detection = searchOf(parsed);
  const yamlError = detection.diagnostics.find((d) => d.severity === 'error');
  if (yamlError) {
    const { line, column } = yamlError.range.start;
    return refuse(
      'yamlErrors',
      `Line ${line + 1}, column ${column + 1}: ${yamlError.message} Fix this first; a file with YAML errors is not formatted.`,
    );
  }
  const search = detection.search;
  if (!search) {
    return refuse(
      'noSearch',
      'There is no top-level `search:` key, so there is nothing to format; only detection YAML is formatted.',
    );
  }
  const formatted = formatSpl(search.text, options);
  if ('error' in formatted) {
    return refuse('searchSyntax', syntaxErrorReason(fileText, search) ?? formatted.error);
  }
  if (formatted.text === search.text) return { text: fileText, changed: false };

  const node = topLevelValue(parsed, 'search');
  const span = isScalar(node) ? scalarSpan(fileText, node) : undefined;
  if (!parsed.document || !span) {
    return refuse('readBack', notWritten('the search scalar could not be located in the file'));
  }
  const indent = span.indent ?? mappingIndent(parsed.document) + indentStep(parsed.document);
  const newText = literalBlockScalar(
    formatted.text,
    indent,
    lineBreakNear(fileText, span.start),
    span,
  );
  const edited = fileText.slice(0, span.start) + newText + fileText.slice(span.end);
  const problem = readBackProblem(parsed.document, detection.diagnostics, edited, formatted.text);
  if (problem) return refuse('readBack', notWritten(problem));
  return { text: edited, changed: true, edit: { start: span.start, end: span.end, newText } };
}

/**
 * The search as readDetectionYaml reads it (the same parse and decoding), keeping the parse: the
 * scalar's place in the file and the other keys come from it too.
 */
function searchOf(parsed: ParsedYaml): { search?: EmbeddedSpl; diagnostics: Diagnostic[] } {
  const diagnostics = [...parsed.diagnostics];
  const search = splUnderKey(parsed, 'search', diagnostics);
  return search ? { search, diagnostics } : { diagnostics };
}

function refuse(refusal: DetectionFormatRefusal, error: string): DetectionFormatResult {
  return { error, refusal };
}

function notWritten(problem: string): string {
  return `Writing the formatted search as a \`search: |-\` block was not safe (${problem}), so the file was left as written; lay the search out by hand if you want it formatted.`;
}

/** The search's first syntax error, placed in the file rather than in the search. */
function syntaxErrorReason(fileText: string, search: EmbeddedSpl): string | undefined {
  const error = parseSpl(search.text).diagnostics.find((d) => d.severity === 'error');
  if (!error) return undefined;
  const { line, column } = new LineIndex(fileText).position(
    search.toFileOffset(error.range.start.offset),
  );
  return `Fix the syntax error in the search first (line ${line + 1}, column ${column + 1}: ${error.message}); a search with errors is not formatted.`;
}

/** What reading `edited` back shows that the edit must not do, or undefined when it is safe. */
function readBackProblem(
  original: Document.Parsed,
  originalDiagnostics: readonly Diagnostic[],
  edited: string,
  expected: string,
): string | undefined {
  const parsed = parseYaml(edited);
  const reread = searchOf(parsed);
  const known = new Set(originalDiagnostics.map((d) => d.code));
  const added = reread.diagnostics.find((d) => !known.has(d.code));
  if (added) return `the file would then read with: ${added.message}`;
  const search = reread.search?.text;
  if (search !== expected) {
    return search === undefined
      ? 'the search would no longer be read'
      : `the search would read back differently from line ${firstDifferentLine(search, expected)}`;
  }
  const before = otherKeys(original);
  const after = otherKeys(parsed.document);
  if (before === undefined || after === undefined) {
    return "the file's other keys could not be read to compare them";
  }
  const changedKey = [...new Set([...Object.keys(before), ...Object.keys(after)])].find(
    (key) => !isDeepStrictEqual(before[key], after[key]),
  );
  return changedKey === undefined ? undefined : `\`${changedKey}:\` would read differently`;
}

/** The document's top-level values except `search`; undefined when they cannot be built. */
function otherKeys(document: Document.Parsed | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = document?.toJS();
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'search'));
  } catch {
    // toJS throws on alias bombs (yaml's maxAliasCount); such a file is not rewritten.
    return undefined;
  }
}

function firstDifferentLine(actual: string, expected: string): number {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const index = expectedLines.findIndex((line, i) => line !== actualLines[i]);
  return (index < 0 ? expectedLines.length : index) + 1;
}
