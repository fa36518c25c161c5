import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { constants, homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { killProcessGroup, listeningUrl, stopProcessGroup } from './processGroup';
import { packageVsix, repoRoot } from './vsix';

export const setupScript = resolve(repoRoot, '../shared/tools/code-server-setup.sh');
const codeServerDir = join(homedir(), '.cache', 'code-server-4.100.3');
const codeServerEntry = join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
/** Debian's Chromium, which the setup script installs; Playwright's own browsers cannot be fetched here. */
const chromiumPath = '/usr/bin/chromium';
/** Screenshots of every step and of every failure, and code-server's logs; git-ignored. */
export const screenshotDir = resolve(repoRoot, '.test-output/vscode');

const stopSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Quiet, deterministic workbench: no welcome page, tips, update checks or trust prompts. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  // The built-in Git extension activates at start-up and scans the workspace; the tests need none of it.
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
};

export interface CodeServerSession {
  readonly page: Page;
  /** The temp copy of sample-data/ that code-server has open. */
  readonly workspace: string;
  /** Saves a screenshot as .test-output/vscode/<prefix>-<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Runs one step of a test; screenshots it as `<name>` when it passes, `<name>-failure` when not. */
  step(name: string, action: () => Promise<void>): Promise<void>;
  /** Closes the browser, stops code-server and every process it started, removes the temp dirs. */
  close(): Promise<void>;
  /** code-server's process group id, so a test can check that nothing survives close(). */
  readonly processGroup: number;
  /** Where close() keeps code-server's logs (extension host, language server output). */
  readonly logDir: string;
  /** Milliseconds each start-up phase took. */
  readonly timings: StartTimings;
}

export interface StartTimings {
  packageMs: number;
  installMs: number;
  serverMs: number;
  workbenchMs: number;
}

export interface StartOptions {
  /** Names screenshots; one per test file keeps them apart. */
  screenshotPrefix: string;
  /** Extra files to write into the workspace copy (path relative to it, then text). */
  files?: Record<string, string>;
}

/** Runs the shared setup script (idempotent: it returns at once once code-server is installed). */
export function ensureCodeServer(): void {
  const result = spawnSync('bash', [setupScript, codeServerDir], {
    encoding: 'utf8',
    timeout: 30 * 60_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `code-server setup failed (${setupScript}, exit ${result.status}); it needs root for ` +
        `apt-get on a fresh machine:\n${result.stdout}${result.stderr}`,
    );
  }
}

/**
 * Packages the extension, installs it into a fresh code-server with temp user-data and extension
 * dirs, opens a temp copy of sample-data/ and loads the workbench in headless Chromium.
 */
export async function startCodeServer(options: StartOptions): Promise<CodeServerSession> {
  ensureCodeServer();
  // A passing run must not leave an earlier run's failure screenshots beside its own.
  mkdirSync(screenshotDir, { recursive: true });
  for (const name of readdirSync(screenshotDir)) {
    if (name.startsWith(`${options.screenshotPrefix}-`)) {
      rmSync(join(screenshotDir, name), { recursive: true, force: true });
    }
  }
  const root = mkdtempSync(join(tmpdir(), 'spl-code-server-'));
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  const workspace = join(root, 'workspace');
  cpSync(resolve(repoRoot, 'sample-data'), workspace, { recursive: true });
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(resolve(workspace, path, '..'), { recursive: true });
    writeFileSync(resolve(workspace, path), text);
  }
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));

  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const killGroup = (): void => {
    if (server?.pid !== undefined) killProcessGroup(server.pid, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };
  // code-server runs detached, so nothing else stops it: a test process that exits or is
  // interrupted mid-run must not leave code-server and its children behind.
  const onSignal = (signal: NodeJS.Signals): void => {
    killGroup();
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  process.once('exit', killGroup);
  for (const signal of stopSignals) process.once(signal, onSignal);
  let activePage: Page | undefined;
  const screenshot = async (name: string): Promise<string> => {
    mkdirSync(screenshotDir, { recursive: true });
    const file = join(screenshotDir, `${options.screenshotPrefix}-${name}.png`);
    await activePage?.screenshot({ path: file });
    return file;
  };
  const keptLogs = join(screenshotDir, `${options.screenshotPrefix}-logs`);
  let closed = false;
  const cleanUp = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await browser?.close().catch(() => undefined);
    if (server?.pid !== undefined) await stopProcessGroup(server, server.pid);
    process.removeListener('exit', killGroup);
    for (const signal of stopSignals) process.removeListener(signal, onSignal);
    rmSync(keptLogs, { recursive: true, force: true });
    const logs = join(userData, 'logs');
    if (existsSync(logs)) cpSync(logs, keptLogs, { recursive: true });
    rmSync(root, { recursive: true, force: true });
  };

  try {
    let phaseStart = performance.now();
    const lap = (): number => {
      const now = performance.now();
      const ms = Math.round(now - phaseStart);
      phaseStart = now;
      return ms;
    };
    const vsix = join(root, 'spl-toolkit.vsix');
    packageVsix(vsix);
    const packageMs = lap();
    const common = ['--extensions-dir', extensions, '--user-data-dir', userData];
    const install = spawnSync(
      process.execPath,
      [codeServerEntry, ...common, '--install-extension', vsix],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
      throw new Error(
        `code-server could not install the .vsix:\n${install.stdout}${install.stderr}`,
      );
    }
    const installMs = lap();

    server = spawn(
      process.execPath,
      [
        codeServerEntry,
        ...common,
        '--auth',
        'none',
        '--bind-addr',
        '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        workspace,
      ],
      // Its own process group: the extension host and the language server die with it.
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await listeningUrl(server, 60_000);
    const serverMs = lap();

    browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    activePage = page;
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    const timings = { packageMs, installMs, serverMs, workbenchMs: lap() };

    const serverPid = server.pid!;
    const session: CodeServerSession = {
      page,
      workspace,
      processGroup: serverPid,
      logDir: keptLogs,
      timings,
      screenshot,
      async step(name, action) {
        try {
          await action();
        } catch (error) {
          const file = await screenshot(`${name}-failure`).catch(() => 'none');
          throw new Error(`${(error as Error).message}\n(screenshot: ${file})`, { cause: error });
        }
        await screenshot(name);
      },
      close: cleanUp,
    };
    await screenshot('start');
    return session;
  } catch (error) {
    if (activePage) await screenshot('start-failure').catch(() => undefined);
    await cleanUp();
    throw error;
  }
}
