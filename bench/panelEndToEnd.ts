// End to end in a real VS Code (code-server in headless Chromium): the time from accepting
// "SPL: Run Search on Sample Data" in the command palette to the first result row rendered in the
// results webview, for (a) the wermgr seed on sample-data/events, (b) the same search over 100K
// generated events, (c) a stats search over the same 100K events. The baseline, measured in the
// same session the same way, is "SPL: Expand Macros" (a palette command that goes through the
// extension host and the language server and opens a document). A measurement script, not a test:
//   node --import tsx bench/panelEndToEnd.ts
//
// Both ends are timestamped in the browser, on the clock all its frames share
// (performance.timeOrigin + performance.now()): the start by a capturing keydown listener on the
// workbench when Enter accepts the palette entry, the end in the next animation frame after a
// MutationObserver in the webview (or the workbench, for the baseline) sees the result appear.
// Polling from this script only collects the timestamps, so its latency is not in the figures.
import { existsSync, linkSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startCodeServer } from '../test/vscode/codeServer';
import { openFile, runCommand, webviewContent } from '../test/vscode/workbench';
import { generateEvents, generatedFile } from './generate-events';

const runs = 5;
const seedFile = 'windows_wermgr_alternate_data_stream_in_temp_dir.spl';
const statsFile = 'stats-by-image.spl';
const statsText = '`sysmon` | stats count by EventCode Image\n';
const bigEvents = 100_000;
const bigInWorkspace = 'bench-events/sysmon-100000.log';
const runTitle = 'SPL: Run Search on Sample Data';
const expandTitle = 'SPL: Expand Macros';

interface Sample {
  ms: number;
  /** The panel's own summary (rows and the server-side elapsed time it reports). */
  summary: string;
  serverMs: number;
}

/** The browser globals the page-side functions use (this project compiles without the DOM lib). */
interface BenchWindow {
  __splEnterAt?: number;
  __splDoneAt?: number;
  __splObserver?: PageObserver;
  document: {
    body: unknown;
    querySelector(selector: string): { textContent: string | null } | null;
  };
  MutationObserver: new (
    callback: (records: { oldValue: string | null }[]) => void,
  ) => PageObserver;
  requestAnimationFrame(callback: () => void): number;
  addEventListener(
    type: 'keydown',
    listener: (event: { key: string }) => void,
    capture: boolean,
  ): void;
}

interface PageObserver {
  observe(target: unknown, options: Record<string, unknown>): void;
  disconnect(): void;
}

interface PageElement {
  getAttribute(name: string): string | null;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The panel's "N rows in 1.23 s" back into milliseconds (NaN when it says something else). */
function summaryMs(summary: string): number {
  const match = / in ([\d.]+) (ms|s)\b/.exec(summary);
  if (!match?.[1]) return NaN;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

function settings(workspace: string, sampleDataPaths: string[]): void {
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'spl.sampleDataPaths': sampleDataPaths }),
  );
}

async function poll<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`no result within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

async function enterAt(page: Page): Promise<number> {
  const at = await page.evaluate(() => (globalThis as unknown as BenchWindow).__splEnterAt);
  if (at === undefined) throw new Error('the Enter key of the palette was not seen');
  return at;
}

/** Arms an observer in the webview that timestamps the first row of the next run's results. */
async function armPanel(app: Locator): Promise<void> {
  await app.evaluate((element: PageElement) => {
    const bench = globalThis as unknown as BenchWindow;
    bench.__splObserver?.disconnect();
    bench.__splDoneAt = undefined;
    // The panel keeps the previous rows while the next run goes on: only rows shown after the
    // 'running' state count.
    let sawRunning = false;
    const observer = new bench.MutationObserver((records) => {
      if (records.some((r) => r.oldValue === 'running')) sawRunning = true;
      const state = element.getAttribute('data-state');
      if (state === 'running') sawRunning = true;
      if (!sawRunning || state !== 'ready') return;
      if (!bench.document.querySelector('[data-testid="results-table"] tr[data-row-index]')) return;
      observer.disconnect();
      bench.requestAnimationFrame(() => {
        bench.__splDoneAt = performance.timeOrigin + performance.now();
      });
    });
    observer.observe(element, {
      attributes: true,
      attributeFilter: ['data-state'],
      attributeOldValue: true,
      childList: true,
      subtree: true,
    });
    bench.__splObserver = observer;
  });
}

async function timeRun(
  page: Page,
  file: string,
  dataset: string,
  timeoutMs: number,
): Promise<Sample> {
  await openFile(page, file);
  const panel = webviewContent(page);
  const app = panel.locator('[data-testid="results"]');
  await armPanel(app);
  await runCommand(page, runTitle);
  const doneAt = await poll(
    () => app.evaluate(() => (globalThis as unknown as BenchWindow).__splDoneAt),
    timeoutMs,
  );
  const ms = doneAt - (await enterAt(page));
  const datasets = await panel.locator('[data-testid="datasets"]').innerText();
  if (!datasets.includes(dataset)) throw new Error(`ran over ${datasets}, not ${dataset}`);
  const summary = await panel.locator('[data-testid="summary"]').innerText();
  return { ms, summary, serverMs: summaryMs(summary) };
}

/** The baseline: palette Enter -> the expanded search's tab active with its text rendered. */
async function timeExpand(page: Page): Promise<Sample> {
  await openFile(page, seedFile);
  await page.evaluate(() => {
    const bench = globalThis as unknown as BenchWindow;
    bench.__splDoneAt = undefined;
    // Inline: tsx names local functions through a helper the page does not have.
    const observer = new bench.MutationObserver(() => {
      const { document } = bench;
      const tab = document.querySelector('.editor-group-container.active .tab.active');
      const lines = document.querySelector('.editor-group-container.active .view-lines');
      if (!(tab?.textContent ?? '').includes('.expanded.spl')) return;
      if (!(lines?.textContent ?? '').includes('stats')) return;
      observer.disconnect();
      bench.requestAnimationFrame(() => {
        bench.__splDoneAt = performance.timeOrigin + performance.now();
      });
    });
    observer.observe(bench.document.body, { childList: true, subtree: true, characterData: true });
  });
  await runCommand(page, expandTitle);
  const doneAt = await poll(
    () => page.evaluate(() => (globalThis as unknown as BenchWindow).__splDoneAt),
    30_000,
  );
  const ms = doneAt - (await enterAt(page));
  await runCommand(page, 'View: Close Editor');
  return { ms, summary: '', serverMs: NaN };
}

async function measure(name: string, once: () => Promise<Sample>): Promise<Sample[]> {
  const warmUp = await once();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  console.log(
    `${name}: ${samples.map((s) => Math.round(s.ms)).join(', ')} ms ` +
      `(warm-up ${Math.round(warmUp.ms)} ms)`,
  );
  return samples;
}

function report(name: string, samples: Sample[], baseline: Sample[]): void {
  const ms = samples.map((s) => s.ms);
  const base = baseline.map((s) => s.ms);
  const p50 = percentile(ms, 50);
  const p95 = percentile(ms, 95);
  const server = percentile(
    samples.map((s) => s.serverMs),
    50,
  );
  const serverPart = Number.isNaN(server)
    ? ''
    : `; panel says "${samples.at(-1)?.summary ?? ''}" (server-side p50 ${Math.round(server)} ms, ` +
      `${((100 * server) / p50).toFixed(0)}% of the total)`;
  console.log(
    `${name}: p50 ${Math.round(p50)} ms (${(p50 / percentile(base, 50)).toFixed(1)}x baseline), ` +
      `p95 ${Math.round(p95)} ms (${(p95 / percentile(base, 95)).toFixed(1)}x baseline)` +
      serverPart,
  );
}

async function main(): Promise<void> {
  const source = generatedFile(bigEvents);
  if (!existsSync(source)) await generateEvents(bigEvents, source);
  const session = await startCodeServer({
    screenshotPrefix: 'panel-e2e',
    files: {
      [statsFile]: statsText,
      '.vscode/settings.json': JSON.stringify({ 'spl.sampleDataPaths': ['events'] }),
    },
  });
  try {
    const { page, workspace } = session;
    // The server reads sample data inside the workspace only; a hard link costs nothing when
    // /tmp and the repository share a filesystem.
    const big = join(workspace, bigInWorkspace);
    mkdirSync(join(big, '..'), { recursive: true });
    try {
      linkSync(source, big);
    } catch {
      copyFileSync(source, big);
    }
    await page.evaluate(() => {
      (globalThis as unknown as BenchWindow).addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter') {
            (globalThis as unknown as BenchWindow).__splEnterAt =
              performance.timeOrigin + performance.now();
          }
        },
        true,
      );
    });

    // The first run activates the extension, starts the language server and opens the panel.
    await session.step('first-run', async () => {
      await openFile(page, seedFile);
      // Until the language server is up, the command only warns: try again.
      await poll(async () => {
        await runCommand(page, runTitle);
        return webviewContent(page)
          .locator('[data-testid="results"][data-state="ready"]')
          .waitFor({ timeout: 20_000 })
          .then(
            () => true,
            () => undefined,
          );
      }, 120_000);
    });
    const seed = await measure('(a) seed on sample-data/events', () =>
      timeRun(page, seedFile, 'over events', 60_000),
    );
    settings(workspace, [bigInWorkspace]);
    // VS Code picks the changed settings file up from disk a moment later: run until it has.
    await poll(async () => {
      await timeRun(page, seedFile, '', 300_000);
      const datasets = await webviewContent(page).locator('[data-testid="datasets"]').innerText();
      return datasets.includes('sysmon-100000.log') ? true : undefined;
    }, 120_000);
    const bigSeed = await measure('(b) seed on 100K events', () =>
      timeRun(page, seedFile, 'sysmon-100000.log', 300_000),
    );
    const bigStats = await measure('(c) stats on 100K events', () =>
      timeRun(page, statsFile, 'sysmon-100000.log', 300_000),
    );
    await session.screenshot('last-run');
    // Last: the expanded search opens beside, over the results panel.
    const baseline = await measure('baseline (Expand Macros)', () => timeExpand(page));

    console.log(`\nrun command -> first rendered row, N=${runs} after one warm-up each:`);
    report('baseline (Expand Macros)', baseline, baseline);
    report('(a) seed on sample-data/events', seed, baseline);
    report('(b) seed on 100K events', bigSeed, baseline);
    report('(c) stats on 100K events', bigStats, baseline);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
