import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSpl } from '../core/format';

const splExtensions = /\.(spl|splunk)$/i;

export type DocumentFormatting =
  | { readonly edits: TextEdit[] }
  /** Why the document was left alone (a syntax error, or a YAML document). */
  | { readonly edits: []; readonly reason: string };

/**
 * The whole-document edit that formats a .spl file. A detection YAML gets no edits: its search
 * sits in a YAML scalar whose quoting and folding decide what line breaks and indentation mean,
 * so re-flowing the SPL inside it could change the search or break the YAML.
 */
export function formatDocument(document: TextDocument, indent: string): DocumentFormatting {
  if (document.languageId !== 'spl' && !splExtensions.test(document.uri)) {
    return {
      edits: [],
      reason: 'Only .spl documents are formatted; YAML searches are left as written.',
    };
  }
  const text = document.getText();
  const result = formatSpl(text, { indent });
  if ('error' in result) return { edits: [], reason: result.error };
  // The file keeps its final newline; formatSpl trims the search itself.
  const formatted = /\n$/.test(text) ? `${result.text}\n` : result.text;
  if (formatted === text) return { edits: [] };
  return {
    edits: [
      {
        range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) },
        newText: formatted,
      },
    ],
  };
}
