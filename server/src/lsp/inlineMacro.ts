import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { expandMacros, type MacroIndex, type ScannedCall } from '../core/macros';
import { documentSpanOf, type DocumentSpl } from './documents';
import { toLspRange } from './ranges';

/** How the `search:` value of a detection is quoted decides how inlined text must be escaped. */
type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

function scalarStyleOf(yamlText: string): ScalarStyle {
  const first = /^search[ \t]*:[ \t]*(\S)/m.exec(yamlText)?.[1];
  if (first === "'") return 'single';
  if (first === '"') return 'double';
  return first === '|' || first === '>' ? 'block' : 'plain';
}

/**
 * The expansion written so that the document reads it back as the same SPL. Line breaks become
 * spaces inside YAML (SPL reads both as whitespace); a plain scalar cannot hold ': ' or ' #'.
 */
function encodeFor(style: ScalarStyle | undefined, text: string): string | undefined {
  if (style === undefined) return text;
  const oneLine = text.replace(/\r?\n/g, ' ');
  switch (style) {
    case 'single':
      return oneLine.replace(/'/g, "''");
    case 'double':
      return oneLine.replace(/[\\"]/g, '\\$&');
    case 'block':
      return oneLine;
    case 'plain':
      return /: | #/.test(oneLine) ? undefined : oneLine;
  }
}

/**
 * `refactor.inline` on a macro call: the call replaced by its full expansion, as Splunk would
 * run it. Not offered when the call does not expand cleanly (undefined, wrong arity, a limit).
 */
export function inlineMacroAction(
  document: TextDocument,
  source: DocumentSpl,
  call: ScannedCall,
  index: MacroIndex,
): CodeAction | undefined {
  const expansion = expandMacros(source.spl.slice(call.start, call.end), index);
  if (expansion.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return undefined;
  const style =
    source.detectionFileName === undefined ? undefined : scalarStyleOf(document.getText());
  const newText = encodeFor(style, expansion.text.trim());
  if (newText === undefined) return undefined;
  const range = toLspRange(document, documentSpanOf(source, call.start, call.end));
  return {
    title: `Inline macro '${call.name}'`,
    kind: CodeActionKind.RefactorInline,
    edit: { changes: { [document.uri]: [{ range, newText }] } },
  };
}
