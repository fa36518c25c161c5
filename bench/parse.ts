/**
 * Speed of the SPL syntax core, with reference points measured in the same run:
 *  - start-up: loading the syntax module, which loads Chevrotain, records the grammar and runs its
 *    self-analysis once, then the first parse (which also builds the lookahead of the decisions it
 *    meets: see grammar/lazyLookahead.ts);
 *  - the corpus: every detection search of ../shared's security_content, parsed in full, against
 *    the bare lexer over the same text and JSON.parse of the same bytes (as a JSON string);
 *  - a 2,000-line document built from corpus searches: full reparse p50/p95, and the reparse after
 *    an edit that the language server does (IncrementalParse.update).
 *
 * Run it as the product ships (an esbuild bundle): `node bench/bundled.mjs parse [passes]`.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type * as Syntax from '../server/src/core/syntax/index';
import { tokenize } from '../server/src/core/syntax/lexer';
import { readCorpus } from '../test/syntax/corpusFiles';
import { appendChain } from './appendChain';

// Requires, not imports, so each load happens here, inside its timed region: first what the
// grammar depends on (the catalog, the lexer, the AST helpers), then the grammar itself, whose
// module builds the one parser instance (Chevrotain's recording and self-analysis).
const dependenciesStart = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../server/src/core/syntax/catalog/index');
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../server/src/core/syntax/outline');
const dependenciesMs = performance.now() - dependenciesStart;
const loadStart = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('chevrotain');
const chevrotainMs = performance.now() - loadStart;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { IncrementalParse, parseSpl } = require('../server/src/core/syntax/index') as typeof Syntax;
const loadMs = performance.now() - loadStart;

const passes = Number(process.argv[2] ?? 10);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Milliseconds of one pass of `run` over every text, per pass. */
function passTimes(texts: readonly string[], run: (text: string) => unknown): number[] {
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    for (const text of texts) run(text);
    times.push(performance.now() - start);
  }
  return times;
}

const firstStart = performance.now();
parseSpl('index=main EventCode=1 | stats count by host');
const firstParseMs = performance.now() - firstStart;

const searches = readCorpus().searches.map((entry) => entry.search);
const bytes = searches.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const asJson = searches.map((text) => JSON.stringify(text));

passTimes(searches, parseSpl);
const parseMs = median(passTimes(searches, parseSpl));
const lexMs = median(passTimes(searches, tokenize));
const jsonMs = median(passTimes(asJson, JSON.parse));
const mbPerSecond = (ms: number): number => bytes / 1e6 / (ms / 1000);

const perSearch = searches.map((text) => {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    parseSpl(text);
    times.push(performance.now() - start);
  }
  return median(times);
});
perSearch.sort((a, b) => a - b);

const documentText = appendChain(searches);
const documentRuns = (run: (text: string) => unknown): number[] =>
  Array.from({ length: 3 }, () => passTimes([documentText], run))
    .flat()
    .sort((a, b) => a - b);
/** Each reparse's interval, so the GC pauses that fell inside it can be told apart. */
const reparses: { start: number; end: number }[] = [];
const gcPauses: { start: number; end: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
for (let run = 0; run < 3 * passes; run++) {
  const start = performance.now();
  parseSpl(documentText);
  reparses.push({ start, end: performance.now() });
}
const documentTimes = reparses.map((run) => run.end - run.start).sort((a, b) => a - b);

/**
 * What the language server does on a keystroke: a reparse from the last parse
 * (IncrementalParse.update). 100 edits spread over the document, each typing a space at the
 * start of a line and the next deleting it again, so the document stays as it was.
 */
const documentLines = documentText.split('\n');
let incremental = IncrementalParse.of(documentText);
const editTimes: number[] = [];
for (let edit = 0; edit < 100; edit++) {
  const line = ((edit >> 1) * 41) % documentLines.length;
  const edited = documentLines.map((text, index) =>
    index === line && edit % 2 === 0 ? ` ${text}` : text,
  );
  const text = edited.join('\n');
  const start = performance.now();
  incremental = incremental.update(text);
  editTimes.push(performance.now() - start);
}
editTimes.sort((a, b) => a - b);
const documentJson = JSON.stringify(documentText);
const documentJsonMs = median(documentRuns(() => JSON.parse(documentJson)));
const documentLexMs = median(documentRuns(tokenize));
const documentDiagnostics = parseSpl(documentText).diagnostics.length;

const fixed = (value: number, digits = 2): string => value.toFixed(digits);
console.log(
  `start-up: building the parser (loading Chevrotain ${fixed(chevrotainMs)} ms, then recording + self-analysis) ${fixed(loadMs)} ms, after its dependencies (catalog, lexer) ${fixed(dependenciesMs)} ms; first parse ${fixed(firstParseMs)} ms`,
);
console.log(`corpus: ${searches.length} searches, ${bytes} bytes, median of ${passes} passes`);
console.log(
  `  parseSpl      ${fixed(mbPerSecond(parseMs))} MB/s (${fixed(parseMs, 0)} ms per pass)`,
);
console.log(
  `  lexer only    ${fixed(mbPerSecond(lexMs))} MB/s   parse/lexer time ratio ${fixed(parseMs / lexMs)}`,
);
console.log(
  `  JSON.parse    ${fixed(mbPerSecond(jsonMs))} MB/s   parse/JSON.parse time ratio ${fixed(parseMs / jsonMs)}`,
);
console.log(
  `  per detection p50 ${fixed(percentile(perSearch, 50), 3)} ms, p95 ${fixed(percentile(perSearch, 95), 3)} ms, max ${fixed(percentile(perSearch, 100), 3)} ms`,
);
console.log(
  `${documentText.split('\n').length}-line document (${documentText.length} bytes, ${documentDiagnostics} diagnostics): full reparse min ${fixed(documentTimes[0] ?? 0)} ms, p50 ${fixed(percentile(documentTimes, 50))} ms, p95 ${fixed(percentile(documentTimes, 95))} ms over ${documentTimes.length} runs`,
);
console.log(
  `  reparse after an edit (IncrementalParse.update, 100 edits over the document): p50 ${fixed(percentile(editTimes, 50))} ms, p95 ${fixed(percentile(editTimes, 95))} ms; p50 ${fixed(percentile(documentTimes, 50) / percentile(editTimes, 50), 1)}x faster than the full reparse`,
);
console.log(
  `  p50 ratios: parse/lexer ${fixed(percentile(documentTimes, 50) / documentLexMs)}, parse/JSON.parse ${fixed(percentile(documentTimes, 50) / documentJsonMs)}`,
);

// GC entries arrive asynchronously, after the next turns of the event loop.
setTimeout(() => {
  gcObserver.disconnect();
  const gcMsIn = (run: { start: number; end: number }): number =>
    gcPauses.reduce(
      (sum, pause) =>
        sum + Math.max(0, Math.min(run.end, pause.end) - Math.max(run.start, pause.start)),
      0,
    );
  const gcMs = reparses.map(gcMsIn);
  const totalMs = reparses.reduce((sum, run) => sum + run.end - run.start, 0);
  const withoutGc = reparses
    .filter((_run, index) => gcMs[index] === 0)
    .map((run) => run.end - run.start)
    .sort((a, b) => a - b);
  const withGc = reparses.length - withoutGc.length;
  console.log(
    `  GC pauses: ${fixed((100 * gcMs.reduce((a, b) => a + b, 0)) / totalMs, 0)}% of the reparse time; ${withGc} of ${reparses.length} reparses had one; ` +
      `the ${withoutGc.length} without: p50 ${fixed(percentile(withoutGc, 50))} ms, p95 ${fixed(percentile(withoutGc, 95))} ms`,
  );
}, 200);
