import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseSpl, type Stage } from '../core/syntax';
import { readDetectionYaml } from '../core/syntax/documents';
import { documentSpanOf, type DocumentSpl } from './documents';
import { toLspRange } from './ranges';

/** Long enough to tell stages apart in an outline, short enough for one outline row. */
const detailLength = 60;

/**
 * The outline of a document: one symbol per stage of its search. A detection YAML gets the
 * detection (its `name:`) as the parent, so the outline reads like the file.
 */
export function documentSymbols(document: TextDocument, source: DocumentSpl): DocumentSymbol[] {
  const { pipeline } = parseSpl(source.spl);
  const stages = pipeline.stages.map((stage) => stageSymbol(document, source, stage));
  if (source.detectionFileName === undefined) return stages;
  const detectionName = readDetectionYaml(document.getText()).name ?? source.detectionFileName;
  const whole = toLspRange(document, { start: 0, end: document.getText().length });
  const search = toLspRange(
    document,
    documentSpanOf(source, pipeline.range.start.offset, pipeline.range.end.offset),
  );
  return [
    {
      name: detectionName,
      detail: 'detection',
      kind: SymbolKind.Module,
      range: whole,
      selectionRange: search,
      children: stages,
    },
  ];
}

function stageSymbol(document: TextDocument, source: DocumentSpl, stage: Stage): DocumentSymbol {
  const rangeOf = (start: number, end: number) =>
    toLspRange(document, documentSpanOf(source, start, end));
  const range = rangeOf(stage.range.start.offset, stage.range.end.offset);
  const name = stage.kind === 'command' ? stage.name : `\`${stage.macro.name}\``;
  const nameRange = stage.kind === 'command' ? stage.nameRange : stage.macro.nameRange;
  return {
    name,
    detail: shortened(source.spl.slice(stage.range.start.offset, stage.range.end.offset)),
    kind: stage.kind === 'command' ? SymbolKind.Function : SymbolKind.Constant,
    range,
    selectionRange: nameRange ? rangeOf(nameRange.start.offset, nameRange.end.offset) : range,
  };
}

function shortened(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= detailLength
    ? oneLine
    : `${oneLine.slice(0, detailLength - 1).trimEnd()}…`;
}
