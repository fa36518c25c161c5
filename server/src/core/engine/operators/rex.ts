import type { GenericCommand, RexCommand } from '../../syntax/ast';
import type { SourceRange } from '../../text/range';
import { boundedRegexInput, compileUserRegex } from '../regex';
import { optionNumber, reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { scalarToString, valuesOf, type Row, type Scalar } from '../value';
import { parseSed, applySed } from './sed';

function compiled(pattern: string, flags: string, range: SourceRange, planning: PlanningContext) {
  const result = compileUserRegex(pattern, flags);
  if ('error' in result) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.invalid-regex',
        `The regular expression cannot run: ${result.error}.`,
        range,
      ),
    );
    return undefined;
  }
  return result.regex;
}

function textOf(row: Row, field: string): string | undefined {
  const value = valuesOf(row.get(field))[0];
  return value === undefined ? undefined : boundedRegexInput(scalarToString(value));
}

/**
 * `rex [field=f] [max_match=N] "(?<name>...)"`: each named group becomes a field; with
 * max_match other than 1 (0 = no limit) every match adds a value. `rex mode=sed "s/a/b/g"`
 * rewrites the field instead.
 */
export function rexOperator(command: RexCommand, planning: PlanningContext): Operator | undefined {
  reportUnsupportedOptions(command, ['field', 'max_match', 'mode'], planning);
  const field = command.field ?? '_raw';
  const range = command.pattern.range;
  if (command.mode === 'sed') {
    const sed = parseSed(command.pattern.value);
    if ('error' in sed) {
      planning.diagnostics.push(
        engineDiagnostic('error', 'spl.engine.invalid-sed', sed.error, range),
      );
      return undefined;
    }
    const regex = compiled(sed.pattern, sed.flags, range, planning);
    if (!regex) return undefined;
    return {
      command: 'rex',
      range: command.range,
      async *run(input) {
        for await (const row of input) {
          const text = textOf(row, field);
          if (text !== undefined) row.set(field, applySed(text, regex, sed));
          yield row;
        }
      },
    };
  }
  const maxMatch = optionNumber(command, 'max_match', planning) ?? 1;
  const regex = compiled(command.pattern.value, maxMatch === 1 ? '' : 'g', range, planning);
  if (!regex) return undefined;
  return {
    command: 'rex',
    range: command.range,
    async *run(input) {
      for await (const row of input) {
        const text = textOf(row, field);
        if (text !== undefined) extract(row, text, regex, maxMatch);
        yield row;
      }
    },
  };
}

function extract(row: Row, text: string, regex: RegExp, maxMatch: number): void {
  if (maxMatch === 1) {
    const groups = regex.exec(text)?.groups;
    for (const [name, value] of Object.entries(groups ?? {})) {
      if (value !== undefined && value !== '') row.set(name, value);
    }
    return;
  }
  const collected = new Map<string, Scalar[]>();
  let count = 0;
  for (const match of text.matchAll(regex)) {
    if (maxMatch > 0 && count++ >= maxMatch) break;
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value === undefined || value === '') continue;
      const values = collected.get(name) ?? [];
      values.push(value);
      collected.set(name, values);
    }
  }
  for (const [name, values] of collected)
    row.set(name, values.length === 1 ? (values[0] as Scalar) : values);
}

/**
 * `regex [field=]"re"` keeps rows whose field (default _raw) matches; `regex field!="re"` keeps
 * the ones that do not.
 */
export function regexOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  const argument = command.args.find((a) => a.kind === 'option' || a.kind === 'literal');
  if (!argument || (argument.kind === 'option' && argument.value.kind !== 'literal')) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.missing-argument',
        `'regex' needs a quoted regular expression, e.g. regex process_name="^cmd"`,
        command.range,
      ),
    );
    return undefined;
  }
  const negated = argument.kind === 'option' && argument.name.endsWith('!');
  const field = argument.kind === 'option' ? argument.name.replace(/!$/, '') : '_raw';
  const literal = argument.kind === 'option' ? argument.value : argument;
  if (literal.kind !== 'literal') return undefined;
  const regex = compiled(literal.value, '', literal.range, planning);
  if (!regex) return undefined;
  return {
    command: 'regex',
    range: command.range,
    async *run(input) {
      for await (const row of input) {
        const text = textOf(row, field);
        const matches = text !== undefined && regex.test(text);
        if (matches !== negated) yield row;
      }
    },
  };
}
