/**
 * Speed of the local evaluator, as ratios against baselines measured in the same run:
 *  (a) the wermgr seed detection vs `grep -c -F -i 'wermgr.exe:'` on the same file (wall time);
 *  (b) `sysmon | stats count by EventCode Image` vs parsing every line with fast-xml-parser alone
 *      (events per second);
 * plus the peak RSS of each case. Each case runs in its own child process so that its peak RSS
 * is its own.
 *
 * Each child first runs its case over a small file so that module loading and JIT warm-up are not
 * timed; grep runs twice and the second run counts, so both sides read from the page cache.
 *
 *   node --import tsx bench/run.ts [seedEvents] [statsEvents]   (default 1000000 100000;
 *   generates missing files)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { XMLParser } from 'fast-xml-parser';
import { runSearch } from '../server/src/core/engine/run';
import { loadMacroFiles } from '../server/src/core/macros';
import { GENERATED_DIR, generateEvents, generatedFile } from './generate-events';

const ROOT = join(__dirname, '..');
const SEED = join(
  ROOT,
  'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl',
);
const MACROS = join(ROOT, 'sample-data/macros');
const SEED_FILTER = 'windows_wermgr_alternate_data_stream_in_temp_dir_filter';

interface Measurement {
  ms: number;
  maxRssMb: number;
  events: number;
  rows: number;
}

async function runCase(name: string, file: string): Promise<Omit<Measurement, 'maxRssMb'>> {
  const started = performance.now();
  if (name === 'xml') {
    const parser = new XMLParser({ ignoreAttributes: false });
    let events = 0;
    for await (const line of createInterface({ input: createReadStream(file) })) {
      if (line.length === 0) continue;
      parser.parse(line);
      events++;
    }
    return { ms: performance.now() - started, events, rows: events };
  }
  const text =
    name === 'seed' ? readFileSync(SEED, 'utf8') : '`sysmon` | stats count by EventCode Image';
  const result = await runSearch({
    text,
    macroIndex: loadMacroFiles([MACROS]).index,
    implicitFilterMacros: [SEED_FILTER],
    datasets: [{ path: file }],
    now: Date.UTC(2026, 11, 1) / 1000,
  });
  const errors = result.messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((m) => m.message).join('; '));
  return {
    ms: performance.now() - started,
    events: result.stages[0]?.in ?? 0,
    rows: result.results.length,
  };
}

function measure(name: string, file: string, warmup: string): Measurement {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', __filename, '--case', name, file, warmup],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`case ${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Measurement;
}

function grepMs(file: string): { ms: number; count: number } {
  const grep = () =>
    execFileSync('grep', ['-c', '-F', '-i', 'wermgr.exe:', file], { encoding: 'utf8' });
  grep();
  const started = performance.now();
  const out = grep();
  return { ms: performance.now() - started, count: Number(out.trim()) };
}

async function ensureFile(count: number): Promise<string> {
  const file = generatedFile(count);
  if (!existsSync(file)) {
    mkdirSync(GENERATED_DIR, { recursive: true });
    await generateEvents(count, file);
  }
  return file;
}

async function main(): Promise<void> {
  const caseIndex = process.argv.indexOf('--case');
  if (caseIndex >= 0) {
    const [name, file, warmup] = process.argv.slice(caseIndex + 1) as [string, string, string];
    await runCase(name, warmup);
    const result = await runCase(name, file);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ ...result, maxRssMb }));
    return;
  }
  const seedCount = Number(process.argv[2] ?? 1_000_000);
  const statsCount = Number(process.argv[3] ?? 100_000);
  const warmup = await ensureFile(1_000);
  const seedFile = await ensureFile(seedCount);
  const statsFile = await ensureFile(statsCount);
  const grep = grepMs(seedFile);
  const seed = measure('seed', seedFile, warmup);
  const xml = measure('xml', statsFile, warmup);
  const stats = measure('stats', statsFile, warmup);
  const eps = (m: Measurement) => m.events / (m.ms / 1000);
  const lines = [
    `(a) seed detection over ${seedCount} events: ${seed.ms.toFixed(0)} ms, ${seed.rows} result rows; ` +
      `grep -c -F -i 'wermgr.exe:': ${grep.ms.toFixed(0)} ms (${grep.count} lines) -> ` +
      `${(seed.ms / grep.ms).toFixed(2)}x grep (goal <= 3x); peak RSS ${seed.maxRssMb.toFixed(0)} MB`,
    `(b) sysmon | stats count by EventCode Image over ${statsCount} events: ${eps(stats).toFixed(0)} events/s; ` +
      `fast-xml-parser alone: ${eps(xml).toFixed(0)} events/s -> ${(eps(stats) / eps(xml)).toFixed(2)}x ` +
      `(goal >= 4x); peak RSS ${stats.maxRssMb.toFixed(0)} MB (fast-xml-parser alone: ` +
      `${xml.maxRssMb.toFixed(0)} MB)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
