import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseYaml } from '../syntax/documents/yamlDocument';
import type { Diagnostic } from '../text/diagnostic';
import { didYouMean } from '../text/didYouMean';
import type { SourceRange } from '../text/range';

/** A field's expected value: absent (`null`), a `*` glob, or a multivalue given as a list. */
export type ValuePattern =
  | { readonly kind: 'absent' }
  | { readonly kind: 'glob'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] };

export interface RowPattern {
  readonly fields: ReadonlyMap<string, ValuePattern>;
  readonly range: SourceRange;
}

export interface CountExpectation {
  readonly min: number;
  readonly max?: number;
  readonly range: SourceRange;
}

/** What a detection's results must look like, read from `<detection>.expected.yml`. */
export interface Expectations {
  readonly path: string;
  readonly count?: CountExpectation;
  /** Each pattern must match its own result row. */
  readonly rows: readonly RowPattern[];
  /** Every result row must match. */
  readonly every?: RowPattern;
  /** No result row may match any of these. */
  readonly none: readonly RowPattern[];
}

export interface ExpectationsFile {
  /** The expected-results file, when the detection has one. */
  readonly path?: string;
  readonly expectations?: Expectations;
  readonly diagnostics: readonly Diagnostic[];
}

const topLevelKeys = ['count', 'rows', 'every', 'none'];

/** `x.yml` or `x.spl` -> `x.expected.yml`, else `x.expected.yaml`, whichever exists first. */
export function expectationsPathFor(detectionPath: string): string | undefined {
  const stem = basename(detectionPath, extname(detectionPath));
  return ['yml', 'yaml']
    .map((extension) => join(dirname(detectionPath), `${stem}.expected.${extension}`))
    .find((path) => existsSync(path));
}

export function isExpectationsPath(path: string): boolean {
  return /\.expected\.ya?ml$/i.test(path);
}

/** Reads the expected-results file of a detection, if it has one. */
export function loadExpectations(detectionPath: string): ExpectationsFile {
  const path = expectationsPathFor(detectionPath);
  if (path === undefined) return { diagnostics: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      path,
      diagnostics: [
        {
          severity: 'error',
          code: 'spl.test.expected-unreadable',
          message: `Cannot read ${path}: ${(error as Error).message}`,
          range: { start: zero, end: zero },
          source: 'testing',
        },
      ],
    };
  }
  return readExpectations(path, text);
}

const zero = { offset: 0, line: 0, column: 0 };

export function readExpectations(path: string, fileText: string): ExpectationsFile {
  const parsed = parseYaml(fileText);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const rangeOf = (node: unknown): SourceRange => {
    const [start, end] = (node as Node | undefined)?.range ?? [0, 0];
    return parsed.lineIndex.range(start, end);
  };
  const problem = (node: unknown, message: string): void => {
    diagnostics.push({
      severity: 'error',
      code: 'spl.test.expected-shape',
      message,
      range: rangeOf(node),
      source: 'testing',
    });
  };
  const contents = parsed.document?.contents;
  if (!isMap(contents)) {
    if (parsed.document) problem(contents, `Expected results are a mapping with ${keyList}.`);
    return { path, diagnostics };
  }

  let count: CountExpectation | undefined;
  const rows: RowPattern[] = [];
  let every: RowPattern | undefined;
  const none: RowPattern[] = [];
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (key === 'count') count = countOf(value);
    else if (key === 'rows') rows.push(...patternList(value, 'rows'));
    else if (key === 'every') every = rowPattern(value, 'every');
    else if (key === 'none') none.push(...patternList(value, 'none'));
    else {
      const suggestion = didYouMean(key, topLevelKeys);
      problem(
        pair.key,
        `Unknown key '${key}'${suggestion ? `; did you mean '${suggestion}'?` : ''} Expected results take ${keyList}.`,
      );
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { path, diagnostics };
  return {
    path,
    expectations: { path, ...(count ? { count } : {}), rows, ...(every ? { every } : {}), none },
    diagnostics,
  };

  function countOf(node: unknown): CountExpectation | undefined {
    const exact = wholeNumber(node);
    if (exact !== undefined) return { min: exact, max: exact, range: rangeOf(node) };
    if (isMap(node)) {
      const min = node.has('min') ? wholeNumber(node.get('min', true)) : 0;
      const max = node.has('max') ? wholeNumber(node.get('max', true)) : undefined;
      const keysOk = node.items.every(
        (p) => isScalar(p.key) && ['min', 'max'].includes(String(p.key.value)),
      );
      if (
        min !== undefined &&
        keysOk &&
        (node.has('max') ? max !== undefined && max >= min : true)
      ) {
        return { min, ...(max === undefined ? {} : { max }), range: rangeOf(node) };
      }
    }
    problem(node, '`count:` takes a whole number, or `{min: N, max: M}` with min <= max.');
    return undefined;
  }

  function patternList(node: unknown, key: string): RowPattern[] {
    if (!isSeq(node)) {
      problem(node, `\`${key}:\` takes a list of rows, each a mapping of field: value.`);
      return [];
    }
    return node.items.flatMap((item) => rowPattern(item, key) ?? []);
  }

  function rowPattern(node: unknown, key: string): RowPattern | undefined {
    if (!isMap(node) || node.items.length === 0) {
      problem(node, `A row in \`${key}:\` is a mapping of field: value (at least one field).`);
      return undefined;
    }
    const fields = new Map<string, ValuePattern>();
    for (const pair of node.items) {
      const field = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const pattern = valuePattern(pair.value);
      if (field === undefined || pattern === undefined) {
        problem(
          pair.value ?? pair.key,
          'A field takes text (`*` matches any characters), a list of texts for a multivalue, or null for "absent".',
        );
        continue;
      }
      fields.set(field, pattern);
    }
    return { fields, range: rangeOf(node) };
  }
}

const keyList = '`count:`, `rows:`, `every:` and `none:`';

function wholeNumber(node: unknown): number | undefined {
  return isScalar(node) &&
    typeof node.value === 'number' &&
    Number.isInteger(node.value) &&
    node.value >= 0
    ? node.value
    : undefined;
}

function valuePattern(node: unknown): ValuePattern | undefined {
  if (node === null || (isScalar(node) && node.value === null)) return { kind: 'absent' };
  const text = textOf(node);
  if (text !== undefined) return { kind: 'glob', text };
  if (!isSeq(node)) return undefined;
  const items = node.items.map(textOf);
  return items.every((item): item is string => item !== undefined)
    ? { kind: 'list', items }
    : undefined;
}

/** A scalar as written: `015` stays `015`, since results are text. */
function textOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}
