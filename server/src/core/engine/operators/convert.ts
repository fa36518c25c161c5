import type { ConvertCommand } from '../../syntax/ast';
import { convertFunctions, CONVERT_DEFAULT_TIMEFORMAT } from '../expressions';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { scalarToString, valuesOf, type FieldValue, type Scalar } from '../value';
import { fieldPattern, hasWildcard } from './wildcard';

/**
 * `convert [timeformat=...] fn(field) [AS new] ...`: ctime/mktime use the run's time zone. A value
 * that does not convert is left as it was.
 */
export function convertOperator(
  command: ConvertCommand,
  planning: PlanningContext,
): Operator | undefined {
  const timeformat = command.timeformat ?? CONVERT_DEFAULT_TIMEFORMAT;
  let valid = true;
  const conversions = command.conversions.map((conversion) => {
    const name = conversion.function.toLowerCase();
    const convert = convertFunctions[name];
    if (!convert) {
      valid = false;
      planning.diagnostics.push(
        engineDiagnostic(
          'error',
          'spl.engine.unsupported-function',
          `'${conversion.function}' is not a convert function the local evaluator supports (${Object.keys(convertFunctions).join(', ')}).`,
          conversion.functionRange,
        ),
      );
    }
    const field = conversion.field.name;
    return {
      convert,
      removesFailures: name === 'num',
      name: field,
      pattern: hasWildcard(field) ? fieldPattern(field) : undefined,
      alias: conversion.alias?.name,
    };
  });
  if (!valid) return undefined;
  return {
    command: 'convert',
    range: command.range,
    async *run(input, ctx) {
      const zone = ctx.evalContext.timezone;
      for await (const row of input) {
        for (const { convert, removesFailures, name, pattern, alias } of conversions) {
          if (!convert) continue;
          const fields = pattern ? [...row.keys()].filter((f) => pattern.test(f)) : [name];
          for (const field of fields) {
            const value = row.get(field);
            if (value === undefined) continue;
            const target = pattern ? field : (alias ?? field);
            const converted = convertValues(value, (v) =>
              convert(scalarToString(v), timeformat, zone),
            );
            if (converted !== undefined) row.set(target, converted);
            else if (removesFailures) row.delete(target);
          }
        }
        yield row;
      }
    },
  };
}

/**
 * Converts each value; a value that does not convert stays as it was (Search Reference,
 * convert), except with num(), which removes it. Undefined when no value converted.
 */
function convertValues(
  value: FieldValue,
  convert: (v: Scalar) => FieldValue | undefined,
): FieldValue | undefined {
  let changed = false;
  const converted = valuesOf(value).flatMap((v) => {
    const result = convert(v);
    if (result === undefined) return [v];
    changed = true;
    return valuesOf(result);
  });
  if (!changed) return undefined;
  return converted.length === 1 ? converted[0] : converted;
}
