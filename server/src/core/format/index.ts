/**
 * The SPL formatter: one stage per line, subsearch pipelines indented, whitespace between
 * arguments normalised; comments, macro calls and strings are copied as written.
 */
import { parseSpl } from '../syntax';
import { tokenize } from '../syntax/lexer';
import { layoutTokens, type LayoutStyle } from './layout';
import { sameSyntax } from './sameSyntax';

export interface FormatOptions {
  /** One level of indentation for subsearch pipelines; two spaces by default. */
  readonly indent?: string;
}

export type FormatResult = { text: string; changed: boolean } | { error: string };

/**
 * Formats a search, or says why it will not. Each candidate layout is parsed again and kept only
 * when it parses to the same tree as the input, so formatting never changes what a search means:
 * when the tidy layout would (`a,b` glued into one search term, say), a plainer one is tried.
 */
export function formatSpl(text: string, options: FormatOptions = {}): FormatResult {
  const original = parseSpl(text);
  const firstError = original.diagnostics.find((d) => d.severity === 'error');
  if (firstError) {
    const { line, column } = firstError.range.start;
    return {
      error: `Fix the syntax error first (line ${line + 1}, column ${column + 1}: ${firstError.message}); a search with errors is not formatted.`,
    };
  }
  const tokens = tokenize(text);
  const indent = options.indent ?? '  ';
  const styles: LayoutStyle[] = ['tidy', 'plain', 'verbatim'];
  for (const style of styles) {
    const formatted = layoutTokens(text, tokens, indent, style);
    const reparsed = parseSpl(formatted);
    if (
      !reparsed.diagnostics.some((d) => d.severity === 'error') &&
      sameSyntax(original, reparsed)
    ) {
      return { text: formatted, changed: formatted !== text };
    }
  }
  return {
    error: 'Formatting would change how this search parses, so it was left as written.',
  };
}
