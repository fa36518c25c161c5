import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LintConfig } from './config';
import { lintFiles, type LintRun, type LintRunOptions, type LintTotals } from './lintFiles';

/** Below this many files a worker's start-up (bundle, parser, macros) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;
const MAX_THREADS = 4;
const PROGRESS_EVERY = 50;

interface WorkerJob {
  readonly kind: 'spl-lint';
  readonly files: readonly string[];
  readonly config: LintConfig;
  readonly fix: boolean;
}

type WorkerMessage = { progress: number } | { run: LintRun };

/**
 * Lints on every core: this thread takes one share of the files and worker threads (the same
 * script, see `runLintWorkerIfAny`) take the others; files are dealt round-robin so that each
 * share mixes folders. Reports come back in the order of `files`. A worker that cannot start
 * leaves its share to this thread.
 */
export async function lintFilesInParallel(
  files: readonly string[],
  config: LintConfig,
  options: LintRunOptions,
  threading: { readonly entryScript: string | undefined; readonly threads?: number },
): Promise<LintRun> {
  const { entryScript } = threading;
  const threads = Math.min(threading.threads ?? 1, MAX_THREADS, availableParallelism());
  if (threads < 2 || files.length < MIN_FILES_FOR_WORKERS || entryScript === undefined) {
    return lintFiles(files, config, options);
  }
  const shares = Array.from({ length: threads }, (_, t) =>
    files.filter((_, i) => i % threads === t),
  );
  const progress = new Array<number>(threads).fill(0);
  const report = () =>
    options.onProgress?.(
      progress.reduce((a, b) => a + b, 0),
      files.length,
    );
  const workers = shares.slice(1).map((share, w) =>
    runWorker(entryScript, { kind: 'spl-lint', files: share, config, fix: options.fix }, (done) => {
      progress[w + 1] = done;
      report();
    }).catch(() => lintFiles(share, config, { fix: options.fix })),
  );
  const own = lintFiles(shares[0] ?? [], config, {
    fix: options.fix,
    onProgress: (done) => {
      progress[0] = done;
      report();
    },
  });
  const runs = [own, ...(await Promise.all(workers))];
  options.onProgress?.(files.length, files.length);
  const order = new Map(files.map((file, i) => [file, i]));
  return {
    reports: runs
      .flatMap((run) => run.reports)
      .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0)),
    failures: runs.flatMap((run) => run.failures),
    timings: sumTimings(runs.map((run) => run.timings)),
    threads: runs.length,
  };
}

function runWorker(
  entryScript: string,
  job: WorkerJob,
  onProgress: (done: number) => void,
): Promise<LintRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entryScript, { workerData: job, execArgv: process.execArgv });
    worker.on('message', (message: WorkerMessage) => {
      if ('progress' in message) onProgress(message.progress);
      else resolve(message.run);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker exited with ${code}`));
    });
  });
}

/** In a worker started by lintFilesInParallel: lints its share, posts the run, and says so. */
export function runLintWorkerIfAny(): boolean {
  const job = workerData as WorkerJob | undefined;
  if (isMainThread || job?.kind !== 'spl-lint' || !parentPort) return false;
  const port = parentPort;
  const run = lintFiles(job.files, job.config, {
    fix: job.fix,
    onProgress: (done) => {
      if (done % PROGRESS_EVERY === 0) port.postMessage({ progress: done });
    },
  });
  // Syntax-tree ranges compute their positions when read (LineIndex.lazyRange) and a structured
  // clone keeps no getters; through JSON (their toJSON) they arrive whole.
  port.postMessage({ run: JSON.parse(JSON.stringify(run)) as LintRun });
  return true;
}

/** Per-thread times added up: with several threads they exceed the wall time. */
function sumTimings(all: readonly LintTotals[]): LintTotals {
  const sum: LintTotals = { readMs: 0, macrosMs: 0, parseMs: 0, rulesMs: 0, fixMs: 0 };
  for (const t of all) {
    sum.readMs += t.readMs;
    sum.macrosMs += t.macrosMs;
    sum.parseMs += t.parseMs;
    sum.rulesMs += t.rulesMs;
    sum.fixMs += t.fixMs;
  }
  return sum;
}
