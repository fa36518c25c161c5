import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type SplRun } from './helpers';

const BIN = join(ROOT, 'bin/spl.js');

/**
 * Runs the bundled `spl` without blocking the event loop, so that the mock Splunk in this same
 * process can answer it. The connection comes through the environment, as a user sets it.
 */
export function splAsync(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onStart?: (child: ChildProcess) => void,
): Promise<SplRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', SPL_SPLUNK_INSECURE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  onStart?.(child);
  return new Promise((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
}

/** Writes `files` (name -> text) under dir, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
}
