/**
 * The language server through the real protocol, as VS Code drives it: the bundled server
 * (dist/server.js, `npm run build` first) in a child process over stdio, the security_content
 * corpus as the workspace, and a 2,000-line search (corpus searches chained with `append`).
 * Measures edit -> publishDiagnostics, completion and hover latencies (p50/p95), each as a ratio
 * against a baseline measured in the same run: the round trip of a hover on a one-line document
 * (transport and dispatch alone).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { parseSpl } from '../server/src/core/syntax';
import { documentSplOf } from '../server/src/lsp/documents';
import { appendChain } from './appendChain';

const SAMPLES = 40;
/**
 * Edits measured. The first ones after the server starts run while V8 is still optimizing the
 * parser (a 2,000-line parse takes about 8 parses to reach its steady speed), so the figures
 * are given for the first WARM_UP_EDITS, for the rest, and for all of them.
 */
const EDITS = 100;
if (EDITS % 2 !== 0) throw new Error('edits come in pairs');
export const WARM_UP_EDITS = 10;
/** Longer than the scheduler's debounce, so each edit starts after a quiet spell. */
const PAUSE_MS = 250;

export interface ProtocolFigures {
  readonly lines: number;
  readonly baseline: number[];
  readonly diagnostics: number[];
  readonly completion: number[];
  readonly hover: number[];
  /** parseSpl of the same document in this process, for scale. */
  readonly parse: number[];
}

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

/** Corpus searches, one stage per line, chained with `append` until there are 2,000 lines. */
function twoThousandLines(corpus: string): string {
  const searches = yamlFiles(join(corpus, 'detections'))
    .slice(0, 400)
    .flatMap((file) => documentSplOf(file, 'yaml', readFileSync(file, 'utf8'))?.spl ?? []);
  return appendChain(searches);
}

function sleep(ms: number): Promise<void> {
  return new Promise((wake) => setTimeout(wake, ms));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function measureProtocol(
  serverPath: string,
  corpus: string,
): Promise<ProtocolFigures> {
  // SPL_BENCH_SERVER_NODE_ARGS (say `--cpu-prof`) profiles the server under the benchmark's load.
  const nodeArgs = process.env.SPL_BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection: ProtocolConnection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published = new Map<string, (version: number | undefined) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version }) =>
    published.get(uri)?.(version),
  );
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(corpus).href, name: 'corpus' }],
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const publishedVersion = (uri: string, version: number) =>
    new Promise<void>((done) =>
      published.set(uri, (seen) => {
        if (seen === version) done();
      }),
    );

  const text = twoThousandLines(corpus);
  const lines = text.split('\n');
  const uri = pathToFileURL(join(corpus, 'bench-2000-lines.spl')).href;
  const opened = publishedVersion(uri, 1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'spl', version: 1, text },
  });
  await opened;

  const tiny = pathToFileURL(join(corpus, 'bench-tiny.spl')).href;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: tiny, languageId: 'spl', version: 1, text: 'index=a | stats count' },
  });
  const baseline: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    baseline.push(
      await timed(() =>
        connection.sendRequest(HoverRequest.type, {
          textDocument: { uri: tiny },
          position: { line: 0, character: 12 },
        }),
      ),
    );
  }

  // A space typed at the start of a line, then deleted again, at lines spread over the document
  // (its start, middle and end early on): real incremental edits that leave the text as it was.
  const diagnostics: number[] = [];
  const pairs = EDITS / 2;
  for (let i = 0; i < EDITS; i++) {
    await sleep(PAUSE_MS);
    const line = Math.floor(((((i >> 1) * 37) % pairs) * lines.length) / pairs);
    const version = i + 2;
    const position = { line, character: 0 };
    const change =
      i % 2 === 0
        ? { range: { start: position, end: position }, text: ' ' }
        : { range: { start: position, end: { line, character: 1 } }, text: '' };
    const done = publishedVersion(uri, version);
    diagnostics.push(
      await timed(async () => {
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [change],
        });
        await done;
      }),
    );
  }

  const stageStarts = lines.flatMap((line, index) => (line.startsWith('| ') ? [index] : []));
  const completion: number[] = [];
  const hover: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const line = stageStarts[Math.floor((i * stageStarts.length) / SAMPLES)] ?? 0;
    const width = (lines[line] ?? '').length;
    completion.push(
      await timed(() =>
        connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: { line, character: Math.min(width, 2 + (i % 8)) },
        }),
      ),
    );
    hover.push(
      await timed(() =>
        connection.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line, character: Math.min(width, 4) },
        }),
      ),
    );
  }
  const parse: number[] = [];
  for (let i = 0; i < 10; i++) parse.push(await timed(async () => parseSpl(text)));
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  // A server that exits on its own writes what its node options asked for (a --cpu-prof file).
  const exited = new Promise((done) => child.once('exit', done));
  await Promise.race([exited, sleep(2000)]);
  child.kill();
  return { lines: lines.length, baseline, diagnostics, completion, hover, parse };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function bundleBytes(paths: readonly string[]): number {
  return paths.reduce((sum, path) => sum + statSync(path).size, 0);
}

/**
 * The client and server bundled as esbuild.mjs does, minified, into bench/.generated (dist/ is
 * untouched). Through esbuild's command line: a bundled benchmark cannot carry esbuild itself.
 */
export function minifiedBundleBytes(repoRoot: string): number {
  const entries = [
    { entry: 'client/src/extension.ts', out: 'min-client.js', external: ['--external:vscode'] },
    { entry: 'server/src/lsp/main.ts', out: 'min-server.js', external: [] },
  ];
  let bytes = 0;
  for (const { entry, out, external } of entries) {
    const outfile = join(repoRoot, 'bench/.generated', out);
    const result = spawnSync(
      join(repoRoot, 'node_modules/.bin/esbuild'),
      [
        join(repoRoot, entry),
        '--bundle',
        '--platform=node',
        '--target=node20',
        '--format=cjs',
        '--minify',
        '--log-level=error',
        '--define:import.meta.url=importMetaUrl',
        `--outfile=${outfile}`,
        ...external,
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`esbuild failed: ${result.stderr}`);
    bytes += statSync(outfile).size;
  }
  return bytes;
}
