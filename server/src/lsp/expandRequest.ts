import { expandMacros, type MacroIndex } from '../core/macros';
import { detectionFilterMacroName } from '../core/syntax/documents';
import type { ExpandMacrosResult } from '../protocol/expandMacros';
import type { DocumentSpl } from './documents';

export function expandDocument(source: DocumentSpl, index: MacroIndex): ExpandMacrosResult {
  // security_content generates each detection's filter macro at build time (`search *`).
  const implicitFilterMacros =
    source.detectionFileName === undefined
      ? []
      : [detectionFilterMacroName(source.detectionFileName)];
  return { text: expandMacros(source.spl, index, { implicitFilterMacros }).text };
}
