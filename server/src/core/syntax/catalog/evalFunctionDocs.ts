import type { EvalFunctionName } from './evalFunctionFacts';
import { logicFunctionDocs } from './evalFunctionDocsLogic';
import { mathFunctionDocs } from './evalFunctionDocsMath';
import { multivalueFunctionDocs } from './evalFunctionDocsMulti';
import { textFunctionDocs } from './evalFunctionDocsText';
import type { FunctionDoc } from './types';

/** Typed as a full record, so a function without prose fails the type check. */
export const evalFunctionDocs: Readonly<Record<EvalFunctionName, FunctionDoc>> = {
  ...mathFunctionDocs,
  ...logicFunctionDocs,
  ...textFunctionDocs,
  ...multivalueFunctionDocs,
};
