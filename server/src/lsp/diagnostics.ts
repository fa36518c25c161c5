import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintSpl } from '../core/analysis';
import type { MacroIndex } from '../core/macros';
import { parseSpl } from '../core/syntax';
import type { Diagnostic, RelatedInformation, Severity } from '../core/text/diagnostic';
import type { SourceRange } from '../core/text/range';
import { documentSpanOf, type DocumentSpl, type OffsetSpan } from './documents';
import { fileUriOf, lineColumnRange, toLspRange } from './ranges';

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Syntax and lint diagnostics of a document's SPL, in document positions. Related locations in
 * macro files keep their file ranges and get the file's URI; those in the search are mapped too.
 */
export function diagnoseDocument(
  document: TextDocument,
  source: DocumentSpl,
  index: MacroIndex,
): LspDiagnostic[] {
  const parsed = parseSpl(source.spl);
  const lint = lintSpl(source.spl, {
    index,
    ...(source.detectionFileName !== undefined
      ? { detectionFileName: source.detectionFileName }
      : {}),
  });
  const splSpan = (range: SourceRange): OffsetSpan =>
    documentSpanOf(source, range.start.offset, range.end.offset);
  const documentSpan = (range: SourceRange): OffsetSpan => ({
    start: range.start.offset,
    end: range.end.offset,
  });
  const convert =
    (spanOf: (range: SourceRange) => OffsetSpan) =>
    (diagnostic: Diagnostic): LspDiagnostic =>
      toLsp(diagnostic, toLspRange(document, spanOf(diagnostic.range)), (related) =>
        related.uri === undefined
          ? {
              message: related.message,
              location: { uri: document.uri, range: toLspRange(document, spanOf(related.range)) },
            }
          : inMacroFile(related),
      );
  const inSearch = [...parsed.diagnostics, ...lint].sort(
    (a, b) => a.range.start.offset - b.range.start.offset,
  );
  return [...source.diagnostics.map(convert(documentSpan)), ...inSearch.map(convert(splSpan))];
}

export function toLsp(
  diagnostic: Diagnostic,
  range: LspDiagnostic['range'],
  mapRelated: (related: RelatedInformation) => DiagnosticRelatedInformation,
): LspDiagnostic {
  const related = diagnostic.related ?? [];
  return {
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: 'spl',
    message: diagnostic.message,
    range,
    ...(related.length > 0 ? { relatedInformation: related.map(mapRelated) } : {}),
  };
}

/** A location in a macro file: its range is already in the file's own lines and columns. */
export function inMacroFile(related: RelatedInformation): DiagnosticRelatedInformation {
  return {
    message: related.message,
    location: { uri: fileUriOf(related.uri ?? ''), range: lineColumnRange(related.range) },
  };
}
