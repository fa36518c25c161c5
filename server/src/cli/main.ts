import { Command } from 'commander';
import { version } from '../../../package.json';
import { registerCommands } from './commands';
import { runLintWorkerIfAny } from './lint/parallel';

/** Entry point of the `spl` executable. Each subcommand lives in commands/<name>.ts. */
async function main(argv: string[]): Promise<void> {
  const program = new Command('spl')
    .description('Lint, expand, format and run Splunk SPL searches and detections.')
    .version(version)
    .option('-q, --quiet', 'print only errors: no summaries, notes or progress')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    // commander has already printed help, version or the usage error.
    if (typeof code === 'number') process.exitCode = code === 0 ? 0 : 2;
    else {
      process.stderr.write(`spl: ${(error as Error).message}\n`);
      process.exitCode = 2;
    }
  }
}

/**
 * A reader that closes the pipe early (`spl test ... | head`) has all it wants: stop quietly
 * instead of dying on the write error.
 */
function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// `spl lint` starts this same script in worker threads to lint on every core.
if (!runLintWorkerIfAny()) {
  exitQuietlyOnClosedPipe();
  void main(process.argv);
}
