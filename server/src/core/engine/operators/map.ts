import { buildMacroIndex, expandMacros } from '../../macros';
import { parseSpl } from '../../syntax';
import type { GenericCommand, Pipeline } from '../../syntax/ast';
import type { Diagnostic } from '../../text/diagnostic';
import type { SourceRange } from '../../text/range';
import { macroEvaluator } from '../macroEvaluation';
import type { Plan } from '../plan/build';
import { findOption, optionNumber, reportUnsupportedOptions } from '../plan/options';
import {
  engineDiagnostic,
  type ExecutionContext,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import { scalarToString, valuesOf, type Row } from '../value';

/** Search Reference, map: maxsearches defaults to 10. */
const DEFAULT_MAX_SEARCHES = 10;
/** Search Reference, map: `$_serial_id$` is the number of the search, counting from 1. */
const SERIAL_ID = '_serial_id';
/** `$name$`: a name is any run of characters other than `$` and white space. */
const TOKEN = /\$([^$\s]+)\$/g;

/** Plans a pipeline parsed while the run executes; its problems go to `diagnostics`. */
export type PlanPipeline = (pipeline: Pipeline, text: string, diagnostics: Diagnostic[]) => Plan;

/**
 * `map search="<search>" [maxsearches=N]` (or `map [<search>]`): for each input row, up to
 * maxsearches, the search with every `$field$` replaced by the row's value runs over the run's
 * datasets; the output is the rows of those searches, one search after the other, and not the
 * input rows (Search Reference, map). Each search is expanded, parsed and planned as it runs,
 * since its text exists only then; its problems are run messages at the map command.
 */
export function mapOperator(
  command: GenericCommand,
  planning: PlanningContext,
  sourceText: string,
  planPipeline: PlanPipeline,
): Operator | undefined {
  reportUnsupportedOptions(command, ['search', 'maxsearches'], planning);
  const template = searchTemplate(command, planning, sourceText);
  const maxSearches = planMaxSearches(command, planning);
  if (template === undefined || maxSearches === undefined) return undefined;
  const runOne = (text: string, ctx: ExecutionContext) =>
    runMappedSearch(text, command.range, planning, planPipeline, ctx);
  return {
    command: 'map',
    range: command.range,
    async *run(input, ctx) {
      let searches = 0;
      let skipped = 0;
      for await (const row of input) {
        if (searches >= maxSearches) {
          skipped++;
          continue;
        }
        if (ctx.shouldStop()) break;
        searches++;
        yield* await runOne(substituteTokens(template, row, searches), ctx);
      }
      if (skipped > 0) {
        ctx.report(
          engineDiagnostic(
            'warning',
            'spl.engine.limit.map-searches',
            `map ran ${searches} searches (maxsearches=${maxSearches}) and skipped the other ` +
              `${skipped} input rows; raise maxsearches= to search them too.`,
            command.range,
          ),
        );
      }
    },
  };
}

/**
 * The search text with each `$name$` replaced by the row's value of `name` (Search Reference,
 * map, "Variable for field names"), as plain text, without quotes, as the documented example
 * `earliest=$myearliest$` needs. Unverified, and chosen: a field the row lacks leaves its token
 * as written (a search for the literal text, which matches nothing); a multivalue field gives
 * its values separated by spaces. `$$` is not special to map: Splunk's docs double it only in
 * dashboards, which turn `$$` into `$` before the search reaches map.
 */
export function substituteTokens(template: string, row: Row, serialId: number): string {
  return template.replace(TOKEN, (token, name: string) => {
    if (name === SERIAL_ID) return String(serialId);
    const values = valuesOf(row.get(name));
    return values.length === 0 ? token : values.map(scalarToString).join(' ');
  });
}

async function runMappedSearch(
  text: string,
  range: SourceRange,
  planning: PlanningContext,
  planPipeline: PlanPipeline,
  ctx: ExecutionContext,
): Promise<Row[]> {
  const report = (diagnostic: Diagnostic) =>
    ctx.report({
      ...diagnostic,
      range,
      message: `In map's search '${text}': ${diagnostic.message}`,
    });
  const expanded = expandMacros(text, planning.macroIndex ?? buildMacroIndex([]).index, {
    implicitFilterMacros: [...(planning.implicitFilterMacros ?? [])],
    evaluateEval: macroEvaluator(ctx.evalContext),
  });
  const parsed = parseSpl(expanded.text);
  const diagnostics: Diagnostic[] = [...expanded.diagnostics, ...parsed.diagnostics];
  const plan = planPipeline(parsed.pipeline, expanded.text, diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const error of errors) report(error);
    return [];
  }
  return ctx.runSubpipeline(parsed.pipeline, range, { plan, report });
}

/** `search="..."`, or the text of `[ ... ]`; a saved search's name is Splunk's only. */
function searchTemplate(
  command: GenericCommand,
  planning: PlanningContext,
  sourceText: string,
): string | undefined {
  const option = findOption(command, 'search');
  if (option) {
    if (option.value.kind === 'literal') return option.value.value;
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.invalid-option',
        'map search= takes the search as a quoted string.',
        option.value.range,
      ),
    );
    return undefined;
  }
  const subsearch = command.args.find((arg) => arg.kind === 'subsearch');
  if (subsearch?.kind === 'subsearch') {
    const { start, end } = subsearch.pipeline.range;
    return sourceText.slice(start.offset, end.offset);
  }
  const savedSearch = command.args.find((arg) => arg.kind === 'literal');
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      savedSearch ? 'spl.engine.unsupported-argument' : 'spl.engine.missing-argument',
      savedSearch
        ? 'map over a saved search needs Splunk; write the search itself: map search="...".'
        : 'map needs a search: map search="search ... $field$ ...".',
      savedSearch?.range ?? command.nameRange ?? command.range,
    ),
  );
  return undefined;
}

/** Search Reference, map: zero does not mean unlimited, so 0 runs no search. */
function planMaxSearches(command: GenericCommand, planning: PlanningContext): number | undefined {
  const option = findOption(command, 'maxsearches');
  if (!option) return DEFAULT_MAX_SEARCHES;
  const value = optionNumber(command, 'maxsearches', planning);
  if (value !== undefined && Number.isInteger(value) && value >= 0) return value;
  // optionNumber has already reported a literal that is not a number.
  if (value === undefined && option.value.kind === 'literal') return undefined;
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.invalid-option',
      'maxsearches= takes a whole number of searches, such as maxsearches=20.',
      option.value.range,
    ),
  );
  return undefined;
}
