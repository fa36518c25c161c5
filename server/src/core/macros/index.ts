/** Splunk search macros: reading definitions, the macro index, and expansion with a source map. */
export type {
  EvalOutcome,
  ExpandOptions,
  ExpansionLimits,
  FileDiagnostic,
  MacroCallSite,
  MacroDefinition,
} from './types';
export { defaultExpansionLimits } from './types';
export { MacroIndex, buildMacroIndex, type MacroFileText } from './macroIndex';
export { loadMacroFiles, maxMacroFiles } from './loadFiles';
export { expandMacros, macroDiagnostics, type ExpansionResult } from './expand';
export { conventionalFilterMacro } from './callChecks';
export { SourceMap, type OriginalLocation } from './sourceMap';
export {
  scanMacroText,
  type ScannedArgument,
  type ScannedCall,
  type ScannedComment,
  type ScannedString,
  type ScannedToken,
} from './scanner';
