import type { Connection, Position, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MacroIndex } from '../core/macros';
import { parseSpl, type ParseResult, type Pipeline } from '../core/syntax';
import { documentSplAt, documentSplsOf, type DocumentSpl } from './documents';
import type { FieldKnowledge } from './fieldKnowledge';
import { ParseCache } from './parseCache';
import type { WorkspaceSettings } from './settings';

/** The open document at a position, the SPL that holds it, and the position as an SPL offset. */
export interface SplPosition {
  readonly document: TextDocument;
  readonly source: DocumentSpl;
  readonly offset: number;
}

/**
 * What every feature module reads: the connection, the open documents, the settings and the
 * workspace indexes. Each module registers its own handlers with it, so main.ts only wires.
 */
export class ServerContext {
  readonly parses = new ParseCache();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: WorkspaceSettings,
    private readonly macroIndex: () => MacroIndex,
    private readonly fieldKnowledge: () => FieldKnowledge,
  ) {}

  get macros(): MacroIndex {
    return this.macroIndex();
  }

  get fields(): FieldKnowledge {
    return this.fieldKnowledge();
  }

  /** Every piece of SPL an open document holds (see documentSplsOf). */
  splsOf(document: TextDocument): DocumentSpl[] {
    return documentSplsOf(document.uri, document.languageId, document.getText());
  }

  /** The one search of a .spl file or detection; macro files hold several and give undefined. */
  splOf(document: TextDocument): DocumentSpl | undefined {
    const sources = this.splsOf(document);
    return sources.length === 1 && !sources[0]?.macroDefinition ? sources[0] : undefined;
  }

  splAt(uri: string, position: Position): SplPosition | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const found = documentSplAt(this.splsOf(document), document.offsetAt(position));
    return found && { document, ...found };
  }

  /** The parse of a search of an open document, shared by the features asking about one version. */
  parse(uri: string, spl: string): ParseResult {
    return this.parses.parse(uri, spl);
  }

  /** The syntax tree of one SPL piece; macro definitions (several per file) are not cached. */
  pipelineOf(document: TextDocument, source: DocumentSpl): Pipeline {
    return source.macroDefinition
      ? parseSpl(source.spl).pipeline
      : this.parse(document.uri, source.spl).pipeline;
  }
}
