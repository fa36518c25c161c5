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

/** The field, negation and pattern of `regex`'s argument, however the parser delivered it. */
function regexArgument(
  command: GenericCommand,
): { field: string; negated: boolean; pattern: string; range: SourceRange } | undefined {
  for (const argument of command.args) {
    if (argument.kind === 'option' && argument.value.kind === 'literal') {
      return {
        field: argument.name,
        negated: false,
        pattern: argument.value.value,
        range: argument.value.range,
      };
    }
    if (argument.kind !== 'literal') continue;
    if (argument.quoted)
      return { field: '_raw', negated: false, pattern: argument.value, range: argument.range };
    // `field!="re"` arrives as one unquoted word.
    const match = /^([^\s=!]+)(!?=)(.*)$/s.exec(argument.raw);
    if (!match)
      return { field: '_raw', negated: false, pattern: argument.value, range: argument.range };
    const quoted = /^"(.*)"$/s.exec(match[3] as string);
    const pattern = quoted
      ? (quoted[1] as string).replace(/\\(["\\])/g, '$1')
      : (match[3] as string);
    return {
      field: match[1] as string,
      negated: match[2] === '!=',
      pattern,
      range: argument.range,
    };
  }
  return undefined;
}

/**
 * `regex [field=]"re"` keeps rows whose field (default _raw) matches; `regex field!="re"` keeps
 * the ones that do not.
 */
export function regexOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  const argument = regexArgument(command);
  if (!argument) {
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
  const { field, negated } = argument;
  const regex = compiled(argument.pattern, '', argument.range, planning);
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
