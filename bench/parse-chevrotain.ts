/**
 * The Chevrotain parser against the hand-written one, measured in the same run:
 *  - start-up: building the parser (grammar recording + performSelfAnalysis), in ms and as a
 *    ratio to one hand-written parse of the whole corpus;
 *  - the corpus: every detection search of ../shared's security_content, MB/s for both parsers
 *    and the Chevrotain/hand-written time ratio;
 *  - a 2,000-line document built from corpus searches: full reparse p50/p95 for both.
 *
 *   node --import tsx bench/parse-chevrotain.ts [passes]      (default 10)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { parseDocument } from 'yaml';
import { spawnSync } from 'node:child_process';
import { parseSplWithChevrotain, SplParser } from '../server/src/core/syntax/grammar/index';
import { parseSpl } from '../server/src/core/syntax/index';

/** The first build in a fresh process (modules loaded, nothing built yet), as module load does it. */
function coldBuildMs(): number {
  const script = `const { SplParser } = require('./server/src/core/syntax/grammar/splParser');
const start = performance.now(); new SplParser(); console.log(performance.now() - start);`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  return Number(child.stdout.trim());
}
const coldBuilds = sorted(Array.from({ length: 3 }, coldBuildMs));

const passes = Number(process.argv[2] ?? 10);
const detectionsDir = join(__dirname, '../../shared/corpus/security_content/detections');

const searches = globSync('**/*.yml', { cwd: detectionsDir })
  .sort()
  .flatMap((file) => {
    const search: unknown = parseDocument(readFileSync(join(detectionsDir, file), 'utf8')).get(
      'search',
    );
    return typeof search === 'string' ? [search] : [];
  });
const bytes = searches.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Milliseconds of each of `passes` passes of `run` over every text. */
function passTimes(texts: readonly string[], run: (text: string) => unknown): number[] {
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    for (const text of texts) run(text);
    times.push(performance.now() - start);
  }
  return times;
}

const buildTimes = Array.from({ length: 5 }, () => {
  const start = performance.now();
  new SplParser();
  return performance.now() - start;
});

passTimes(searches, parseSpl);
passTimes(searches, parseSplWithChevrotain);
const handMs = percentile(sorted(passTimes(searches, parseSpl)), 50);
const chevrotainMs = percentile(sorted(passTimes(searches, parseSplWithChevrotain)), 50);
const mbPerSecond = (ms: number): number => bytes / 1e6 / (ms / 1000);

/** Corpus searches, one stage per line, chained with `append` until 2,000 lines or more. */
function twoThousandLines(): string {
  const lines: string[] = [];
  for (let index = 0; lines.length < 2000; index++) {
    const search = (searches[index % searches.length] as string).replace(/\s+\|\s+/g, '\n| ');
    const body = search.split('\n');
    if (index === 0) lines.push(...body);
    else lines.push('| append [', ...body, ']');
  }
  return lines.join('\n');
}

const documentText = twoThousandLines();
const documentTimes = (run: (text: string) => unknown): number[] =>
  sorted(Array.from({ length: 3 }, () => passTimes([documentText], run)).flat());
const handDocument = documentTimes(parseSpl);
const chevrotainDocument = documentTimes(parseSplWithChevrotain);

const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const builds = sorted(buildTimes);
console.log(
  `start-up: new SplParser() (recording + performSelfAnalysis) cold, in a fresh process: median of ${coldBuilds.length} ${fixed(percentile(coldBuilds, 50))} ms (max ${fixed(percentile(coldBuilds, 100))}); warm rebuild median ${fixed(percentile(builds, 50))} ms; cold/one hand-written corpus pass ${fixed(percentile(coldBuilds, 50) / handMs)}`,
);
console.log(`corpus: ${searches.length} searches, ${bytes} bytes, median of ${passes} passes`);
console.log(`  hand-written ${fixed(mbPerSecond(handMs))} MB/s (${fixed(handMs, 0)} ms per pass)`);
console.log(
  `  Chevrotain   ${fixed(mbPerSecond(chevrotainMs))} MB/s (${fixed(chevrotainMs, 0)} ms per pass); time ratio Chevrotain/hand-written ${fixed(chevrotainMs / handMs)}`,
);
const p = (times: number[], at: number): string => fixed(percentile(times, at));
console.log(
  `${documentText.split('\n').length}-line document (${documentText.length} bytes), full reparse over ${handDocument.length} runs:`,
);
console.log(`  hand-written p50 ${p(handDocument, 50)} ms, p95 ${p(handDocument, 95)} ms`);
console.log(
  `  Chevrotain   p50 ${p(chevrotainDocument, 50)} ms, p95 ${p(chevrotainDocument, 95)} ms; p95 ratio ${fixed(percentile(chevrotainDocument, 95) / percentile(handDocument, 95))}`,
);
