import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSpl } from './documents';

/** An open document and its search, when it has one to run. */
export function searchToRun(
  documents: TextDocuments<TextDocument>,
  sourceOf: (document: TextDocument) => DocumentSpl | undefined,
  uri: string,
): { document: TextDocument; source: DocumentSpl } | undefined {
  const document = documents.get(uri);
  const source = document && sourceOf(document);
  return document && source && source.spl.trim() !== '' ? { document, source } : undefined;
}

/** The run in progress of each document: a new run of a document stops the one before it. */
export class DocumentRuns {
  private readonly running = new Map<string, AbortController>();

  /** Starts a run of `uri`, which also stops when the request is cancelled. */
  start(uri: string, token: CancellationToken): AbortController {
    this.stop(uri);
    const controller = new AbortController();
    this.running.set(uri, controller);
    token.onCancellationRequested(() => controller.abort());
    return controller;
  }

  finish(uri: string, controller: AbortController): void {
    if (this.running.get(uri) === controller) this.running.delete(uri);
  }

  stop(uri: string): void {
    this.running.get(uri)?.abort();
  }
}
