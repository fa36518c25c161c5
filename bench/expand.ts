/**
 * Macro expansion over the whole security_content corpus: index build time, total expansion
 * time and per-detection p95, each against a baseline measured in the same run (one naive
 * `text.replace` of backtick calls over the same texts). Run: node --import tsx bench/expand.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expandMacros, loadMacroFiles } from '../server/src/core/macros';
import { detectionFilterMacroName, readDetectionYaml } from '../server/src/core/syntax/documents';

const repoRoot = resolve(import.meta.dirname, '..');
const corpus = join(repoRoot, '../shared/corpus/security_content');
const ROUNDS = 7;

function detectionFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return detectionFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

const macroPaths = [join(corpus, 'macros'), join(repoRoot, 'sample-data/macros/cim')];
const detections = detectionFiles(join(corpus, 'detections')).flatMap((file) => {
  const search = readDetectionYaml(readFileSync(file, 'utf8')).search;
  return search ? [{ text: search.text, filter: detectionFilterMacroName(basename(file)) }] : [];
});

const indexTimes: number[] = [];
let index = loadMacroFiles(macroPaths).index;
for (let round = 0; round < ROUNDS; round++) {
  const start = performance.now();
  index = loadMacroFiles(macroPaths).index;
  indexTimes.push(performance.now() - start);
}

// Baseline: one pass replacing each backtick call by a definition looked up by name, no nesting,
// no arguments, no source map: the least any expander has to do.
const definitions = new Map(index.all().map((d) => [d.name, d.definition]));
const naive = (text: string): string =>
  text.replace(/`([^`(]*)[^`]*`/g, (call, name: string) => definitions.get(name) ?? call);

const expandTotals: number[] = [];
const baselineTotals: number[] = [];
let perDetection: number[] = [];
let baselinePerDetection: number[] = [];
let characters = 0;
for (let round = 0; round < ROUNDS; round++) {
  const times: number[] = [];
  const baselineTimes: number[] = [];
  let roundStart = performance.now();
  for (const { text } of detections) {
    const start = performance.now();
    naive(text);
    baselineTimes.push(performance.now() - start);
  }
  baselineTotals.push(performance.now() - roundStart);
  roundStart = performance.now();
  characters = 0;
  for (const { text, filter } of detections) {
    const start = performance.now();
    characters += expandMacros(text, index, { implicitFilterMacros: [filter] }).text.length;
    times.push(performance.now() - start);
  }
  expandTotals.push(performance.now() - roundStart);
  perDetection = times;
  baselinePerDetection = baselineTimes;
}

const total = median(expandTotals);
const baseline = median(baselineTotals);
const p95 = percentile(perDetection, 95);
const baselineP95 = percentile(baselinePerDetection, 95);
console.log(
  `detections: ${detections.length}, expanded characters: ${characters}, rounds: ${ROUNDS} (medians)`,
);
console.log(`index build (${index.all().length} macros): ${median(indexTimes).toFixed(1)} ms`);
console.log(
  `expand all: ${total.toFixed(1)} ms = ${(total / baseline).toFixed(1)}x the naive replace (${baseline.toFixed(2)} ms)`,
);
console.log(
  `per detection p95: ${(p95 * 1000).toFixed(0)} us = ${(p95 / baselineP95).toFixed(1)}x the naive replace's p95 (${(baselineP95 * 1000).toFixed(1)} us)`,
);
console.log(`goal (whole corpus under 1 s): ${total < 1000 ? 'met' : 'missed'}`);
