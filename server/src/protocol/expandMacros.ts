/**
 * `spl/expandMacros`: what Splunk Web's Ctrl/Cmd+Shift+E shows, for an open document. Shared by
 * the server and the client; it imports only the LSP protocol package.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface ExpandMacrosParams {
  readonly uri: string;
}

export interface ExpandMacrosResult {
  /** The search with every macro expanded, as Splunk runs it. */
  readonly text: string;
}

export const expandMacrosRequest = new RequestType<ExpandMacrosParams, ExpandMacrosResult, void>(
  'spl/expandMacros',
);
