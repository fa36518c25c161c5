/**
 * The Chevrotain parser must give exactly the hand-written parser's results (AST, diagnostics,
 * comments) so that `parseSpl` can switch to it: every corpus search, the seed detection, and
 * mutated corpus searches (truncated, with a character removed) that exercise error paths.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import {
  parseEvalExpression,
  parseSearchExpression,
  parseSpl,
} from '../../server/src/core/syntax/index';
import {
  parseEvalExpressionWithChevrotain,
  parseSearchExpressionWithChevrotain,
  parseSplWithChevrotain,
} from '../../server/src/core/syntax/grammar/index';
import { parseDocument } from 'yaml';

const repoRoot = resolve(__dirname, '../..');
const detectionsDir = join(repoRoot, '../shared/corpus/security_content/detections');

/** The `search:` of every corpus detection, read in place. */
function corpusSearches(): string[] {
  return globSync('**/*.yml', { cwd: detectionsDir })
    .sort()
    .flatMap((file) => {
      const search: unknown = parseDocument(readFileSync(join(detectionsDir, file), 'utf8')).get(
        'search',
      );
      return typeof search === 'string' ? [search] : [];
    });
}

function differing(texts: readonly string[]): string[] {
  return texts.filter((text) => {
    try {
      assert.deepStrictEqual(parseSplWithChevrotain(text), parseSpl(text));
      return false;
    } catch {
      return true;
    }
  });
}

/** Deterministic mutations: cut at a few points and drop one character at a few points. */
function mutations(text: string): string[] {
  const points = [0.25, 0.5, 0.75].map((fraction) => Math.floor(text.length * fraction));
  return points.flatMap((at) => [text.slice(0, at), text.slice(0, at) + text.slice(at + 1)]);
}

const corpus = corpusSearches();

test('every corpus search parses identically', () => {
  const different = differing(corpus);
  assert.deepEqual(different.slice(0, 3), [], `${different.length} of ${corpus.length} differ`);
});

test('the seed detections parse identically', () => {
  const dir = join(repoRoot, 'sample-data/detections');
  const seeds = globSync('*.spl', { cwd: dir }).map((file) =>
    readFileSync(join(dir, file), 'utf8'),
  );
  assert.ok(seeds.length > 0);
  assert.deepEqual(differing(seeds), []);
});

test('mutated corpus searches parse identically, diagnostics included', () => {
  const mutated = corpus.filter((_, index) => index % 7 === 0).flatMap(mutations);
  const different = differing(mutated);
  assert.deepEqual(different.slice(0, 3), [], `${different.length} of ${mutated.length} differ`);
});

test('eval and search expressions parse identically', () => {
  const evals = [
    'a+b*2',
    'if(x>1, "a", \'b c\')',
    'x like "a%" AND y IN (1, 2)',
    'NOT',
    '(a',
    'f(a b)',
    'a =',
  ];
  for (const text of evals)
    assert.deepStrictEqual(
      parseEvalExpressionWithChevrotain(text),
      parseEvalExpression(text),
      text,
    );
  const searches = ['a OR b c', 'NOT', 'x IN (a, "b")', '"user.name"="x"', 'a=', '=a', 'CASE(x) )'];
  for (const text of searches)
    assert.deepStrictEqual(
      parseSearchExpressionWithChevrotain(text),
      parseSearchExpression(text),
      text,
    );
});

/** SPL-ish fragments: glued and spaced, every bracket kind, quotes and backticks left open. */
const fragments = [
  ' ',
  '|',
  '[',
  ']',
  '(',
  ')',
  ',',
  '=',
  '!=',
  '<=',
  '"',
  '"a b"',
  "'",
  '`',
  '`m(1,2)`',
  '```c```',
  'AND',
  'OR',
  'NOT',
  'and',
  'x',
  'y.z',
  '*',
  '-',
  '+',
  '.',
  '1',
  '2.5',
  'IN',
  'by',
  'as',
  'eval',
  'stats',
  'count',
  'where',
  'search',
  'tstats',
  'from',
  'datamodel=A.B',
  'rename',
  'lookup',
  'rex',
  'table',
  'sort',
  'dedup',
  'head',
  'fields',
  'bin',
  'join',
  'append',
  'CASE',
  'TERM',
  'if',
  'like',
  'foo',
  'inputlookup',
  'convert',
  'ctime',
  'spath',
  'return',
  'format',
  'top',
];

test('random fragment soups parse identically (fast-check)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.deepStrictEqual(parseSplWithChevrotain(text), parseSpl(text));
      assert.deepStrictEqual(parseEvalExpressionWithChevrotain(text), parseEvalExpression(text));
      assert.deepStrictEqual(
        parseSearchExpressionWithChevrotain(text),
        parseSearchExpression(text),
      );
    }),
    { numRuns: 500, seed: 20261129 },
  );
});
