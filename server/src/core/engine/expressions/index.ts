/** The evaluator's expression library: eval/where, search matching, subsearch text, convert. */
export type { EvalContext } from './context';
export { evaluate, isTruthy } from './evaluate';
export { checkEvalExpression, checkSearchExpression } from './check';
export { compileEvalText } from './compileText';
export { matchesSearch } from './search';
export { searchLiterals, type SearchLiteralOptions } from './literals';
export {
  subsearchToSearchText,
  EMPTY_SUBSEARCH_TEXT,
  SUBSEARCH_MAX_ROWS,
  type SubsearchFormatOptions,
} from './subsearchFormat';
export { convertFunctions, CONVERT_DEFAULT_TIMEFORMAT } from './convert';
export { implementedEvalFunctions } from './functions/registry';
