import { RequestType } from 'vscode-languageserver';
import { expandMacros, type MacroIndex } from '../core/macros';
import { detectionFilterMacroName } from '../core/syntax/documents';
import type { DocumentSpl } from './documents';

export interface ExpandMacrosParams {
  readonly uri: string;
}

export interface ExpandMacrosResult {
  /** The search with every macro expanded, as Splunk runs it. */
  readonly text: string;
}

/** `spl/expandMacros`: what Splunk Web's Ctrl/Cmd+Shift+E shows, for an open document. */
export const expandMacrosRequest = new RequestType<ExpandMacrosParams, ExpandMacrosResult, void>(
  'spl/expandMacros',
);

export function expandDocument(source: DocumentSpl, index: MacroIndex): ExpandMacrosResult {
  // security_content generates each detection's filter macro at build time (`search *`).
  const implicitFilterMacros =
    source.detectionFileName === undefined
      ? []
      : [detectionFilterMacroName(source.detectionFileName)];
  return { text: expandMacros(source.spl, index, { implicitFilterMacros }).text };
}
