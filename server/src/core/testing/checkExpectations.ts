import type { ResultRecord } from '../engine/results';
import type { SourceRange } from '../text/range';
import type { Expectations, RowPattern, ValuePattern } from './expectations';
import { globMatches } from './glob';

/** One way the results differ from the expected results, at its place in the expected file. */
export interface ExpectationFailure {
  readonly code: string;
  readonly message: string;
  readonly range: SourceRange;
}

/** Values are cut to this many characters in messages; a `Contents` field can hold kilobytes. */
const shownLength = 80;

export function checkExpectations(
  results: readonly ResultRecord[],
  expected: Expectations,
): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const { count } = expected;
  if (
    count &&
    (results.length < count.min || (count.max !== undefined && results.length > count.max))
  ) {
    const want =
      count.max === count.min
        ? `exactly ${count.min}`
        : count.max === undefined
          ? `at least ${count.min}`
          : `between ${count.min} and ${count.max}`;
    failures.push({
      code: 'spl.test.count',
      message: `The search returned ${plural(results.length, 'result')}; the expected results want ${want}.`,
      range: count.range,
    });
  }
  failures.push(...unmatchedRows(results, expected.rows));
  if (expected.every) failures.push(...everyViolations(results, expected.every));
  for (const pattern of expected.none) {
    const index = results.findIndex((row) => rowMatches(row, pattern));
    if (index >= 0) {
      failures.push({
        code: 'spl.test.none',
        message: `Result row ${index + 1} matches this row, which no result may match (${describe(results[index] as ResultRecord, pattern)}).`,
        range: pattern.range,
      });
    }
  }
  return failures;
}

/** Each expected row needs a result row of its own: a bipartite matching by augmenting paths. */
function unmatchedRows(
  results: readonly ResultRecord[],
  patterns: readonly RowPattern[],
): ExpectationFailure[] {
  const candidates = patterns.map((pattern) =>
    results.flatMap((row, index) => (rowMatches(row, pattern) ? [index] : [])),
  );
  const ownerOfRow = new Map<number, number>();
  const assign = (patternIndex: number, visited: Set<number>): boolean => {
    for (const rowIndex of candidates[patternIndex] ?? []) {
      if (visited.has(rowIndex)) continue;
      visited.add(rowIndex);
      const owner = ownerOfRow.get(rowIndex);
      if (owner === undefined || assign(owner, visited)) {
        ownerOfRow.set(rowIndex, patternIndex);
        return true;
      }
    }
    return false;
  };
  const failures: ExpectationFailure[] = [];
  patterns.forEach((pattern, patternIndex) => {
    if (assign(patternIndex, new Set())) return;
    const matching = candidates[patternIndex]?.length ?? 0;
    failures.push({
      code: 'spl.test.row-missing',
      message:
        matching > 0
          ? `The ${plural(matching, 'result row')} that ${matching === 1 ? 'matches' : 'match'} this row already ${matching === 1 ? 'matches' : 'match'} other expected rows; the search returned too few such rows.`
          : `No result row matches this row. ${closestRow(results, pattern)}`,
      range: pattern.range,
    });
  });
  return failures;
}

function everyViolations(
  results: readonly ResultRecord[],
  pattern: RowPattern,
): ExpectationFailure[] {
  const failing = results.flatMap((row, index) => (rowMatches(row, pattern) ? [] : [index]));
  const first = failing[0];
  if (first === undefined) return [];
  const others = failing.length > 1 ? ` (and ${plural(failing.length - 1, 'other row')})` : '';
  return [
    {
      code: 'spl.test.every',
      message: `Result row ${first + 1}${others} does not meet \`every:\`: ${differences(results[first] as ResultRecord, pattern).join('; ')}.`,
      range: pattern.range,
    },
  ];
}

/** The row that agrees with the pattern on most fields, and where it differs. */
function closestRow(results: readonly ResultRecord[], pattern: RowPattern): string {
  if (results.length === 0) return 'The search returned no rows.';
  let best = 0;
  let bestDifferences = differences(results[0] as ResultRecord, pattern);
  results.forEach((row, index) => {
    const found = differences(row, pattern);
    if (found.length < bestDifferences.length) {
      best = index;
      bestDifferences = found;
    }
  });
  return `Closest is result row ${best + 1}: ${bestDifferences.join('; ')}.`;
}

function differences(row: ResultRecord, pattern: RowPattern): string[] {
  const found: string[] = [];
  for (const [field, expected] of pattern.fields) {
    if (!valueMatches(row[field], expected)) {
      found.push(`${field} is ${shown(row[field])}, expected ${shownPattern(expected)}`);
    }
  }
  return found;
}

function describe(row: ResultRecord, pattern: RowPattern): string {
  return [...pattern.fields.keys()].map((field) => `${field} = ${shown(row[field])}`).join(', ');
}

export function rowMatches(row: ResultRecord, pattern: RowPattern): boolean {
  for (const [field, expected] of pattern.fields) {
    if (!valueMatches(row[field], expected)) return false;
  }
  return true;
}

/** A single pattern matches a multivalue field when one of its values matches, as search does. */
function valueMatches(actual: string | string[] | undefined, expected: ValuePattern): boolean {
  if (expected.kind === 'absent') return actual === undefined;
  if (actual === undefined) return false;
  if (expected.kind === 'glob') {
    return typeof actual === 'string'
      ? globMatches(expected.text, actual)
      : actual.some((value) => globMatches(expected.text, value));
  }
  const values = typeof actual === 'string' ? [actual] : actual;
  return (
    values.length === expected.items.length &&
    values.every((value, index) => globMatches(expected.items[index] as string, value))
  );
}

function shown(value: string | string[] | undefined): string {
  if (value === undefined) return 'absent';
  const text = typeof value === 'string' ? value : `[${value.join(', ')}]`;
  const cut =
    text.length > shownLength ? `${text.slice(0, shownLength)}… (${text.length} characters)` : text;
  return `'${cut}'`;
}

function shownPattern(pattern: ValuePattern): string {
  if (pattern.kind === 'absent') return 'absent';
  return pattern.kind === 'glob' ? `'${pattern.text}'` : `[${pattern.items.join(', ')}]`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
