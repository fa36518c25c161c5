import { macroDiagnostics, scanMacroText, type EvalOutcome, type MacroIndex } from '../macros';
import { parseSpl, type Pipeline } from '../syntax';
import { detectionFilterMacroName } from '../syntax/documents';
import type { Diagnostic } from '../text/diagnostic';
import { LineIndex } from '../text/lineIndex';
import { ctimeFieldRule, filterMacroRules } from './detectionRules';
import { unknownFunctionRule } from './functionRule';
import { applySeverities, type SeverityOverrides } from './rules';
import { fourBackticks, macrosInQuotes } from './textRules';

export interface LintContext {
  readonly index: MacroIndex;
  /** The detection's file name (`x.yml`): enables the `<name>_filter` convention checks. */
  readonly detectionFileName?: string;
  readonly severities?: SeverityOverrides;
  /** Lets iseval macros and validations be checked (see ExpandOptions). */
  readonly evaluateEval?: (expression: string) => EvalOutcome;
  /** `text` already parsed by the caller, so that it is not parsed twice. */
  readonly pipeline?: Pipeline;
}

/**
 * The macro rules for a search as the user wrote it: what expansion reports (undefined macros,
 * arity, named arguments, cycles, limits), calls inside quotes, backtick runs, and, for a
 * detection, security_content's filter and ctime conventions; and calls to unknown eval or stats
 * functions. Ranges are in `text`.
 */
export function lintSpl(text: string, context: LintContext): Diagnostic[] {
  const { index, detectionFileName } = context;
  const lines = new LineIndex(text);
  const tokens = scanMacroText(text);
  const filterName =
    detectionFileName === undefined
      ? undefined
      : detectionFilterMacroName(detectionFileName.replace(/^.*[\\/]/, ''));
  const expansionDiagnostics = macroDiagnostics(text, index, {
    ...(filterName ? { implicitFilterMacros: [filterName] } : {}),
    ...(context.evaluateEval ? { evaluateEval: context.evaluateEval } : {}),
  });
  const pipeline = context.pipeline ?? parseSpl(text).pipeline;
  const diagnostics: Diagnostic[] = [
    ...expansionDiagnostics,
    ...macrosInQuotes(text, tokens, index, lines),
    ...fourBackticks(text, tokens, lines),
    ...(filterName ? filterMacroRules(text, tokens, pipeline, filterName, lines) : []),
    ...ctimeFieldRule(text, pipeline, index, lines),
    ...unknownFunctionRule(text, pipeline, lines),
  ];
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return applySeverities(diagnostics, context.severities);
}
