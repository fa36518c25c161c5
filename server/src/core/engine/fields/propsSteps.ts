import type { FieldValue, Row } from '../value';
import type { LookupStep } from './lookupTable';
import type { InlineExtraction, RegexTransform } from './regexExtraction';

/** A compiled EVAL- expression. */
export interface EvalProgram {
  evaluate(row: Row): FieldValue | undefined;
}

/** Compiles the text of an EVAL- setting; injected so the eval language stays elsewhere. */
export type CompileEval = (text: string) => EvalProgram | { error: string };

export interface AliasPair {
  readonly from: string;
  readonly to: string;
  /** ASNEW: only when the event has no value for `to` yet. */
  readonly onlyNew: boolean;
}

/** What one props.conf setting does, keyed in a stanza by the setting's name (e.g. `REPORT-x`). */
export type PropsStep =
  | { readonly kind: 'extract'; readonly extraction: InlineExtraction }
  | { readonly kind: 'report'; readonly transforms: readonly RegexTransform[] }
  | { readonly kind: 'alias'; readonly pairs: readonly AliasPair[] }
  | { readonly kind: 'eval'; readonly field: string; readonly program: EvalProgram }
  | { readonly kind: 'lookup'; readonly lookup: LookupStep };

/** Splits on whitespace, keeping double-quoted names with spaces together. */
export function splitWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** `from AS to from2 ASNEW to2 ...` */
export function parseAliases(text: string): { pairs: AliasPair[] } | { error: string } {
  const words = splitWords(text);
  const pairs: AliasPair[] = [];
  for (let i = 0; i < words.length; i += 3) {
    const [from, keyword, to] = [words[i], words[i + 1]?.toUpperCase(), words[i + 2]];
    if (from === undefined || to === undefined || (keyword !== 'AS' && keyword !== 'ASNEW')) {
      return { error: 'FIELDALIAS needs `<field> AS <alias>` (or ASNEW) pairs' };
    }
    pairs.push({ from, to, onlyNew: keyword === 'ASNEW' });
  }
  return pairs.length > 0
    ? { pairs }
    : { error: 'FIELDALIAS needs `<field> AS <alias>` (or ASNEW) pairs' };
}

/** `pattern [in <field>]` of an EXTRACT- setting. */
export function splitExtractSource(text: string): { pattern: string; sourceKey: string } {
  const match = /^(.*\S)\s+in\s+(\S+)$/.exec(text);
  const [, pattern, sourceKey] = match ?? [];
  return pattern !== undefined && sourceKey !== undefined
    ? { pattern, sourceKey }
    : { pattern: text, sourceKey: '_raw' };
}

export interface LookupClause {
  readonly name: string;
  readonly inputs: readonly { column: string; field: string }[];
  readonly outputs: readonly { column: string; field: string }[] | undefined;
  readonly onlyNew: boolean;
}

/** `<lookup> <column> [AS <field>]... [OUTPUT|OUTPUTNEW <column> [AS <field>]...]` */
export function parseLookupClause(text: string): LookupClause | { error: string } {
  const [name, ...words] = splitWords(text);
  if (name === undefined)
    return { error: 'LOOKUP needs a lookup name, input fields and an optional OUTPUT clause' };
  const inputs: { column: string; field: string }[] = [];
  let outputs: { column: string; field: string }[] | undefined;
  let onlyNew = false;
  let target = inputs;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const upper = word.toUpperCase();
    if ((upper === 'OUTPUT' || upper === 'OUTPUTNEW') && outputs === undefined) {
      outputs = [];
      target = outputs;
      onlyNew = upper === 'OUTPUTNEW';
    } else if (upper === 'AS') {
      const previous = target[target.length - 1];
      const field = words[++i];
      if (previous === undefined || field === undefined)
        return { error: '`AS` needs a column before it and a field name after it' };
      target[target.length - 1] = { column: previous.column, field };
    } else {
      target.push({ column: word, field: word });
    }
  }
  if (inputs.length === 0) return { error: `LOOKUP ${name} names no input field` };
  if (outputs !== undefined && outputs.length === 0) return { error: 'OUTPUT names no field' };
  return { name, inputs, outputs, onlyNew };
}
