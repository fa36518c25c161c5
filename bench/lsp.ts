/**
 * The language server's per-keystroke work over every security_content detection, opened as the
 * editor opens it (the whole YAML file): diagnostics (YAML read + parse + lint with the corpus
 * macros), and a hover and a completion at every 50th offset of the search. Figures are ratios
 * against a baseline measured in the same run: `parseSpl` alone on the same searches.
 * Then the bundled server through the protocol on a 2,000-line document (bench/lspProtocol.ts)
 * and the size of the bundles VS Code loads.
 * Run: npm run build && node bench/bundled.mjs lsp
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadMacroFiles } from '../server/src/core/macros';
import { parseSpl } from '../server/src/core/syntax';
import { completionsAt } from '../server/src/lsp/completion';
import { diagnoseDocument } from '../server/src/lsp/diagnostics';
import { documentSplOf } from '../server/src/lsp/documents';
import { hoverAt } from '../server/src/lsp/hover';
import {
  bundleBytes,
  measureProtocol,
  minifiedBundleBytes,
  percentile,
  WARM_UP_EDITS,
} from './lspProtocol';

// Run from the repository root (`node bench/bundled.mjs lsp` requires it too).
const repoRoot = process.cwd();
const corpus = join(repoRoot, '../shared/corpus/security_content');
const ROUNDS = 5;
const PROBE_EVERY = 50;

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

const { index } = loadMacroFiles([join(corpus, 'macros'), join(repoRoot, 'sample-data/macros')]);
const documents = yamlFiles(join(corpus, 'detections')).map((file) =>
  TextDocument.create(pathToFileURL(file).href, 'yaml', 1, readFileSync(file, 'utf8')),
);
const searches = documents.flatMap((d) => documentSplOf(d.uri, d.languageId, d.getText()) ?? []);

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const baseline: number[] = [];
const diagnose: number[] = [];
const probes: number[] = [];
let probeCount = 0;
for (let round = 0; round < ROUNDS; round++) {
  baseline.push(timed(() => searches.forEach((s) => parseSpl(s.spl))));
  diagnose.push(
    timed(() =>
      documents.forEach((document) => {
        const source = documentSplOf(document.uri, document.languageId, document.getText());
        if (source) diagnoseDocument(document, source, index);
      }),
    ),
  );
  probeCount = 0;
  probes.push(
    timed(() =>
      searches.forEach((s) => {
        for (let offset = 0; offset < s.spl.length; offset += PROBE_EVERY) {
          hoverAt(s.spl, offset, index);
          completionsAt(s.spl, offset, index);
          probeCount += 1;
        }
      }),
    ),
  );
}

const base = median(baseline);
console.log(
  `${documents.length} detection files, ${searches.length} searches, median of ${ROUNDS} rounds`,
);
console.log(`baseline parseSpl: ${base.toFixed(0)} ms for all searches (1.00x)`);
console.log(
  `diagnostics (YAML + parse + lint): ${(median(diagnose) / base).toFixed(2)}x the baseline, ` +
    `${(median(diagnose) / documents.length).toFixed(2)} ms per document`,
);
console.log(
  `hover + completion at ${probeCount} offsets: ${(median(probes) / base).toFixed(2)}x the baseline, ` +
    `${((median(probes) / probeCount) * 1000).toFixed(0)} µs per offset`,
);

// Top-level await is not available: tsx runs this file as CommonJS.
void measureProtocol(join(repoRoot, 'dist/server.js'), corpus).then((figures) => {
  const round = percentile(figures.baseline, 50);
  const describe = (name: string, values: readonly number[], goal: string) => {
    const p50 = percentile(values, 50);
    const p95 = percentile(values, 95);
    console.log(
      `${name}: p50 ${p50.toFixed(1)} ms (${(p50 / round).toFixed(1)}x), ` +
        `p95 ${p95.toFixed(1)} ms (${(p95 / round).toFixed(1)}x)${goal}`,
    );
  };
  console.log(
    `protocol, bundled server, ${figures.lines}-line document, ${figures.baseline.length} samples each`,
  );
  console.log(
    `baseline hover round trip on a one-line document: p50 ${round.toFixed(2)} ms (1.0x)`,
  );
  const parses = figures.parse;
  const parseP50 = percentile(parses, 50);
  console.log(
    `for scale, parseSpl of the same document in this process: p50 ${parseP50.toFixed(1)} ms, ` +
      `p95 ${percentile(parses, 95).toFixed(1)} ms; edit -> publishDiagnostics p50 is ` +
      `${(percentile(figures.diagnostics, 50) / parseP50).toFixed(1)} parses`,
  );
  describe(
    `edit -> publishDiagnostics, all ${figures.diagnostics.length} edits`,
    figures.diagnostics,
    ' (goal p95 < 30 ms)',
  );
  describe(
    `  the first ${WARM_UP_EDITS} edits after the server started`,
    figures.diagnostics.slice(0, WARM_UP_EDITS),
    '',
  );
  describe(
    `  the ${figures.diagnostics.length - WARM_UP_EDITS} edits after them`,
    figures.diagnostics.slice(WARM_UP_EDITS),
    '',
  );
  describe('completion', figures.completion, ' (goal p95 < 16 ms)');
  describe('hover', figures.hover, '');
  const bytes = bundleBytes([join(repoRoot, 'dist/client.js'), join(repoRoot, 'dist/server.js')]);
  const megabytes = (count: number) => `${(count / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `bundle dist/client.js + dist/server.js: ${megabytes(bytes)} as built; ` +
      `${megabytes(minifiedBundleBytes(repoRoot))} minified (goal < 3 MB)`,
  );
});
