import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSpl } from '../core/format';
import { formatDetectionSearch } from '../core/format/detectionSearch';

const splExtensions = /\.(spl|splunk)$/i;
const yamlExtensions = /\.ya?ml$/i;

export type DocumentFormatting =
  | { readonly edits: TextEdit[] }
  /** Why the document was left alone (a syntax error, a YAML error, YAML without a search). */
  | { readonly edits: []; readonly reason: string };

/**
 * The edits that format a document: a .spl file is replaced whole; a detection YAML gets one
 * edit replacing its `search:` scalar with a `|-` block, kept only when the YAML reads back as
 * exactly the formatted search with every other key unchanged (formatDetectionSearch).
 */
export function formatDocument(document: TextDocument, indent: string): DocumentFormatting {
  if (document.languageId === 'yaml' || yamlExtensions.test(document.uri)) {
    return formatDetectionDocument(document, indent);
  }
  if (document.languageId !== 'spl' && !splExtensions.test(document.uri)) {
    return { edits: [], reason: 'Only .spl documents and detection YAML are formatted.' };
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

function formatDetectionDocument(document: TextDocument, indent: string): DocumentFormatting {
  const result = formatDetectionSearch(document.getText(), { indent });
  if ('error' in result) return { edits: [], reason: result.error };
  if (!result.changed) return { edits: [] };
  const { start, end, newText } = result.edit;
  return {
    edits: [
      { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText },
    ],
  };
}
