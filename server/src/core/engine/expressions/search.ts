/**
 * The search command's matching (spl-semantics.md "The search command"): case-insensitive values
 * with `*` wildcards, `f!=v` needs f, `NOT f=v` keeps events without f, multivalue fields match
 * when any value does, bare terms look in _raw, earliest/latest restrict _time.
 *
 * Bare terms: Splunk matches a term against the indexed tokens of the event (split at breaker
 * characters). The local evaluator has no index, so it looks for the term as a substring of _raw.
 * That keeps every event Splunk keeps (a token is a substring) and may keep a few more (`erm`
 * matches `wermgr`), which for testing detections errs on the side of not missing an alert.
 */
import type {
  SearchComparison,
  SearchExpression,
  SearchFunctionTerm,
  SearchValue,
} from '../../syntax/ast';
import { parseTimeModifier, resolveTimeModifier, type TimeModifier } from '../time';
import { valuesOf, type FieldValue, type Row, type Scalar } from '../value';
import { compareScalars, text, toNumber } from './coerce';
import type { EvalContext } from './context';
import { wildcardMatcher, type Matcher } from './wildcard';

const matchers = new WeakMap<object, Matcher>();
const timeModifiers = new WeakMap<SearchValue, TimeModifier | { error: string }>();

function cached(node: object, build: () => Matcher): Matcher {
  let matcher = matchers.get(node);
  if (!matcher) {
    matcher = build();
    matchers.set(node, matcher);
  }
  return matcher;
}

/** Characters that end an indexed term (Splunk's major breakers), for TERM(). */
const MAJOR_BREAKER = /[\s,;|&!?()[\]{}<>"'=]/;

function termMatcher(term: string): Matcher {
  const needle = term.toLowerCase();
  return (raw) => {
    const hay = raw.toLowerCase();
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
      const before = at === 0 ? ' ' : (hay[at - 1] as string);
      const after = hay[at + needle.length] ?? ' ';
      if (MAJOR_BREAKER.test(before) && MAJOR_BREAKER.test(after)) return true;
    }
    return false;
  };
}

/** The texts a bare term is matched against: _raw, or every field value when there is no _raw. */
function rawTexts(row: Row): string[] {
  const raw = row.get('_raw');
  if (raw !== undefined) return valuesOf(raw).map(text);
  return [...row.values()].flatMap((v) => valuesOf(v).map(text));
}

/** The values of a field; a wildcarded field name (`*_name`) gathers every matching field. */
function fieldValues(row: Row, name: string, node: object): Scalar[] | undefined {
  if (!name.includes('*')) {
    const value: FieldValue | undefined = row.get(name);
    return value === undefined ? undefined : [...valuesOf(value)];
  }
  const nameMatcher = cached(node, () =>
    wildcardMatcher(name, { caseSensitive: true, whole: true }),
  );
  const out: Scalar[] = [];
  for (const [field, value] of row) if (nameMatcher(field)) out.push(...valuesOf(value));
  return out.length === 0 ? undefined : out;
}

function timeBound(expr: SearchComparison, row: Row, ctx: EvalContext): boolean {
  let modifier = timeModifiers.get(expr.value);
  if (!modifier) {
    modifier = parseTimeModifier(expr.value.value);
    timeModifiers.set(expr.value, modifier);
  }
  if ('error' in modifier) return false;
  const bound = resolveTimeModifier(modifier, ctx.now, ctx.timezone);
  const time = valuesOf(row.get('_time')).map(toNumber)[0];
  if (bound === undefined || time === undefined) return false;
  return expr.field.name.toLowerCase() === 'earliest' ? time >= bound : time < bound;
}

export function isTimeModifierField(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'earliest' || lower === 'latest';
}

function compare(expr: SearchComparison, row: Row, ctx: EvalContext): boolean {
  if (isTimeModifierField(expr.field.name) && expr.operator === '=')
    return timeBound(expr, row, ctx);
  const values = fieldValues(row, expr.field.name, expr.field);
  if (values === undefined) return false;
  const pattern = expr.value.value;
  switch (expr.operator) {
    case '=':
    case '==': {
      const matcher = cached(expr.value, () =>
        wildcardMatcher(pattern, { caseSensitive: false, whole: true }),
      );
      return values.some((v) => matcher(text(v)));
    }
    case '!=': {
      const matcher = cached(expr.value, () =>
        wildcardMatcher(pattern, { caseSensitive: false, whole: true }),
      );
      return !values.some((v) => matcher(text(v)));
    }
    case '<':
      return values.some((v) => compareScalars(v, pattern) < 0);
    case '<=':
      return values.some((v) => compareScalars(v, pattern) <= 0);
    case '>':
      return values.some((v) => compareScalars(v, pattern) > 0);
    case '>=':
      return values.some((v) => compareScalars(v, pattern) >= 0);
  }
}

function searchFunction(expr: SearchFunctionTerm, row: Row): boolean {
  const caseSensitive = expr.function === 'CASE';
  if (expr.field) {
    const values = fieldValues(row, expr.field.name, expr.field);
    const matcher = cached(expr, () =>
      wildcardMatcher(expr.value.value, { caseSensitive, whole: true }),
    );
    return values !== undefined && values.some((v) => matcher(text(v)));
  }
  const matcher = cached(expr, () =>
    caseSensitive
      ? wildcardMatcher(expr.value.value, { caseSensitive, whole: false })
      : termMatcher(expr.value.value),
  );
  return rawTexts(row).some(matcher);
}

/**
 * Whether a row satisfies a search expression. Macro calls and unresolved subsearches match
 * nothing: expansion and subsearch substitution happen before evaluation, and
 * checkSearchExpression reports macro calls.
 */
export function matchesSearch(expr: SearchExpression, row: Row, ctx: EvalContext): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.operands.every((operand) => matchesSearch(operand, row, ctx));
    case 'or':
      return expr.operands.some((operand) => matchesSearch(operand, row, ctx));
    case 'not':
      return !matchesSearch(expr.operand, row, ctx);
    case 'compare':
      return compare(expr, row, ctx);
    case 'in': {
      const values = fieldValues(row, expr.field.name, expr.field);
      if (values === undefined) return false;
      return expr.values.some((value) => {
        const matcher = cached(value, () =>
          wildcardMatcher(value.value, { caseSensitive: false, whole: true }),
        );
        return values.some((v) => matcher(text(v)));
      });
    }
    case 'term': {
      const matcher = cached(expr.value, () =>
        wildcardMatcher(expr.value.value, { caseSensitive: false, whole: false }),
      );
      return rawTexts(row).some(matcher);
    }
    case 'searchFunction':
      return searchFunction(expr, row);
    case 'subsearch':
    case 'macro':
      return false;
  }
}
