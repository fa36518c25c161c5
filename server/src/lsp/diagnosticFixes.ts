import type { Range } from 'vscode-languageserver';
import { unknownFunctionFix } from '../core/analysis';
import { scanMacroText, type MacroIndex, type ScannedCall } from '../core/macros';
import { allCommandNames } from '../core/syntax/catalog';
import { detectionFilterMacroName } from '../core/syntax/documents';
import type { Diagnostic } from '../core/text/diagnostic';
import { didYouMean } from '../core/text/didYouMean';
import type { OffsetSpan } from './documents';

/**
 * The edit that fixes a diagnostic, carried in the published diagnostic's `data` so that the
 * code action reads it back without recomputing the suggestion: a replacement of `range`
 * (in document positions) by `newText`.
 */
export interface DiagnosticFix {
  readonly title: string;
  readonly range: Range;
  readonly newText: string;
}

/** A fix in SPL offsets, before the caller maps it into the document. */
export interface SplFix {
  readonly title: string;
  readonly span: OffsetSpan;
  readonly newText: string;
}

/**
 * The fix for a diagnostic of the search `spl`, when its code has one: the did-you-mean name
 * for an unknown command, macro or function, the missing `_filter` call at the end of a detection.
 */
export function splFixFor(
  diagnostic: Diagnostic,
  spl: string,
  index: MacroIndex,
  detectionFileName: string | undefined,
  callsByStart: () => ReadonlyMap<number, ScannedCall> = () => macroCallsByStart(spl),
): SplFix | undefined {
  const { start, end } = diagnostic.range;
  switch (diagnostic.code) {
    case 'spl.syntax.unknown-command': {
      const word = spl.slice(start.offset, end.offset);
      const suggestion = didYouMean(word, allCommandNames());
      return suggestion === undefined
        ? undefined
        : {
            title: `Change to '${suggestion}'`,
            span: { start: start.offset, end: end.offset },
            newText: suggestion,
          };
    }
    case 'spl.macro.undefined': {
      const call = callsByStart().get(start.offset);
      if (!call) return undefined;
      const suggestion = index.closestName(call.name);
      return suggestion === undefined
        ? undefined
        : {
            title: `Change to '${suggestion}'`,
            span: { start: call.nameStart, end: call.nameEnd },
            newText: suggestion,
          };
    }
    case 'spl.function.unknown': {
      const fix = unknownFunctionFix(diagnostic, spl);
      return (
        fix && {
          title: `Change to '${fix.suggestion}'`,
          span: { start: start.offset, end: end.offset },
          newText: fix.suggestion,
        }
      );
    }
    case 'spl.detection.filterMissing': {
      if (detectionFileName === undefined) return undefined;
      const filter = detectionFilterMacroName(detectionFileName);
      return {
        title: `Add '| \`${filter}\`' at the end`,
        span: { start: start.offset, end: start.offset },
        newText: ` | \`${filter}\``,
      };
    }
    default:
      return undefined;
  }
}

/** The macro calls of a search by their opening backtick; one scan serves every diagnostic. */
export function macroCallsByStart(spl: string): Map<number, ScannedCall> {
  const calls = new Map<number, ScannedCall>();
  for (const token of scanMacroText(spl)) if (token.kind === 'call') calls.set(token.start, token);
  return calls;
}

export function isDiagnosticFix(value: unknown): value is DiagnosticFix {
  if (typeof value !== 'object' || value === null) return false;
  const fix = value as Partial<Record<keyof DiagnosticFix, unknown>>;
  return typeof fix.title === 'string' && typeof fix.newText === 'string' && isRange(fix.range);
}

function isRange(value: unknown): value is Range {
  if (typeof value !== 'object' || value === null) return false;
  const range = value as { start?: unknown; end?: unknown };
  return isPosition(range.start) && isPosition(range.end);
}

function isPosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const position = value as { line?: unknown; character?: unknown };
  return typeof position.line === 'number' && typeof position.character === 'number';
}
