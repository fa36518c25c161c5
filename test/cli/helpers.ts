import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus/security_content');
export const CIM_MACROS = join(ROOT, 'sample-data/macros/cim');
const BIN = join(ROOT, 'bin/spl.js');

export interface SplRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the bundled `spl` as a user would (build first: `npm run build`), with a clean colour
 * environment so that output is plain unless a test asks otherwise.
 */
export function spl(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): SplRun {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', SPL_TIMINGS: '', ...options.env };
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A scratch folder, removed by the returned function. */
export function scratch(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'spl-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies sample-data's macros beside the scratch files, as a content repository has them. */
export function copyMacros(dir: string): void {
  cpSync(join(ROOT, 'sample-data/macros'), join(dir, 'macros'), { recursive: true });
}
