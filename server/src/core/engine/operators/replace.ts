import type { GenericCommand, GenericArgument } from '../../syntax/ast';
import { reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { scalarToString, type FieldValue, type Scalar } from '../value';
import { fieldPattern } from './wildcard';

interface Replacement {
  readonly pattern: RegExp;
  readonly to: string;
}

/**
 * `replace old with new [, old2 with new2] [in fields]`: a value equal to `old` (case-sensitive,
 * whole value; `*` matches any run) becomes `new`, whose `*`s take what the pattern's matched, in
 * order. The first pair that matches wins. Without `in`, every field is changed (Search
 * Reference, replace).
 */
export function replaceOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  reportUnsupportedOptions(command, [], planning);
  const words = command.args.flatMap((a: GenericArgument) => (a.kind === 'literal' ? [a] : []));
  const replacements: Replacement[] = [];
  let index = 0;
  for (;;) {
    const [from, keyword, to] = words.slice(index, index + 3);
    if (!from || !to || !isKeyword(keyword, 'with')) break;
    replacements.push({ pattern: fieldPattern(from.value), to: to.value });
    index += 3;
  }
  const rest = words.slice(index);
  const fields = isKeyword(rest[0], 'in') ? rest.slice(1).map((w) => w.value) : undefined;
  if (replacements.length === 0 || (rest.length > 0 && !fields)) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.missing-argument',
        'replace takes pairs `old with new`, separated by commas, then optionally `in field, ...`.',
        command.range,
      ),
    );
    return undefined;
  }
  return {
    command: 'replace',
    range: command.range,
    async *run(rows) {
      for await (const row of rows) {
        for (const field of fields ?? [...row.keys()]) {
          const value = row.get(field);
          if (value !== undefined) row.set(field, replaced(value, replacements));
        }
        yield row;
      }
    },
  };
}

function isKeyword(word: { value: string; quoted: boolean } | undefined, keyword: string): boolean {
  return word !== undefined && !word.quoted && word.value.toLowerCase() === keyword;
}

function replaced(value: FieldValue, replacements: readonly Replacement[]): FieldValue {
  if (Array.isArray(value)) return value.map((v: Scalar) => replaceOne(v, replacements));
  return replaceOne(value as Scalar, replacements);
}

function replaceOne(value: Scalar, replacements: readonly Replacement[]): Scalar {
  const text = scalarToString(value);
  for (const { pattern, to } of replacements) {
    const match = pattern.exec(text);
    if (!match) continue;
    let capture = 1;
    return to.replace(/\*/g, () => match[capture++] ?? '');
  }
  return value;
}
