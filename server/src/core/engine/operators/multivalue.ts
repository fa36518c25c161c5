import type { GenericCommand, MakemvCommand, MvexpandCommand } from '../../syntax/ast';
import { findOption, optionBoolean, reportUnsupportedOptions } from '../plan/options';
import { compileUserRegex } from '../regex';
import {
  bufferLimitReached,
  engineDiagnostic,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import { scalarToString, valuesOf, type Row, type Scalar } from '../value';
import { valueKey } from './order';

/** spl-semantics.md: makemv splits on a single space unless told otherwise. */
export const DEFAULT_MAKEMV_DELIMITER = ' ';

/**
 * `makemv [delim=","|tokenizer="re"] [allowempty=true] field`: splits a text value into several;
 * a tokenizer's first capture group (or whole match) is each value.
 */
export function makemvOperator(command: MakemvCommand, planning: PlanningContext): Operator {
  reportUnsupportedOptions(command, ['delim', 'tokenizer', 'allowempty'], planning);
  const allowEmpty = optionBoolean(command, 'allowempty', planning) ?? false;
  const tokenizer = compileTokenizer(command, planning);
  const delimiter = command.delim ?? DEFAULT_MAKEMV_DELIMITER;
  const field = command.field.name;
  return {
    command: 'makemv',
    range: command.range,
    async *run(input) {
      for await (const row of input) {
        const value = row.get(field);
        if (value !== undefined && !Array.isArray(value)) {
          const text = scalarToString(value as Scalar);
          const parts = tokenizer ? tokenize(text, tokenizer) : text.split(delimiter);
          const values = allowEmpty ? parts : parts.filter((p) => p !== '');
          if (values.length === 0) row.delete(field);
          else row.set(field, values.length === 1 ? (values[0] as string) : values);
        }
        yield row;
      }
    },
  };
}

function compileTokenizer(command: MakemvCommand, planning: PlanningContext): RegExp | undefined {
  if (command.tokenizer === undefined) return undefined;
  const compiled = compileUserRegex(command.tokenizer, 'g');
  if ('regex' in compiled) return compiled.regex;
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.invalid-regex',
      `The tokenizer cannot run: ${compiled.error}.`,
      findOption(command, 'tokenizer')?.value.range ?? command.range,
    ),
  );
  return undefined;
}

function tokenize(text: string, tokenizer: RegExp): string[] {
  const values: string[] = [];
  for (const match of text.matchAll(tokenizer)) {
    if (match[0] === '') break;
    values.push(match[1] ?? match[0]);
  }
  return values;
}

/** `mvexpand field [limit=N]`: one row per value of the field; rows without it pass through. */
export function mvexpandOperator(command: MvexpandCommand): Operator {
  const field = command.field.name;
  const limit = command.limit ?? Infinity;
  return {
    command: 'mvexpand',
    range: command.range,
    async *run(input) {
      for await (const row of input) {
        const values = valuesOf(row.get(field));
        if (values.length <= 1) {
          yield row;
          continue;
        }
        for (const value of values.slice(0, limit)) {
          const copy: Row = new Map(row);
          copy.set(field, value);
          yield copy;
        }
      }
    },
  };
}

/**
 * `mvcombine [delim=" "] field`: rows equal in every other field become one row whose field holds
 * all their values, in first-seen order.
 */
export function mvcombineOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  const fieldArgument = command.args.find((a) => a.kind === 'literal');
  if (!fieldArgument || fieldArgument.kind !== 'literal') {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.missing-argument',
        "'mvcombine' needs the field to combine.",
        command.range,
      ),
    );
    return undefined;
  }
  const field = fieldArgument.value;
  return {
    command: 'mvcombine',
    range: command.range,
    async *run(input, ctx) {
      const groups = new Map<string, { row: Row; values: Scalar[] }>();
      for await (const row of input) {
        const values = valuesOf(row.get(field));
        const key = [...row]
          .filter(([name]) => name !== field)
          .map(([n, v]) => `${n}=${valueKey(v)}`)
          .join('\u0002');
        const group = groups.get(key);
        if (group) group.values.push(...values);
        else {
          if (bufferLimitReached(ctx, groups.size, 'mvcombine', command.range)) break;
          groups.set(key, { row, values: [...values] });
        }
      }
      for (const { row, values } of groups.values()) {
        if (values.length > 1) row.set(field, values);
        yield row;
      }
    },
  };
}
