import { substituteText } from './arguments';
import type { Place, Report } from './expansionReport';
import type { CallFrame, MappedText } from './mappedText';
import type { ExpandOptions, MacroDefinition } from './types';

type Evaluate = ExpandOptions['evaluateEval'];

/**
 * macros.conf `validation` (spl-semantics.md): true passes; false or null fails with `errormsg`;
 * any other value is itself the error message. Without an evaluator the call expands unchecked.
 */
export function passesValidation(
  definition: MacroDefinition,
  values: readonly MappedText[],
  evaluate: Evaluate,
  place: Place,
  report: Report,
): boolean {
  if (definition.validation === undefined) return true;
  if (!evaluate) {
    report(
      place,
      'warning',
      'spl.macro.needsEvaluator',
      `Macro '${definition.name}' has a validation expression; checking it needs the evaluator, so it was expanded unchecked.`,
    );
    return true;
  }
  const outcome = evaluate(substituteText(definition.validation, definition, values));
  if (outcome.error !== undefined) {
    report(
      place,
      'error',
      'spl.macro.evalFailed',
      `The validation of macro '${definition.name}' could not be evaluated: ${outcome.error}`,
    );
    return false;
  }
  if (outcome.value === true) return true;
  const message =
    outcome.value === false || outcome.value === undefined
      ? (definition.errormsg ??
        `The arguments of macro '${definition.name}' fail its validation (${definition.validation}).`)
      : String(outcome.value);
  report(place, 'error', 'spl.macro.validation', message);
  return false;
}

/**
 * macros.conf `iseval = 1`: the definition is an eval expression whose string result is the
 * expansion. The result maps as a whole to the start of the definition.
 */
export function evaluatedBody(
  definition: MacroDefinition,
  values: readonly MappedText[],
  frame: CallFrame,
  evaluate: Evaluate,
  place: Place,
  report: Report,
): MappedText | undefined {
  if (!evaluate) {
    report(
      place,
      'warning',
      'spl.macro.needsEvaluator',
      `Macro '${definition.name}' is an eval macro (iseval = 1); expanding it needs the evaluator, so it was left unexpanded.`,
    );
    return undefined;
  }
  const outcome = evaluate(substituteText(definition.definition, definition, values));
  if (outcome.error !== undefined || outcome.value === undefined) {
    const why = outcome.error ?? 'the expression gave null';
    report(
      place,
      'error',
      'spl.macro.evalFailed',
      `Eval macro '${definition.name}' could not be expanded: ${why}.`,
    );
    return undefined;
  }
  return {
    text: String(outcome.value),
    spans: [{ start: 0, origin: { kind: 'definition', frame, offset: 0, point: true } }],
  };
}
