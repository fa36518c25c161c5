/**
 * Literal substrings that every event matching a search must contain in _raw, so an event reader
 * can skip events cheaply before extracting fields. Wrong literals would silently drop matching
 * events, so the derivation only keeps what is certain:
 * - a bare term must appear in _raw (matchesSearch looks for it as a substring), and so must every
 *   piece between its wildcards;
 * - a `field=value` only counts when the caller vouches that the field's values are copied
 *   verbatim from _raw: many fields are not (`source`, `sourcetype`, lookups, EVAL- fields such as
 *   Sysmon's `signature` or `vendor_product`, JSON-escaped backslashes);
 * - AND keeps the literals of all operands, OR only those every branch has, NOT none.
 */
import type { SearchExpression, SearchValue } from '../../syntax/ast';
import { isTimeModifierField } from './search';

export interface SearchLiteralOptions {
  /** True when the field's values appear verbatim (up to case) in _raw; default: no field does. */
  readonly fieldValueInRaw?: (field: string) => boolean;
}

function pieces(value: SearchValue): string[] {
  return value.value
    .split('*')
    .map((piece) => piece.toLowerCase())
    .filter((piece) => piece !== '');
}

function intersect(sets: readonly string[][]): string[] {
  if (sets.length === 0) return [];
  return (sets[0] as string[]).filter((literal) => sets.every((set) => set.includes(literal)));
}

function literalsOf(expr: SearchExpression, options: SearchLiteralOptions): string[] {
  switch (expr.kind) {
    case 'and':
      return expr.operands.flatMap((operand) => literalsOf(operand, options));
    case 'or':
      return intersect(expr.operands.map((operand) => literalsOf(operand, options)));
    case 'term':
      return pieces(expr.value);
    case 'searchFunction':
      return expr.field && !options.fieldValueInRaw?.(expr.field.name) ? [] : pieces(expr.value);
    case 'compare': {
      const name = expr.field.name;
      const verbatim =
        !name.includes('*') &&
        !isTimeModifierField(name) &&
        options.fieldValueInRaw?.(name) === true;
      return verbatim && (expr.operator === '=' || expr.operator === '==')
        ? pieces(expr.value)
        : [];
    }
    case 'in':
      return options.fieldValueInRaw?.(expr.field.name) === true
        ? intersect(expr.values.map(pieces))
        : [];
    default:
      return [];
  }
}

/** Lower-case literals every matching event's _raw contains (case-insensitively), distinct. */
export function searchLiterals(
  expr: SearchExpression,
  options: SearchLiteralOptions = {},
): string[] {
  return [...new Set(literalsOf(expr, options))];
}
