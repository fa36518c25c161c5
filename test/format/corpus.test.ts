/**
 * The formatter's safety proof over every detection of the corpus: formatting keeps the syntax
 * tree (ranges aside) and is idempotent. The searches are read in place from ../shared.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { globSync } from 'tinyglobby';
import { formatSpl } from '../../server/src/core/format/index';
import { parseSpl } from '../../server/src/core/syntax/index';
import { readDetectionYaml } from '../../server/src/core/syntax/documents';

const repoRoot = resolve(import.meta.dirname, '../..');
const detectionsDir = join(repoRoot, '../shared/corpus/security_content/detections');

/** The tree with every position dropped (`range`, `nameRange`, `functionRange`, ...). */
function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== 'range' && !key.endsWith('Range')) kept[key] = stripRanges(inner);
  }
  return kept;
}

function syntaxOf(text: string): unknown {
  const { pipeline, comments } = parseSpl(text);
  return stripRanges({ pipeline, comments });
}

test('formatting every corpus search keeps its syntax tree and is idempotent', () => {
  const files = globSync('**/*.yml', { cwd: detectionsDir }).sort();
  assert.ok(files.length > 1_700, `expected the corpus at ${detectionsDir}`);
  let formatted = 0;
  const refused: string[] = [];
  for (const file of files) {
    const search = readDetectionYaml(readFileSync(join(detectionsDir, file), 'utf8')).search;
    if (!search) continue;
    const once = formatSpl(search.text);
    if ('error' in once) {
      refused.push(`${file}: ${once.error}`);
      continue;
    }
    assert.deepEqual(syntaxOf(once.text), syntaxOf(search.text), `${file} changed meaning`);
    assert.deepEqual(formatSpl(once.text), { text: once.text, changed: false }, file);
    formatted += 1;
  }
  // Two detections have real syntax errors; every refusal must be for a syntax error.
  for (const reason of refused) assert.match(reason, /Fix the syntax error first/);
  assert.ok(refused.length <= 2, refused.join('\n'));
  assert.ok(formatted >= 1_709, `formatted ${formatted}`);
});
