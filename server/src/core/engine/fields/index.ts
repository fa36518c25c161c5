export { loadFieldConfig, type FieldConfigOptions } from './loadFieldConfig';
export { FieldExtractor } from './extractor';
export type { FileDiagnostic } from './confFile';
export type { CompileEval, EvalProgram } from './propsSteps';
export { findResourcesDir } from './resources';
export { evalCompiler } from './evalCompiler';
