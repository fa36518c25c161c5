import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseSpl } from '../core/syntax';
import { tokenize } from '../core/syntax/lexer';
import { documentSpanOf, type DocumentSpl } from './documents';

/** Folds for subsearches, comments and stages that span more than one line of the document. */
export function foldingRanges(document: TextDocument, source: DocumentSpl): FoldingRange[] {
  const folds: FoldingRange[] = [];
  const fold = (start: number, end: number, kind?: FoldingRangeKind) => {
    const span = documentSpanOf(source, start, end);
    const startLine = document.positionAt(span.start).line;
    const endLine = document.positionAt(span.end).line;
    if (endLine > startLine) folds.push({ startLine, endLine, ...(kind && { kind }) });
  };
  const open: number[] = [];
  for (const token of tokenize(source.spl)) {
    if (token.kind === 'comment') fold(token.start, token.end, FoldingRangeKind.Comment);
    else if (token.kind === 'lbracket') open.push(token.start);
    else if (token.kind === 'rbracket') {
      const start = open.pop();
      if (start !== undefined) fold(start, token.end);
    }
  }
  for (const stage of parseSpl(source.spl).pipeline.stages) {
    fold(stage.range.start.offset, stage.range.end.offset);
  }
  // An editor keeps one fold per start line, so the longest fold starting on a line is sent.
  const byStartLine = new Map<number, FoldingRange>();
  for (const range of folds) {
    const kept = byStartLine.get(range.startLine);
    if (!kept || kept.endLine < range.endLine) byStartLine.set(range.startLine, range);
  }
  return [...byStartLine.values()].sort((a, b) => a.startLine - b.startLine);
}
