/** What the user gives a Splunk run, checked (no vscode import: unit-tested as is). */

/**
 * A base URL as the user types it. The URL goes into settings, so it must not carry
 * credentials; the token lives in SecretStorage only.
 */
export function baseUrlProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the management URL, e.g. https://splunk.example.com:8089';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Not a URL: use the form https://splunk.example.com:8089';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The URL must start with https:// (or http:// for a server without TLS).';
  }
  if (url.username !== '' || url.password !== '') {
    return 'Leave credentials out of the URL: the token is asked for separately and kept in the secret store.';
  }
  if (url.search !== '' || url.hash !== '') return 'Leave out the query and fragment (? and #).';
  return undefined;
}

/** The URL as it is stored: trimmed, without a trailing slash. */
export function normalBaseUrl(text: string): string {
  return text.trim().replace(/\/+$/, '');
}

/**
 * The SecretStorage key of the token for one server (scheme, host and port): a token is only
 * ever sent to the server it was given for, even after spl.splunk.url changes.
 */
export function tokenSecretKey(baseUrl: string): string {
  return `spl.splunk.token@${new URL(baseUrl).origin}`;
}

export interface TimeRangeOverride {
  readonly earliest?: string;
  readonly latest?: string;
}

/**
 * The optional second argument of the Splunk commands (from a keybinding's `args` or another
 * extension): `{earliest, latest}` as Splunk time modifiers; anything else is ignored.
 */
export function timeRangeOverride(value: unknown): TimeRangeOverride {
  if (typeof value !== 'object' || value === null) return {};
  const { earliest, latest } = value as Record<string, unknown>;
  const usable = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  return {
    ...(usable(earliest) ? { earliest: earliest.trim() } : {}),
    ...(usable(latest) ? { latest: latest.trim() } : {}),
  };
}

/** The bounds of `spl.splunk.timeoutSeconds`, as package.json declares them. */
export const splunkTimeoutSeconds = { default: 300, min: 10, max: 3600 };

/**
 * The time limit of a Splunk run in milliseconds, from the `spl.splunk.timeoutSeconds` setting:
 * a value out of bounds is brought within them, anything but a number gives the default.
 */
export function splunkTimeoutMs(setting: unknown): number {
  const { min, max } = splunkTimeoutSeconds;
  const seconds =
    typeof setting === 'number' && Number.isFinite(setting)
      ? Math.min(max, Math.max(min, setting))
      : splunkTimeoutSeconds.default;
  return Math.round(seconds * 1000);
}
