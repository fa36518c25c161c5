import type { SpathCommand } from '../../syntax/ast';
import { jsonPath, jsonScalar } from '../expressions/functions/json';
import { findOption, optionText, reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { scalarToString, valuesOf, type Row, type Scalar } from '../value';

/**
 * `spath [input=f] [output=o] [path=p | p]`: reads JSON from `f` (default `_raw`). With a path,
 * the values there go to `o` (default: the path itself), several values as a multivalue field;
 * without one, every leaf becomes a field named by its path (`a.b`, `list{}.c`). Input that is
 * not JSON leaves the row as it is; XML input is reported once, since only JSON is read here.
 */
export function spathOperator(command: SpathCommand, planning: PlanningContext): Operator {
  reportUnsupportedOptions(command, ['input', 'output', 'path'], planning);
  const input = optionText(command, 'input') ?? '_raw';
  const path = optionText(command, 'path') ?? command.path?.value;
  const output = optionText(command, 'output') ?? path;
  const range = findOption(command, 'input')?.range ?? command.range;
  return {
    command: 'spath',
    range: command.range,
    async *run(rows, ctx) {
      let xmlReported = false;
      for await (const row of rows) {
        const text = valuesOf(row.get(input))[0];
        const parsed = text === undefined ? undefined : parseJson(scalarToString(text));
        if (parsed === undefined && !xmlReported && text !== undefined && isXml(text)) {
          xmlReported = true;
          ctx.report(
            engineDiagnostic(
              'warning',
              'spl.engine.spath-xml',
              `'${input}' holds XML; the local evaluator's spath reads only JSON, so no field was extracted from it.`,
              range,
            ),
          );
        }
        if (parsed !== undefined) {
          if (path === undefined) {
            const leaves = new Map<string, Scalar[]>();
            flatten(parsed.value, '', leaves);
            for (const [field, values] of leaves) setValues(row, field, values);
          } else setValues(row, output ?? path, jsonPath(parsed.value, path));
        }
        yield row;
      }
    },
  };
}

function parseJson(text: string): { value: unknown } | undefined {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function isXml(value: Scalar): boolean {
  return typeof value === 'string' && value.trimStart().startsWith('<');
}

function setValues(row: Row, field: string, found: readonly unknown[]): void {
  const values = found.filter((v) => v !== null && v !== undefined).map(jsonScalar);
  if (values.length === 0) return;
  row.set(field, values.length === 1 ? (values[0] as Scalar) : values);
}

/** Every leaf value under its path; array elements share the path with `{}`. */
function flatten(node: unknown, path: string, leaves: Map<string, Scalar[]>): void {
  if (Array.isArray(node)) {
    for (const item of node) flatten(item, `${path}{}`, leaves);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, path === '' ? key : `${path}.${key}`, leaves);
    }
  } else if (node !== null && node !== undefined && path !== '') {
    const values = leaves.get(path);
    if (values) values.push(jsonScalar(node));
    else leaves.set(path, [jsonScalar(node)]);
  }
}
