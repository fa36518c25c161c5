import type {
  Aggregation,
  Command,
  EvalExpression,
  GenericArgument,
  Pipeline,
  SearchExpression,
} from '../syntax';
import {
  allEvalFunctions,
  allStatsFunctions,
  findEvalFunction,
  findStatsFunction,
} from '../syntax/catalog';
import type { Diagnostic } from '../text/diagnostic';
import { didYouMean } from '../text/didYouMean';
import type { LineIndex } from '../text/lineIndex';
import { defaultSeverity } from './rules';

/** Which list of functions a call is checked against. */
export type FunctionContext = 'eval' | 'stats';

export const UNKNOWN_FUNCTION = 'spl.function.unknown';

/** The message's opening words name the context, so a quick fix can recompute the suggestion. */
const messageLead: Readonly<Record<FunctionContext, string>> = {
  eval: 'unknown eval function',
  stats: 'unknown stats function',
};

/**
 * Generic-grammar commands whose top-level calls are aggregations. mstats also takes the metric
 * rates `rate_avg` and `rate_sum`, which no other command does, so they are not in the catalog.
 */
const aggregatingGenericCommands = new Set([
  'geostats',
  'mstats',
  'sistats',
  'sichart',
  'sitimechart',
  'mcatalog',
]);
const mstatsOnlyAggregations = new Set(['rate_avg', 'rate_sum']);

/**
 * Names that other languages use for an eval function, too far from it for the edit distance
 * (`length` is three edits from `len`).
 */
const evalNamesFromElsewhere: ReadonlyMap<string, string> = new Map([
  ['length', 'len'],
  ['lenght', 'len'],
  ['strlen', 'len'],
  ['substring', 'substr'],
  ['tolower', 'lower'],
  ['toupper', 'upper'],
]);

let evalCandidates: readonly string[] | undefined;
let statsCandidates: readonly string[] | undefined;

/**
 * The function a misspelt name most likely meant, in the context it was called in. None for a
 * function of the other context (`count` in eval, `len` in stats): renaming it would not help,
 * and its nearest name (`round` for `count`) would mislead.
 */
export function functionSuggestion(name: string, context: FunctionContext): string | undefined {
  const lower = name.toLowerCase();
  if (context === 'eval') {
    if (findStatsFunction(lower)) return undefined;
    evalCandidates ??= allEvalFunctions().map((f) => f.name);
    return evalNamesFromElsewhere.get(lower) ?? didYouMean(lower, evalCandidates);
  }
  if (findEvalFunction(lower)) return undefined;
  // `perc` alone is only the catalog's stand-in for the percentile spellings, never written.
  statsCandidates ??= allStatsFunctions()
    .flatMap((f) => [f.name, ...f.aliases])
    .filter((n) => n !== 'perc');
  return didYouMean(lower, statsCandidates);
}

/** What to do about an unknown name: the suggestion, or where a function of the other context goes. */
function adviceFor(name: string, context: FunctionContext): string {
  const suggestion = functionSuggestion(name, context);
  if (suggestion !== undefined) return `did you mean '${suggestion}'?`;
  if (context === 'eval' && findStatsFunction(name))
    return `'${name}' is an aggregation: compute it with stats, eventstats or streamstats and use the result here`;
  if (context === 'stats' && findEvalFunction(name))
    return `'${name}' is an eval function: compute it with eval before this command, or aggregate it inside eval(), e.g. max(eval(${name}(x)))`;
  return context === 'eval'
    ? 'check the spelling against the eval functions (completion lists them)'
    : 'check the spelling against the aggregations (completion lists them)';
}

/**
 * The context and suggestion of a `spl.function.unknown` diagnostic, read back from its message
 * lead and the name under its range (core diagnostics carry no data for fixes).
 */
export function unknownFunctionFix(
  diagnostic: Diagnostic,
  spl: string,
): { readonly name: string; readonly suggestion: string } | undefined {
  if (diagnostic.code !== UNKNOWN_FUNCTION) return undefined;
  const context = (Object.keys(messageLead) as FunctionContext[]).find((key) =>
    diagnostic.message.startsWith(messageLead[key]),
  );
  if (!context) return undefined;
  const name = spl.slice(diagnostic.range.start.offset, diagnostic.range.end.offset);
  const suggestion = functionSuggestion(name, context);
  return suggestion === undefined ? undefined : { name, suggestion };
}

/**
 * `spl.function.unknown`: a call to a function the catalog does not know, checked against the
 * eval functions in eval expressions and against the aggregations in the stats family (Splunk
 * rejects the whole search for either). Names built from `$tokens$` are left alone: they are
 * only known once the dashboard or macro fills them in.
 */
export function unknownFunctionRule(
  text: string,
  pipeline: Pipeline,
  lines: LineIndex,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (name: string, context: FunctionContext, start: number, end: number): void => {
    if (name.includes('$')) return;
    diagnostics.push({
      severity: defaultSeverity(UNKNOWN_FUNCTION),
      code: UNKNOWN_FUNCTION,
      message: `${messageLead[context]} '${name}'; ${adviceFor(name, context)}`,
      range: lines.range(start, end),
      source: 'lint',
    });
  };

  const visitEval = (expression: EvalExpression): void => {
    switch (expression.kind) {
      case 'call':
        if (!findEvalFunction(expression.name))
          report(
            expression.name,
            'eval',
            expression.nameRange.start.offset,
            expression.nameRange.end.offset,
          );
        expression.args.forEach(visitEval);
        return;
      case 'binary':
        visitEval(expression.left);
        visitEval(expression.right);
        return;
      case 'unary':
        visitEval(expression.operand);
        return;
      case 'evalIn':
        visitEval(expression.value);
        expression.list.forEach(visitEval);
        return;
      case 'like':
        visitEval(expression.value);
        visitEval(expression.pattern);
        return;
      default:
        return;
    }
  };

  const visitSearch = (expression: SearchExpression): void => {
    switch (expression.kind) {
      case 'and':
      case 'or':
        expression.operands.forEach(visitSearch);
        return;
      case 'not':
        visitSearch(expression.operand);
        return;
      case 'subsearch':
        visitPipeline(expression.pipeline);
        return;
      default:
        return;
    }
  };

  const visitAggregation = (aggregation: Aggregation): void => {
    const name = aggregation.function;
    // chart and timechart accept `eval(<expression of aggregations>)` as an aggregation.
    if (name !== 'eval' && !findStatsFunction(name))
      report(
        name,
        'stats',
        aggregation.functionRange.start.offset,
        aggregation.functionRange.end.offset,
      );
    if (aggregation.argument && aggregation.argument.kind !== 'field')
      visitEval(aggregation.argument);
  };

  const visitGenericArgument = (argument: GenericArgument, command: string): void => {
    if (argument.kind === 'evalArgument') visitEval(argument.expression);
    else if (argument.kind === 'subsearch') visitPipeline(argument.pipeline);
    else if (argument.kind === 'call' && aggregatingGenericCommands.has(command)) {
      const known =
        findStatsFunction(argument.name) !== undefined ||
        (command === 'mstats' && mstatsOnlyAggregations.has(argument.name));
      const start = argument.range.start.offset;
      const end = start + argument.name.length;
      // The generic grammar keeps no name range: only report when the name starts the call.
      const written = text.slice(start, end).toLowerCase() === argument.name;
      if (!known && written) report(argument.name, 'stats', start, end);
    }
  };

  const visitCommand = (command: Command): void => {
    if ('generic' in command) {
      if (command.known)
        for (const argument of command.args) visitGenericArgument(argument, command.name);
      return;
    }
    switch (command.name) {
      case 'search':
        if (command.expression) visitSearch(command.expression);
        return;
      case 'where':
        if (command.expression) visitEval(command.expression);
        return;
      case 'eval':
      case 'fieldformat':
        for (const assignment of command.assignments) visitEval(assignment.value);
        return;
      case 'head':
      case 'tail':
        if (command.condition) visitEval(command.condition);
        return;
      case 'stats':
      case 'eventstats':
      case 'streamstats':
      case 'chart':
      case 'timechart':
        command.aggregations.forEach(visitAggregation);
        return;
      case 'tstats':
        command.aggregations.forEach(visitAggregation);
        if (command.where) visitSearch(command.where);
        return;
      case 'inputlookup':
        if (command.where) visitSearch(command.where);
        return;
      case 'join':
      case 'append':
      case 'appendpipe':
      case 'appendcols':
      case 'union':
        for (const subsearch of command.subsearches) visitPipeline(subsearch.pipeline);
        return;
      default:
        return;
    }
  };

  const visitPipeline = (pipeline: Pipeline): void => {
    for (const stage of pipeline.stages) if (stage.kind === 'command') visitCommand(stage);
  };

  visitPipeline(pipeline);
  return diagnostics;
}
