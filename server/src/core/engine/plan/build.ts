import type { Command, Pipeline, SearchExpression, Stage } from '../../syntax/ast';
import { searchTerms } from '../../syntax/searchTerms';
import { addtotalsOperator } from '../operators/addtotals';
import { binOperator } from '../operators/bin';
import { convertOperator } from '../operators/convert';
import { evalOperator, whereOperator } from '../operators/eval';
import { eventstatsOperator } from '../operators/eventstats';
import { fieldListOperator, renameOperator } from '../operators/fields';
import { fillnullOperator } from '../operators/fillnull';
import { fromOperator } from '../operators/from';
import { fromjsonOperator } from '../operators/fromjson';
import { foreachOperator } from '../operators/foreach';
import { headOperator, reverseOperator, tailOperator } from '../operators/headTail';
import { inputlookupOperator, lookupOperator } from '../operators/lookup';
import { makeresultsOperator } from '../operators/makeresults';
import { mapOperator } from '../operators/map';
import { outputlookupOperator } from '../operators/outputlookup';
import { makemvOperator, mvcombineOperator, mvexpandOperator } from '../operators/multivalue';
import { regexOperator, rexOperator } from '../operators/rex';
import { replaceOperator } from '../operators/replace';
import { searchOperator } from '../operators/search';
import { spathOperator } from '../operators/spath';
import { dedupOperator, sortOperator } from '../operators/sort';
import { statsOperator } from '../operators/stats';
import { streamstatsOperator } from '../operators/streamstats';
import { joinOperator } from '../operators/join';
import { appendOperator, appendpipeOperator } from '../operators/subpipeline';
import { timechartOperator } from '../operators/timechart';
import { topRareOperator } from '../operators/topRare';
import { transactionOperator } from '../operators/transaction';
import { tstatsOperator } from '../operators/tstats';
import { xmlkvOperator } from '../operators/xmlkv';
import { engineDiagnostic, type Operator, type PlanningContext } from './types';

/** The operators of a pipeline, and of every pipeline in brackets inside it, built up front. */
export interface Plan {
  readonly operators: readonly Operator[];
  /** Plans of subsearches, so that every unsupported command is reported before anything runs. */
  readonly subplans: ReadonlyMap<Pipeline, Plan>;
}

export function buildPlan(pipeline: Pipeline, planning: PlanningContext, sourceText: string): Plan {
  const subplans = new Map<Pipeline, Plan>();
  const operators: Operator[] = [];
  for (const stage of pipeline.stages) {
    for (const nested of nestedPipelines(stage)) {
      const subplan = buildPlan(nested, planning, sourceText);
      subplans.set(nested, subplan);
      for (const [inner, plan] of subplan.subplans) subplans.set(inner, plan);
    }
    const operator = buildOperator(stage, planning, sourceText, subplans);
    if (operator) operators.push(operator);
  }
  return { operators, subplans };
}

function buildOperator(
  stage: Stage,
  planning: PlanningContext,
  sourceText: string,
  subplans: ReadonlyMap<Pipeline, Plan>,
): Operator | undefined {
  if (stage.kind === 'macroStage') {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.macro-not-expanded',
        `The macro '${stage.macro.name}' was not expanded; give the files that define it (--macros).`,
        stage.range,
      ),
    );
    return undefined;
  }
  return buildCommand(stage, planning, sourceText, subplans);
}

function buildCommand(
  command: Command,
  planning: PlanningContext,
  sourceText: string,
  subplans: ReadonlyMap<Pipeline, Plan>,
): Operator | undefined {
  if ('generic' in command) {
    switch (command.name) {
      case 'reverse':
        return reverseOperator(command);
      case 'regex':
        return regexOperator(command, planning);
      case 'mvcombine':
        return mvcombineOperator(command, planning);
      case 'makeresults':
        return makeresultsOperator(command, planning);
      case 'foreach':
        return foreachOperator(command, planning, sourceText);
      case 'xmlkv':
        return xmlkvOperator(command, planning);
      case 'fromjson':
        return fromjsonOperator(command, planning);
      case 'replace':
        return replaceOperator(command, planning);
      case 'addtotals':
        return addtotalsOperator(command, planning);
      case 'map':
        return mapOperator(command, planning, sourceText, (pipeline, text, diagnostics) =>
          buildPlan(pipeline, { ...planning, diagnostics }, text),
        );
      case 'from':
        return fromOperator(command, planning);
      case 'transaction':
        return transactionOperator(command, planning);
      default:
        // The parser has already reported a command it does not know.
        return command.known ? unsupported(command, planning) : undefined;
    }
  }
  switch (command.name) {
    case 'search':
      return searchOperator(command, planning, sourceText);
    case 'where':
      return whereOperator(command, planning);
    case 'eval':
      return evalOperator(command, planning);
    case 'stats':
      return statsOperator(command, planning);
    case 'eventstats':
      return eventstatsOperator(command, planning);
    case 'streamstats':
      return streamstatsOperator(command, planning);
    case 'table':
    case 'fields':
      return fieldListOperator(command);
    case 'rename':
      return renameOperator(command);
    case 'sort':
      return sortOperator(command);
    case 'dedup':
      return dedupOperator(command, planning);
    case 'head':
      return headOperator(command, planning);
    case 'tail':
      return tailOperator(command, planning);
    case 'rex':
      return rexOperator(command, planning);
    case 'convert':
      return convertOperator(command, planning);
    case 'fillnull':
      return fillnullOperator(command);
    case 'lookup':
      return lookupOperator(command);
    case 'inputlookup':
      return inputlookupOperator(command, planning);
    case 'makemv':
      return makemvOperator(command, planning);
    case 'mvexpand':
      return mvexpandOperator(command);
    case 'bin':
      return binOperator(command, planning);
    case 'top':
    case 'rare':
      return topRareOperator(command, planning);
    case 'append':
      return appendOperator(command, planning);
    case 'join':
      return joinOperator(command, planning);
    case 'appendpipe':
      return appendpipeOperator(command, planning, (p) => subplans.get(p)?.operators ?? []);
    case 'tstats':
      return tstatsOperator(command, planning);
    case 'spath':
      return spathOperator(command, planning);
    case 'outputlookup':
      return outputlookupOperator(command, planning);
    case 'timechart':
      return timechartOperator(command, planning);
    default:
      return unsupported(command, planning);
  }
}

function unsupported(command: Command, planning: PlanningContext): undefined {
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.unsupported-command',
      `'${command.name}' is not supported by the local evaluator; remove it or run the search in Splunk.`,
      command.nameRange ?? command.range,
    ),
  );
  return undefined;
}

/** Pipelines in brackets directly inside a stage: subsearch terms and join/append arguments. */
function nestedPipelines(stage: Stage): Pipeline[] {
  if (stage.kind !== 'command') return [];
  if ('subsearches' in stage) return stage.subsearches.map((s) => s.pipeline);
  if (stage.name === 'search' && 'expression' in stage && stage.expression) {
    return subsearchesIn(stage.expression as SearchExpression);
  }
  if (stage.name === 'tstats' && 'where' in stage && stage.where) return subsearchesIn(stage.where);
  return [];
}

function subsearchesIn(expression: SearchExpression): Pipeline[] {
  return searchTerms(expression).flatMap((term) =>
    term.kind === 'subsearch' ? [term.pipeline] : [],
  );
}
