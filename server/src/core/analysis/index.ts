/** Lint rules over SPL text and macro definitions; each rule has a stable code and a severity. */
export { lintSpl, type LintContext } from './lintSpl';
export { lintMacroDefinitions } from './definitionRules';
export { unknownFunctionFix } from './functionRule';
export {
  applySeverities,
  defaultSeverity,
  macroRuleCatalog,
  type RuleInfo,
  type RuleSeverity,
  type SeverityOverrides,
} from './rules';
