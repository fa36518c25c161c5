import { parseSearchExpression, type CommandOption, type GenericCommand } from '../../syntax';
import {
  checkSearchExpression,
  compileEvalText,
  evaluate,
  isTruthy,
  matchesSearch,
  type EvalContext,
} from '../expressions';
import {
  findOption,
  optionBoolean,
  optionNumber,
  optionText,
  reportUnsupportedOptions,
} from '../plan/options';
import { engineDiagnostic, type PlanningContext } from '../plan/types';
import type { Row } from '../value';
import { parseSpan } from './bin';

/** Tests one event against a startswith/endswith filter. */
export type EventFilter = (row: Row, ctx: EvalContext) => boolean;

export interface TransactionOptions {
  readonly fields: readonly string[];
  /** Seconds; undefined for no limit. */
  readonly maxspan: number | undefined;
  readonly maxpause: number | undefined;
  readonly maxevents: number;
  readonly connected: boolean;
  readonly keepevicted: boolean;
  readonly startswith: EventFilter | undefined;
  readonly endswith: EventFilter | undefined;
}

const SUPPORTED = [
  'maxspan',
  'maxpause',
  'maxevents',
  'startswith',
  'endswith',
  'connected',
  'keepevicted',
];

/**
 * Search Reference, transaction (help.splunk.com spl-search-reference/10.0/search-commands/
 * transaction): maxspan and maxpause default to no limit (-1), maxevents to 1000, connected to
 * true, keepevicted to false.
 */
const DEFAULT_MAXEVENTS = 1000;

/** The options of `transaction`, or undefined when one is invalid (reported). */
export function transactionOptions(
  command: GenericCommand,
  planning: PlanningContext,
): TransactionOptions | undefined {
  reportUnsupportedOptions(command, SUPPORTED, planning);
  const errorsBefore = planning.diagnostics.length;
  const fields = command.args.flatMap((arg) => (arg.kind === 'literal' ? [arg.value] : []));
  const maxevents = optionNumber(command, 'maxevents', planning);
  if (maxevents !== undefined && (maxevents < 1 || !Number.isInteger(maxevents))) {
    invalid(
      command,
      'maxevents',
      'maxevents= takes a whole number of events, 1 or more.',
      planning,
    );
  }
  const options: TransactionOptions = {
    fields,
    maxspan: timeLimit(command, 'maxspan', planning),
    maxpause: timeLimit(command, 'maxpause', planning),
    maxevents: maxevents ?? DEFAULT_MAXEVENTS,
    connected: optionBoolean(command, 'connected', planning) ?? true,
    keepevicted: optionBoolean(command, 'keepevicted', planning) ?? false,
    startswith: eventFilter(findOption(command, 'startswith'), planning),
    endswith: eventFilter(findOption(command, 'endswith'), planning),
  };
  const failed = planning.diagnostics
    .slice(errorsBefore)
    .some((diagnostic) => diagnostic.severity === 'error');
  return failed ? undefined : options;
}

function invalid(
  command: GenericCommand,
  name: string,
  message: string,
  planning: PlanningContext,
): void {
  const option = findOption(command, name);
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.invalid-option',
      message,
      option?.value.range ?? command.range,
    ),
  );
}

/** A time span such as `2m` or `30` (seconds); -1 means no limit. */
function timeLimit(
  command: GenericCommand,
  name: string,
  planning: PlanningContext,
): number | undefined {
  const text = optionText(command, name);
  if (text === undefined || text.trim() === '-1') return undefined;
  const span = parseSpan(text);
  if (span) return span.size;
  invalid(
    command,
    name,
    `${name}= takes a time span such as 30s, 5m, 2h or 1d (or -1 for no limit), not '${text}'.`,
    planning,
  );
  return undefined;
}

/**
 * startswith/endswith hold a search expression, in parentheses or quotes, or `eval(<expr>)`
 * (Search Reference, transaction: "startswith", "endswith"). The generic grammar keeps the value
 * as text, so it is parsed here; its problems are reported at the option's value.
 */
function eventFilter(
  option: CommandOption | undefined,
  planning: PlanningContext,
): EventFilter | undefined {
  if (!option || option.value.kind !== 'literal') return undefined;
  const text = option.value.value.trim();
  const report = (problem: string) =>
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.invalid-option',
        `${option.name}= must be a search in parentheses or quotes, or eval(<expression>): ${problem}.`,
        option.value.range,
      ),
    );
  const evalBody = /^eval\s*\(([\s\S]*)\)$/i.exec(text)?.[1];
  if (evalBody !== undefined) {
    const compiled = compileEvalText(evalBody);
    if ('error' in compiled) {
      report(compiled.error);
      return undefined;
    }
    return (row, ctx) => isTruthy(evaluate(compiled.expression, row, ctx));
  }
  const parsed = parseSearchExpression(text);
  const problem = [
    ...parsed.diagnostics,
    ...(parsed.expression ? checkSearchExpression(parsed.expression) : []),
  ].find((d) => d.severity === 'error');
  const expression = parsed.expression;
  if (!expression || problem) {
    report(problem?.message ?? 'it is empty');
    return undefined;
  }
  return (row, ctx) => matchesSearch(expression, row, ctx);
}
