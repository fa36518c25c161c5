import { readFileSync } from 'node:fs';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Position,
} from 'vscode-languageserver';
import { macroCallAt } from './definition';
import { isDiagnosticFix } from './diagnosticFixes';
import { inlineMacroAction } from './inlineMacro';
import { macroStubEdit, stubTarget } from './macroStub';
import { fileUriOf } from './ranges';
import type { ServerContext } from './serverContext';

export const codeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.RefactorInline];

/**
 * Quick fixes for the diagnostics in the request (the fix each one carries in `data`, and a
 * definition stub for an undefined macro), and inlining the macro call under the cursor.
 */
export function codeActionsFor(params: CodeActionParams, context: ServerContext): CodeAction[] {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return [];
  const wants = (kind: string) =>
    params.context.only === undefined ||
    params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (isDiagnosticFix(diagnostic.data)) {
        const { title, range, newText } = diagnostic.data;
        actions.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [document.uri]: [{ range, newText }] } },
        });
      }
      if (diagnostic.code === 'spl.macro.undefined') {
        const stub = stubAction(document.uri, diagnostic.range.start, context);
        if (stub) actions.push({ ...stub, diagnostics: [diagnostic] });
      }
    }
  }
  if (wants(CodeActionKind.RefactorInline)) {
    const at = context.splAt(document.uri, params.range.start);
    const call = at && macroCallAt(at.source.spl, at.offset);
    const inline = at && call && inlineMacroAction(document, at.source, call, context.macros);
    if (inline) actions.push(inline);
  }
  return actions;
}

function stubAction(
  uri: string,
  position: Position,
  context: ServerContext,
): CodeAction | undefined {
  const at = context.splAt(uri, position);
  const call = at && macroCallAt(at.source.spl, at.offset);
  if (!call) return undefined;
  const target = stubTarget(call.name, context.macros, context.settings.folders);
  if (!target) return undefined;
  const endOfFile = (path: string) => {
    const open = context.documents.get(fileUriOf(path));
    const text = open?.getText() ?? readOrEmpty(path);
    const lines = text.split('\n');
    return { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
  };
  const where = target.kind === 'yaml' ? 'a new macro file' : target.path.replace(/^.*[\\/]/, '');
  return {
    title: `Define macro '${call.name}' in ${where}`,
    kind: CodeActionKind.QuickFix,
    edit: macroStubEdit(call, target, endOfFile),
  };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // A macros.conf deleted since the index was built: the stanza starts a new file.
    return '';
  }
}

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params) => codeActionsFor(params, context));
}
