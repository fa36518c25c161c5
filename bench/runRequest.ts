/**
 * Cost of running a search through the language server (`spl/runSearch`), as ratios against the
 * same search run in-process in the same run:
 *  (a) baseline: `runSearch` called directly, no details;
 *  (b) `runSearch` with what the editor needs (stage samples, lineage, timeline, event-loop turns);
 *  (c) the request from a client: request sent -> response parsed (server and client under tsx,
 *      like (a) and (b), so the ratio is fair).
 * Also the hover latency while a long run goes on (the server must keep answering).
 *
 *   node --import tsx bench/runRequest.ts [events]     (default 100000; generates a missing file)
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runSearch, type RunRequest } from '../server/src/core/engine/run';
import { loadMacroFiles } from '../server/src/core/macros';
import type { RunSearchResult } from '../server/src/protocol/runSearch';
import { runYieldEveryMs } from '../server/src/lsp/runSearchService';
import { fileUri, LspSession } from '../test/lsp/lspSession';
import { GENERATED_DIR, generateEvents, generatedFile } from './generate-events';

const root = join(__dirname, '..');
const seedPath = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl';
const statsPath = 'bench/.generated/stats-by-image.spl';
const statsText = '`sysmon` | stats count by EventCode Image';
const macros = loadMacroFiles([join(root, 'sample-data/macros')]).index;
const filter = 'windows_wermgr_alternate_data_stream_in_temp_dir_filter';

interface Case {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly data: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
}

async function inProcess(c: Case, editor: boolean): Promise<number> {
  const request: RunRequest = {
    text: c.text,
    macroIndex: macros,
    implicitFilterMacros: [filter],
    datasets: [{ path: join(root, c.data) }],
    ...(editor
      ? {
          details: { sampleRows: 5, eventsPerRow: 10, rowsWithEvents: 1000 },
          yieldEveryMs: runYieldEveryMs,
        }
      : {}),
  };
  const started = performance.now();
  await runSearch(request);
  return performance.now() - started;
}

async function viaServer(session: LspSession, c: Case): Promise<number> {
  const started = performance.now();
  const result = await session.request<RunSearchResult>('spl/runSearch', {
    uri: fileUri(c.path),
    sampleDataPaths: [c.data],
  });
  if (result.stages.length === 0) throw new Error(`${c.name}: ${JSON.stringify(result.messages)}`);
  return performance.now() - started;
}

async function hoverLatency(session: LspSession, c: Case): Promise<number[]> {
  let done = false;
  const run = session
    .request('spl/runSearch', { uri: fileUri(c.path), sampleDataPaths: [c.data] })
    .finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await session.hover(fileUri(c.path), 0, 1);
    latencies.push(performance.now() - started);
    await new Promise((wake) => setTimeout(wake, 20));
  }
  await run;
  return latencies.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 100_000);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const big = generatedFile(events);
  if (!existsSync(big)) await generateEvents(events, big);
  const bigData = relative(root, big);
  const seedText = readFileSync(join(root, seedPath), 'utf8');
  const cases: Case[] = [
    {
      name: 'seed, sample data (20 events)',
      path: seedPath,
      text: seedText,
      data: 'sample-data/events',
    },
    { name: `seed, ${events} events`, path: seedPath, text: seedText, data: bigData },
    {
      name: `stats by EventCode Image, ${events} events`,
      path: statsPath,
      text: statsText,
      data: bigData,
    },
  ];
  const session = await LspSession.start('.');
  await session.open(fileUri(seedPath), 'spl', seedText);
  await session.open(fileUri(statsPath), 'spl', statsText);
  // Warm-up: module loading and JIT on both sides, then page cache for the big file.
  for (const c of cases) {
    await inProcess(c, false);
    await viaServer(session, c);
  }
  console.log('case | in-process (a) | editor details (b) | via LSP (c) | b/a | c/a');
  for (const c of cases) {
    const reps = c.data === bigData ? 3 : 9;
    const a: number[] = [];
    const b: number[] = [];
    const viaLsp: number[] = [];
    for (let i = 0; i < reps; i++) {
      a.push(await inProcess(c, false));
      b.push(await inProcess(c, true));
      viaLsp.push(await viaServer(session, c));
    }
    const [ma, mb, mc] = [median(a), median(b), median(viaLsp)];
    console.log(
      `${c.name} | ${ma.toFixed(1)} ms | ${mb.toFixed(1)} ms | ${mc.toFixed(1)} ms | ${(mb / ma).toFixed(2)}x | ${(mc / ma).toFixed(2)}x`,
    );
  }
  const latencies = await hoverLatency(session, cases[2]!);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  console.log(
    `hover during the ${events}-event stats run: ${latencies.length} hovers, p50 ${at(0.5).toFixed(1)} ms, ` +
      `p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms (turns every ${runYieldEveryMs} ms)`,
  );
  await session.stop();
}

void main();
