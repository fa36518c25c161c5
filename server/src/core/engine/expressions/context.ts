import type { EvalExpression } from '../../syntax/ast';
import type { FieldValue, Row } from '../value';

/** What an evaluation needs besides the row: the clock and zone of the search. */
export interface EvalContext {
  /** The search's "now", epoch seconds; now() and relative time modifiers use it. */
  now: number;
  /** IANA zone name for strftime/strptime/relative_time; 'UTC' by default. */
  timezone: string;
  /**
   * Not a timeout the engine can enforce: JavaScript regexes cannot be interrupted. User regexes
   * are made safe up front instead (see regex/safety.ts and USER_REGEX_INPUT_LIMIT).
   */
  regexTimeoutMs?: number;
}

/** An evaluation result; undefined is Splunk's null. */
export type Value = FieldValue | undefined;

/** What a function implementation can use: the row, the context, and evaluation of arguments. */
export interface Env {
  readonly row: Row;
  readonly ctx: EvalContext;
  evaluate(expr: EvalExpression, row?: Row): Value;
}

/** One eval function: its accepted argument counts and its implementation. */
export type FunctionSpec = {
  readonly minArgs: number;
  readonly maxArgs: number;
} & (
  | {
      /** Gets evaluated arguments; a null argument makes the result null unless `acceptsNull`. */
      readonly apply: (args: readonly Value[], env: Env) => Value;
      readonly acceptsNull?: boolean;
    }
  | {
      /** Gets the argument expressions unevaluated (conditionals, mvfilter, mvmap). */
      readonly lazy: (args: readonly EvalExpression[], env: Env) => Value;
    }
);
