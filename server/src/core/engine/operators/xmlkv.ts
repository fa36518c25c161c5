import type { GenericCommand } from '../../syntax/ast';
import { optionNumber, reportUnsupportedOptions } from '../plan/options';
import type { Operator, PlanningContext } from '../plan/types';
import { scalarToString, valuesOf, type Row, type Scalar } from '../value';

/** Splunk's default for maxinputs: rows past it pass through unread. */
const DEFAULT_MAX_INPUTS = 50_000;
/** `<name attr='...'>text</name>` with no element inside; attributes are not fields. */
const ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>([^<]+)<\/\1\s*>/g;

/**
 * `xmlkv [field] [maxinputs=N]`: every innermost XML element of the field (default `_raw`)
 * becomes a field named after its tag, with its text as the value; a tag seen several times gives
 * a multivalue field (Search Reference, xmlkv).
 */
export function xmlkvOperator(command: GenericCommand, planning: PlanningContext): Operator {
  reportUnsupportedOptions(command, ['maxinputs'], planning);
  const maxInputs = optionNumber(command, 'maxinputs', planning) ?? DEFAULT_MAX_INPUTS;
  const field = command.args.find((a) => a.kind === 'literal')?.value ?? '_raw';
  return {
    command: 'xmlkv',
    range: command.range,
    async *run(rows) {
      let read = 0;
      for await (const row of rows) {
        if (read++ < maxInputs) extract(row, field);
        yield row;
      }
    },
  };
}

function extract(row: Row, field: string): void {
  const found = new Map<string, Scalar[]>();
  for (const value of valuesOf(row.get(field))) {
    for (const match of scalarToString(value).matchAll(ELEMENT)) {
      const [, name, text] = match as unknown as [string, string, string];
      const values = found.get(name);
      if (values) values.push(text);
      else found.set(name, [text]);
    }
  }
  for (const [name, values] of found)
    row.set(name, values.length === 1 ? (values[0] as Scalar) : values);
}
