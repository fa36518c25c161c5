/**
 * Cost of reading SPL out of detection YAML with positions, as a ratio against a baseline
 * measured in the same run (ratio = reader time / baseline time):
 *  (a) readDetectionYaml over every corpus detection vs `yaml.parseDocument` alone, which is the
 *      least any reader built on the `yaml` package must spend; the difference is the CST kept for
 *      positions plus our decoding of the `search:` scalar.
 *
 *   node --import tsx bench/yamlDocuments.ts [rounds]      (default 3)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { readDetectionYaml } from '../server/src/core/syntax/documents';

const ROUNDS = Number(process.argv[2] ?? 3);
const detections = resolve(__dirname, '../../shared/corpus/security_content/detections');
const files = readdirSync(detections, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.yml'))
  .map((file) => readFileSync(join(detections, file), 'utf8'));

function time(run: () => number): { ms: number; result: number } {
  run(); // warm-up: JIT and caches
  const started = performance.now();
  let result = 0;
  for (let round = 0; round < ROUNDS; round++) result = run();
  return { ms: (performance.now() - started) / ROUNDS, result };
}

const reader = time(() => files.filter((text) => readDetectionYaml(text).search).length);
const baseline = time(() => files.filter((text) => parseDocument(text).get('search')).length);
if (reader.result !== baseline.result) {
  throw new Error(`searches found differ: ${reader.result} vs ${baseline.result}`);
}
const ratio = (reader.ms / baseline.ms).toFixed(2);
console.log(
  `(a) readDetectionYaml, ${files.length} files  ratio ${ratio}  (reader ${reader.ms.toFixed(0)} ms, parseDocument ${baseline.ms.toFixed(0)} ms)`,
);
