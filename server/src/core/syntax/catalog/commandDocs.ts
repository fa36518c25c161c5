import type { CommandName } from './commandFacts';
import { analyticsCommandDocs } from './commandDocsAnalytics';
import { combineCommandDocs } from './commandDocsCombine';
import { evalCommandDocs } from './commandDocsEval';
import { extractCommandDocs } from './commandDocsExtract';
import { filterCommandDocs } from './commandDocsFilter';
import { generatingCommandDocs } from './commandDocsGenerating';
import { internalCommandDocs } from './commandDocsInternal';
import { outputCommandDocs } from './commandDocsOutput';
import { statsCommandDocs } from './commandDocsStats';
import type { CommandDoc } from './types';

/** Typed as a full record, so a command without prose fails the type check. */
export const commandDocs: Readonly<Record<CommandName, CommandDoc>> = {
  ...filterCommandDocs,
  ...evalCommandDocs,
  ...extractCommandDocs,
  ...statsCommandDocs,
  ...combineCommandDocs,
  ...generatingCommandDocs,
  ...outputCommandDocs,
  ...analyticsCommandDocs,
  ...internalCommandDocs,
};
