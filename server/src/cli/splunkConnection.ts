import type { Command } from 'commander';
import type { SplunkConnection } from '../splunk';

/** The Splunk flags of `spl run`; the token is deliberately not one of them (shell history). */
export interface SplunkFlags {
  splunkUrl?: string;
  insecure?: boolean;
  earliest?: string;
  latest?: string;
  sendExpanded?: boolean;
}

/** The Splunk part of `spl run`'s options. */
export interface SplunkOptions extends SplunkFlags {
  splunk?: boolean;
  compare?: boolean;
  compareFields?: string[];
}

/** Adds the Splunk options to `spl run`. */
export function addSplunkOptions(command: Command): Command {
  return command
    .option(
      '--splunk',
      'run on a Splunk server instead: URL from --splunk-url or SPL_SPLUNK_URL, token from SPL_SPLUNK_TOKEN',
    )
    .option(
      '--compare',
      'run locally and on the Splunk server and print the rows only one side has (exit 1 when they differ)',
    )
    .option('--splunk-url <url>', 'the Splunk management URL, e.g. https://splunk.example.com:8089')
    .option(
      '--insecure',
      "do not verify the server's TLS certificate (a test server's self-signed one; or SPL_SPLUNK_INSECURE=1)",
    )
    .option(
      '--earliest <time>',
      'earliest time of the Splunk search, e.g. -24h or 2024-01-01T00:00:00',
    )
    .option('--latest <time>', 'latest time of the Splunk search, e.g. now')
    .option(
      '--compare-fields <fields...>',
      'with --compare: the fields that decide whether two rows are the same (default: every field both sides have)',
    )
    .option(
      '--send-expanded',
      "send our macro expansion instead of letting the server expand, and list the used macros that differ from the server's",
    );
}

/** The first Splunk-only flag given without --splunk or --compare. */
export function serverFlagWithoutServer(options: SplunkOptions): string | undefined {
  if (options.compare !== true && options.compareFields !== undefined) return '--compare-fields';
  if (options.splunk === true || options.compare === true) return undefined;
  const given: [unknown, string][] = [
    [options.splunkUrl, '--splunk-url'],
    [options.insecure, '--insecure'],
    [options.earliest, '--earliest'],
    [options.latest, '--latest'],
    [options.sendExpanded, '--send-expanded'],
  ];
  return given.find(([value]) => value !== undefined)?.[1];
}

/**
 * The connection from flags and environment: the URL from --splunk-url or SPL_SPLUNK_URL, the
 * token only from SPL_SPLUNK_TOKEN, TLS verification off only with --insecure or
 * SPL_SPLUNK_INSECURE=1 (with a warning). A string is the usage error to print.
 */
export function splunkConnectionOf(
  flags: SplunkFlags,
  timeoutMs: number | undefined,
  env: NodeJS.ProcessEnv,
  warn: (text: string) => void,
): SplunkConnection | string {
  const baseUrl = flags.splunkUrl ?? env.SPL_SPLUNK_URL ?? '';
  if (baseUrl === '') {
    return 'give the Splunk management URL with --splunk-url or SPL_SPLUNK_URL (e.g. https://splunk.example.com:8089).';
  }
  const token = env.SPL_SPLUNK_TOKEN ?? '';
  if (token === '') {
    return 'set SPL_SPLUNK_TOKEN to a Splunk authentication token (it is read only from the environment, never from a flag, so that it stays out of shell history).';
  }
  const insecure = flags.insecure === true || env.SPL_SPLUNK_INSECURE === '1';
  if (insecure) {
    warn(
      "spl run: warning: TLS verification is off: anyone between here and Splunk can read the token. Use this only with a test server's self-signed certificate.",
    );
  }
  return {
    baseUrl,
    token,
    verifyTls: !insecure,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}
