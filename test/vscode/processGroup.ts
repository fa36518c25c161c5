// code-server and everything it starts (extension host, language server) run as one process
// group, so the tests can stop all of it at once and check that nothing survives.
import type { ChildProcess } from 'node:child_process';

/** Resolves with code-server's URL once it prints the address it listens on (port 0: the OS picks). */
export function listeningUrl(server: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`code-server did not start in ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        server.stdout?.removeListener('data', onData);
        server.stderr?.removeListener('data', onData);
        // Keep draining its output so a full pipe never blocks it.
        server.stdout?.resume();
        server.stderr?.resume();
        resolvePromise(`${match[1]}/`);
      }
    };
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`${why}:\n${output}`));
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => fail(`code-server exited with ${code}`));
  });
}

export function killProcessGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

/** True while any process of the group lives (signal 0 only checks). */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, then SIGKILL to what is left after 5 s. */
export async function stopProcessGroup(server: ChildProcess, pgid: number): Promise<void> {
  killProcessGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (processGroupAlive(pgid) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
  }
  killProcessGroup(pgid, 'SIGKILL');
  if (server.exitCode === null && server.signalCode === null) {
    await new Promise((done) => server.once('exit', done));
  }
}
