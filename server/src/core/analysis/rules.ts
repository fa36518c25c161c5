import type { Diagnostic, Severity } from '../text/diagnostic';

/** A rule's severity as configured: any diagnostic severity, or 'off' to drop the rule. */
export type RuleSeverity = Severity | 'off';

export type SeverityOverrides = Readonly<Record<string, RuleSeverity>>;

export interface RuleInfo {
  /** Stable: configuration and the README's rule table refer to it. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for the README and for hovers. */
  readonly summary: string;
}

/**
 * Every code the lint rules can report, with its default severity. Codes the expander reports
 * (core/macros) are listed too so that configuration can change their severity in one place.
 */
export const macroRuleCatalog: readonly RuleInfo[] = [
  {
    code: 'spl.macro.undefined',
    defaultSeverity: 'error',
    summary: 'A called macro is not defined in any loaded file (with a did-you-mean).',
  },
  {
    code: 'spl.macro.arity',
    defaultSeverity: 'error',
    summary: 'A macro is called with a number of arguments none of its definitions takes.',
  },
  {
    code: 'spl.macro.unknownArgument',
    defaultSeverity: 'error',
    summary: 'A named argument the definition does not declare, given twice, or missing.',
  },
  {
    code: 'spl.macro.recursive',
    defaultSeverity: 'error',
    summary: 'A macro calls itself, directly or through others (the whole chain is shown).',
  },
  {
    code: 'spl.macro.inQuotes',
    defaultSeverity: 'info',
    summary: 'A macro call inside a double-quoted string, which Splunk does not expand.',
  },
  {
    code: 'spl.macro.fourBackticks',
    defaultSeverity: 'warning',
    summary: 'Four or more backticks in a row: a comment delimiter run into a macro backtick.',
  },
  {
    code: 'spl.macro.unterminated',
    defaultSeverity: 'error',
    summary: 'A backtick that opens a macro call is never closed.',
  },
  {
    code: 'spl.macro.unterminatedComment',
    defaultSeverity: 'error',
    summary: 'A ``` comment is never closed.',
  },
  {
    code: 'spl.macro.emptyCall',
    defaultSeverity: 'error',
    summary: 'Two backticks with no macro name between them.',
  },
  {
    code: 'spl.macro.malformedCall',
    defaultSeverity: 'error',
    summary: "A macro call whose argument list does not end with ')' before the closing backtick.",
  },
  {
    code: 'spl.macro.needsEvaluator',
    defaultSeverity: 'warning',
    summary: 'An iseval macro or a validation expression met without an evaluator.',
  },
  {
    code: 'spl.macro.validation',
    defaultSeverity: 'error',
    summary: "A call's arguments fail the macro's validation (its errormsg is shown).",
  },
  {
    code: 'spl.macro.evalFailed',
    defaultSeverity: 'error',
    summary: 'An iseval definition or a validation expression could not be evaluated.',
  },
  {
    code: 'spl.macro.depthLimit',
    defaultSeverity: 'error',
    summary: 'Macros nest deeper than the expansion depth limit.',
  },
  {
    code: 'spl.macro.outputLimit',
    defaultSeverity: 'error',
    summary: 'The expansion grows beyond the output size limit.',
  },
  {
    code: 'spl.macro.callLimit',
    defaultSeverity: 'error',
    summary: 'The expansion performs more macro calls than the call limit.',
  },
  {
    code: 'spl.macro.undeclaredArgument',
    defaultSeverity: 'warning',
    summary: "A definition uses $x$ but 'args' does not declare x.",
  },
  {
    code: 'spl.macro.unusedArgument',
    defaultSeverity: 'warning',
    summary: "An argument declared in 'args' that the definition never uses.",
  },
  {
    code: 'spl.detection.filterMissing',
    defaultSeverity: 'warning',
    summary: "A detection does not call its '<file name>_filter' macro.",
  },
  {
    code: 'spl.detection.filterNotLast',
    defaultSeverity: 'warning',
    summary: "A detection's filter macro is not its last stage.",
  },
  {
    code: 'spl.detection.filterNoPipe',
    defaultSeverity: 'warning',
    summary: "A detection's filter macro has no '|' before it.",
  },
  {
    code: 'spl.detection.ctimeUnknownField',
    defaultSeverity: 'warning',
    summary: 'security_content_ctime(x) on a field no earlier stage produces.',
  },
  {
    code: 'spl.function.unknown',
    defaultSeverity: 'error',
    summary:
      'A call to an eval function or aggregation that Splunk does not have (with a did-you-mean).',
  },
];

const defaults = new Map(macroRuleCatalog.map((rule) => [rule.code, rule.defaultSeverity]));

export function defaultSeverity(code: string): Severity {
  return defaults.get(code) ?? 'warning';
}

/** Applies configured severities: 'off' drops a diagnostic, anything else replaces its severity. */
export function applySeverities<T extends Diagnostic>(
  diagnostics: readonly T[],
  overrides: SeverityOverrides = {},
): T[] {
  const result: T[] = [];
  for (const diagnostic of diagnostics) {
    const configured = overrides[diagnostic.code];
    if (configured === 'off') continue;
    result.push(configured === undefined ? diagnostic : { ...diagnostic, severity: configured });
  }
  return result;
}
