/** The dedicated grammars by canonical command name; every other command is generic. */
import type { Command, SearchCommand } from '../ast';
import type { TokenCursor } from '../cursor';
import { parseSearchExpr } from '../searchExpression';
import { stageRange, type StageStart } from './args';
import { parseEval, parseHeadTail, parseWhere } from './evalCommands';
import { parseDedup, parseFieldListCommand, parseRename, parseSort } from './fieldCommands';
import {
  parseInputlookup,
  parseLookup,
  parseOutputlookup,
  parseSubpipelineCommand,
} from './lookupCommands';
import { parseFormat, parseReturn, parseSpath, parseTopRare } from './resultCommands';
import { parseStats, parseTstats } from './stats';
import {
  parseBin,
  parseConvert,
  parseFillnull,
  parseIplocation,
  parseMakemv,
  parseMvexpand,
  parseRex,
} from './valueCommands';

export { parseGenericCommand } from './generic';
export type { StageStart } from './args';

/** A grammar returns undefined when a required part is missing (already reported): the stage is then read generically. */
export type CommandGrammar = (cursor: TokenCursor, stage: StageStart) => Command | undefined;

function parseExplicitSearch(cursor: TokenCursor, stage: StageStart): SearchCommand {
  const expression = parseSearchExpr(cursor);
  return {
    kind: 'command',
    name: 'search',
    implicit: false,
    nameRange: stage.nameRange,
    options: [],
    ...(expression && { expression }),
    range: stageRange(cursor, stage),
  };
}

export const commandGrammars: Readonly<Record<string, CommandGrammar>> = {
  search: parseExplicitSearch,
  where: parseWhere,
  eval: parseEval,
  fieldformat: parseEval,
  stats: parseStats,
  eventstats: parseStats,
  streamstats: parseStats,
  chart: parseStats,
  timechart: parseStats,
  tstats: parseTstats,
  table: parseFieldListCommand,
  fields: parseFieldListCommand,
  rename: parseRename,
  sort: parseSort,
  dedup: parseDedup,
  head: parseHeadTail,
  tail: parseHeadTail,
  rex: parseRex,
  convert: parseConvert,
  fillnull: parseFillnull,
  lookup: parseLookup,
  inputlookup: parseInputlookup,
  outputlookup: parseOutputlookup,
  makemv: parseMakemv,
  mvexpand: parseMvexpand,
  bin: parseBin,
  top: parseTopRare,
  rare: parseTopRare,
  join: parseSubpipelineCommand,
  append: parseSubpipelineCommand,
  appendpipe: parseSubpipelineCommand,
  appendcols: parseSubpipelineCommand,
  union: parseSubpipelineCommand,
  spath: parseSpath,
  return: parseReturn,
  format: parseFormat,
  iplocation: parseIplocation,
};
