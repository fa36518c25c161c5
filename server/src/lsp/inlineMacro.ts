import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { expandMacros, type MacroIndex, type ScannedCall } from '../core/macros';
import { documentSplOf, documentSpanOf, type DocumentSpl } from './documents';
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
 * The expansion written for the scalar's quoting. Line breaks become spaces inside YAML (SPL
 * reads both as whitespace); the caller checks that the file reads back as intended.
 */
function encodeFor(style: ScalarStyle, text: string): string {
  if (style === 'single') return text.replace(/'/g, "''");
  if (style === 'double') return text.replace(/[\\"]/g, '\\$&');
  return text;
}

/**
 * `refactor.inline` on a macro call: the call replaced by its full expansion, as Splunk would
 * run it. Offered in .spl files and detection searches; not when the call does not expand
 * cleanly (undefined, wrong arity, a limit), nor when a detection's YAML could not hold the
 * text as it is.
 */
export function inlineMacroAction(
  document: TextDocument,
  source: DocumentSpl,
  call: ScannedCall,
  index: MacroIndex,
): CodeAction | undefined {
  // Inside a macro definition the call may use $arg$ values only the outer call knows.
  if (source.macroDefinition) return undefined;
  const expansion = expandMacros(source.spl.slice(call.start, call.end), index);
  if (expansion.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return undefined;
  const expanded = expansion.text.trim();
  const span = documentSpanOf(source, call.start, call.end);
  const range = toLspRange(document, span);
  if (source.detectionFileName === undefined)
    return action(document.uri, call.name, range, expanded);
  const oneLine = expanded.replace(/\r?\n/g, ' ');
  const text = document.getText();
  const newText = encodeFor(scalarStyleOf(text), oneLine);
  // A YAML scalar has more rules than escaping covers (a plain scalar cannot hold ': ', a
  // leading quote changes its style, ...): offer the edit only if the file reads back right.
  const edited = text.slice(0, span.start) + newText + text.slice(span.end);
  const expected = source.spl.slice(0, call.start) + oneLine + source.spl.slice(call.end);
  const reread = documentSplOf(document.uri, document.languageId, edited);
  return reread?.spl === expected ? action(document.uri, call.name, range, newText) : undefined;
}

function action(uri: string, name: string, range: Range, newText: string): CodeAction {
  return {
    title: `Inline macro '${name}'`,
    kind: CodeActionKind.RefactorInline,
    edit: { changes: { [uri]: [{ range, newText }] } },
  };
}
