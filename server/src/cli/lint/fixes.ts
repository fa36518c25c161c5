import { writeFileSync } from 'node:fs';
import { filterMacroAppendix, type SearchDocumentLint } from '../../core/analysis/lintDocument';
import { formatSpl } from '../../core/format';
import { formatDetectionSearch } from '../../core/format/detectionSearch';
import { readDetectionYaml } from '../../core/syntax/documents';

/** One change `--fix` made to a file, said in words for the report. */
export interface AppliedFix {
  readonly description: string;
}

/**
 * formatSpl on a whole file: the formatter works on a search, so the file's final newline, when
 * it has one, is kept as editors and git expect it.
 */
export function formatSplFile(text: string): FileFormatting {
  const formatted = formatSpl(text);
  if ('error' in formatted) return formatted;
  const finalNewline = /\r?\n$/.exec(text)?.[0] ?? '';
  const result = formatted.text.endsWith('\n') ? formatted.text : formatted.text + finalNewline;
  return { text: result, changed: result !== text };
}

export type FileFormatting = { text: string; changed: boolean } | { error: string };

/**
 * What formatting does to one file: a .spl file is formatted whole, a detection YAML file in its
 * `search:` (see formatDetectionSearch). Undefined for YAML without a search (macro files, any
 * other YAML): formatting is not for them.
 */
export function formatFile(file: string, text: string): FileFormatting | undefined {
  if (!/\.ya?ml$/i.test(file)) return formatSplFile(text);
  const result = formatDetectionSearch(text);
  if (!('error' in result)) return { text: result.text, changed: result.changed };
  return result.refusal === 'noSearch' ? undefined : { error: result.error };
}

export type FixOutcome = { text: string; fixes: AppliedFix[] } | { failure: string };

/**
 * The fixes that cannot change what a search finds: the formatter's layout for a .spl file (it
 * keeps a layout only when the syntax tree is unchanged), and the missing `_filter` call at the
 * end of a detection (the filter is `search *` until a user tunes it). A detection's search is
 * not reformatted here: turning a repository's quoted searches into blocks is a choice made with
 * `spl fmt`, not a side effect of fixing. The file is written only when something changed.
 */
export function applySafeFixes(file: string, text: string, lint: SearchDocumentLint): FixOutcome {
  let current = text;
  const fixes: AppliedFix[] = [];
  if (lint.kind === 'spl') {
    const formatted = formatSplFile(current);
    if ('text' in formatted && formatted.changed) {
      current = formatted.text;
      fixes.push({ description: 'formatted (one stage per line, spacing normalised)' });
    }
  } else if (
    lint.detectionFileName !== undefined &&
    lint.diagnostics.some((d) => d.code === 'spl.detection.filterMissing')
  ) {
    const appended = appendToSearch(current, lint, filterMacroAppendix(lint.detectionFileName));
    if (appended !== undefined) {
      current = appended;
      fixes.push({
        description: `added '${filterMacroAppendix(lint.detectionFileName).trim()}' at the end of the search`,
      });
    }
  }
  if (fixes.length === 0) return { text, fixes };
  try {
    writeFileSync(file, current);
  } catch (error) {
    return { failure: `${file}: cannot write the fixes: ${(error as Error).message}` };
  }
  return { text: current, fixes };
}

/**
 * Inserts `appendix` after the last character of the search inside its YAML scalar. Quoting
 * styles differ in what they allow, so the edit is kept only when reading the file back gives
 * exactly the old search plus the appendix; otherwise the file is left alone.
 */
function appendToSearch(
  fileText: string,
  lint: SearchDocumentLint,
  appendix: string,
): string | undefined {
  const end = lint.spl.trimEnd().length;
  if (end === 0 || lint.toFileOffset === undefined) return undefined;
  const at = lint.toFileOffset(end - 1) + 1;
  const edited = fileText.slice(0, at) + appendix + fileText.slice(at);
  const expected = lint.spl.slice(0, end) + appendix + lint.spl.slice(end);
  const reread = readDetectionYaml(edited);
  return reread.search?.text === expected && reread.diagnostics.length === 0 ? edited : undefined;
}
