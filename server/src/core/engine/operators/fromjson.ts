import type { GenericCommand } from '../../syntax/ast';
import { jsonScalar } from '../expressions/functions/json';
import { optionText, reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { scalarToString, valuesOf, type Scalar } from '../value';

/**
 * `fromjson field [prefix=p]`: each top-level key of the JSON object in the field becomes a field
 * (`p` + key). An array gives a multivalue field, a nested object its JSON text, null no field
 * (Search Reference, fromjson). A value that is not a JSON object leaves the row as it is.
 */
export function fromjsonOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  reportUnsupportedOptions(command, ['prefix'], planning);
  const field = command.args.find((a) => a.kind === 'literal')?.value;
  if (field === undefined) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.missing-argument',
        'fromjson needs the field that holds the JSON, e.g. fromjson Data.',
        command.range,
      ),
    );
    return undefined;
  }
  const prefix = optionText(command, 'prefix') ?? '';
  return {
    command: 'fromjson',
    range: command.range,
    async *run(rows) {
      for await (const row of rows) {
        const text = valuesOf(row.get(field))[0];
        const object = text === undefined ? undefined : parseObject(scalarToString(text));
        for (const [key, value] of Object.entries(object ?? {})) {
          const values: Scalar[] = (Array.isArray(value) ? value : [value])
            .filter((v) => v !== null)
            .map(jsonScalar);
          if (values.length > 0)
            row.set(prefix + key, values.length === 1 ? (values[0] as Scalar) : values);
        }
        yield row;
      }
    },
  };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
