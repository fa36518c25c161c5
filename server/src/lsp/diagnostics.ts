import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applySeverities, lintSpl, type SeverityOverrides } from '../core/analysis';
import type { MacroIndex, ScannedCall } from '../core/macros';
import { parseSpl, type ParseResult } from '../core/syntax';
import type { Diagnostic, RelatedInformation, Severity } from '../core/text/diagnostic';
import type { SourceRange } from '../core/text/range';
import { macroCallsByStart, splFixFor, type DiagnosticFix } from './diagnosticFixes';
import { documentSpanOf, type DocumentSpl, type OffsetSpan } from './documents';
import { fileUriOf, lineColumnRange, toLspRange } from './ranges';

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnoseOptions {
  /** Configured severities (`spl.rules`): code -> severity or 'off'. */
  readonly rules?: SeverityOverrides;
  /** Parses the SPL; a cache lets other features reuse the parse of the same text. */
  readonly parse?: (spl: string) => ParseResult;
}

/**
 * Syntax and lint diagnostics of a document's SPL, in document positions, with the configured
 * severities (`spl.rules`). Related locations in macro files keep their file ranges and get the
 * file's URI; those in the search are mapped too. A diagnostic with a fix carries it in `data`.
 */
export function diagnoseDocument(
  document: TextDocument,
  source: DocumentSpl,
  index: MacroIndex,
  options: DiagnoseOptions = {},
): LspDiagnostic[] {
  const rules = options.rules ?? {};
  const parsed = (options.parse ?? parseSpl)(source.spl);
  const lint = source.macroDefinition
    ? []
    : lintSpl(source.spl, {
        index,
        // One parse serves the syntax diagnostics and the lint rules.
        pipeline: parsed.pipeline,
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
  const inSearch = applySeverities([...parsed.diagnostics, ...lint], rules).sort(
    (a, b) => a.range.start.offset - b.range.start.offset,
  );
  let calls: Map<number, ScannedCall> | undefined;
  const callsByStart = () => (calls ??= macroCallsByStart(source.spl));
  const withFix = (diagnostic: Diagnostic): LspDiagnostic => {
    const converted = convert(splSpan)(diagnostic);
    const fix = splFixFor(diagnostic, source.spl, index, source.detectionFileName, callsByStart);
    if (!fix) return converted;
    const data: DiagnosticFix = {
      title: fix.title,
      newText: fix.newText,
      range: toLspRange(document, documentSpanOf(source, fix.span.start, fix.span.end)),
    };
    return { ...converted, data };
  };
  return [
    ...applySeverities(source.diagnostics, rules).map(convert(documentSpan)),
    ...inSearch.map(withFix),
  ];
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
