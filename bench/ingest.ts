/**
 * Ingest speed of the evaluator's input side, on the generated Sysmon file (made on first use):
 *  (a) a selective read with literals ['wermgr.exe:'] against `grep -c -F -i 'wermgr.exe:'`;
 *  (b) reading every event and extracting its fields with the built-in configuration, against
 *      parsing every line with fast-xml-parser alone.
 * Figures are ratios to baselines measured in the same run; each side takes its best of a few runs.
 *
 *   node --import tsx bench/ingest.ts [events]     (default 100000)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { XMLParser } from 'fast-xml-parser';
import { loadFieldConfig } from '../server/src/core/engine/fields';
import { createInputReport, readEvents } from '../server/src/core/engine/input';
import {
  GENERATED_DIR,
  TRUE_POSITIVES_PER_FILE,
  generateEvents,
  generatedFile,
} from './generate-events';

const LITERAL = 'wermgr.exe:';
/** Best of three on the small file; one run each on the big one, where a run takes minutes. */
const runsFor = (events: number) => (events > 200_000 ? 1 : 3);

/** Peak RSS over a run: sampled on a timer and by the measured code itself. */
class RssSampler {
  peak = 0;
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.peak = process.memoryUsage().rss;
    this.timer = setInterval(() => this.sample(), 20);
  }
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

async function best<T>(runs: number, run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let result: { ms: number; value: T } | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const value = await run();
    const ms = performance.now() - start;
    if (result === undefined || ms < result.ms) result = { ms, value };
  }
  return result!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const file = generatedFile(count);
  if (!existsSync(file)) {
    mkdirSync(GENERATED_DIR, { recursive: true });
    await generateEvents(count, file);
  }
  const runs = runsFor(count);
  console.log(`file: ${file} (${count} events)`);

  const grep = await best(runs, async () => {
    const out = spawnSync('grep', ['-c', '-F', '-i', LITERAL, file], { encoding: 'utf8' });
    return Number(out.stdout.trim());
  });
  const selectiveRss = new RssSampler();
  selectiveRss.start();
  const selective = await best(runs, async () => {
    let rows = 0;
    for await (const row of readEvents(
      { path: file },
      { literals: [LITERAL] },
      createInputReport(),
    )) {
      if (row.has('_raw')) rows++;
    }
    return rows;
  });
  const selectivePeak = selectiveRss.stop();
  if (selective.value !== grep.value || grep.value !== TRUE_POSITIVES_PER_FILE) {
    throw new Error(`hit counts differ: reader ${selective.value}, grep ${grep.value}`);
  }
  console.log(
    `(a) selective read: ${selective.ms.toFixed(0)} ms, grep -c -F -i: ${grep.ms.toFixed(0)} ms, ` +
      `ratio ${(selective.ms / grep.ms).toFixed(2)}x (goal <= 3x), ${selective.value} hits, peak RSS ${mb(selectivePeak)}`,
  );

  const parser = new XMLParser({ ignoreAttributes: false });
  const baseline = await best(runs, async () => {
    let parsed = 0;
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (parser.parse(line)) parsed++;
    }
    return parsed;
  });
  const { extractor } = loadFieldConfig({});
  const fullRss = new RssSampler();
  fullRss.start();
  const full = await best(runs, async () => {
    let fields = 0;
    let rows = 0;
    for await (const row of readEvents({ path: file }, {}, createInputReport())) {
      extractor.apply(row);
      fields += row.size;
      if (++rows % 10_000 === 0) fullRss.sample();
    }
    return { rows, fields };
  });
  const fullPeak = fullRss.stop();
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
  console.log(
    `(b) read + extract every event: ${rate(full.value.rows, full.ms)} events/s ` +
      `(${(full.value.fields / full.value.rows).toFixed(1)} fields each); fast-xml-parser alone: ` +
      `${rate(baseline.value, baseline.ms)} events/s; ratio ${(baseline.ms / full.ms).toFixed(2)}x faster (goal >= 4x), ` +
      `peak RSS ${mb(fullPeak)}`,
  );
}

void main();
