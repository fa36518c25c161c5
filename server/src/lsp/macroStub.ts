import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { MacroIndex, ScannedCall } from '../core/macros';
import { fileUriOf } from './ranges';

/** Where a new macro goes, following the layout the workspace already uses. */
export type StubTarget =
  | { readonly kind: 'yaml'; readonly path: string }
  | { readonly kind: 'conf'; readonly path: string };

/**
 * A security_content workspace keeps one YAML file per macro in a `macros/` folder; a Splunk app
 * keeps stanzas in `macros.conf` (`local/` is where users add their own). Without either, the
 * stub starts a `macros/` folder in the first workspace folder.
 */
export function stubTarget(
  name: string,
  index: MacroIndex,
  folders: readonly string[],
): StubTarget | undefined {
  const files = [...new Set(index.all().map((definition) => definition.file))];
  const yamlFolder = files.find((file) => /\.ya?ml$/i.test(file));
  if (yamlFolder !== undefined) return yamlStub(dirname(yamlFolder), name);
  const confs = files.filter((file) => basename(file) === 'macros.conf');
  const conf = confs.find((file) => /[\\/]local[\\/]/.test(file)) ?? confs[0];
  if (conf !== undefined) return { kind: 'conf', path: conf };
  const folder = folders[0];
  return folder === undefined ? undefined : yamlStub(join(folder, 'macros'), name);
}

function yamlStub(folder: string, name: string): StubTarget | undefined {
  const path = join(folder, `${name}.yml`);
  return existsSync(path) ? undefined : { kind: 'yaml', path };
}

/** Argument names for the stub: the call's own `key=value` names, else arg1..argN. */
function argumentNames(call: ScannedCall): string[] {
  return call.args.map((arg, i) => arg.key ?? `arg${i + 1}`);
}

/**
 * An edit that defines the called macro with a definition that matches every event (`search *`,
 * what security_content generates for a detection's filter), for the user to fill in.
 */
export function macroStubEdit(
  call: ScannedCall,
  target: StubTarget,
  endOfFile: (path: string) => { line: number; character: number },
): WorkspaceEdit {
  const args = argumentNames(call);
  const uri = fileUriOf(target.path);
  if (target.kind === 'yaml') {
    const lines = [
      `name: ${call.name}`,
      ...(args.length > 0 ? ['arguments:', ...args.map((arg) => `  - ${arg}`)] : []),
      "definition: 'search *'",
      `description: Called as \`${call.name}\`; replace 'search *' with what it should add to a search.`,
    ];
    const insert: TextDocumentEdit = {
      textDocument: { uri, version: null },
      edits: [{ range: emptyRangeAt({ line: 0, character: 0 }), newText: `${lines.join('\n')}\n` }],
    };
    return { documentChanges: [{ kind: 'create', uri }, insert] };
  }
  const header = args.length > 0 ? `${call.name}(${args.length})` : call.name;
  const stanza = [
    '',
    `[${header}]`,
    ...(args.length > 0 ? [`args = ${args.join(', ')}`] : []),
    'definition = search *',
    '',
  ].join('\n');
  const end = endOfFile(target.path);
  return {
    documentChanges: [
      {
        textDocument: { uri, version: null },
        edits: [{ range: emptyRangeAt(end), newText: stanza }],
      },
    ],
  };
}

function emptyRangeAt(position: { line: number; character: number }) {
  return { start: position, end: position };
}
