import { ConfigurationTarget, window, workspace, type SecretStorage } from 'vscode';
import type { SplunkConnectionParams, SplunkSearchMode } from '../../../server/src/protocol/splunk';
import { baseUrlProblem, normalBaseUrl, splunkTimeoutMs, tokenSecretKey } from './splunkInputs';

export interface SplunkRunSettings {
  readonly connection: SplunkConnectionParams;
  readonly earliest: string;
  readonly latest: string;
  readonly mode: SplunkSearchMode;
}

/**
 * What a run on Splunk needs, from settings and the secret store; asks for the URL (offering to
 * save it) and the token when they are missing. undefined when the user dismisses a prompt.
 */
export async function splunkRunSettings(
  secrets: SecretStorage,
): Promise<SplunkRunSettings | undefined> {
  if (workspace.getConfiguration('spl.trace').get<string>('server') === 'verbose') {
    // A verbose trace writes every request's parameters, the token included, to the output.
    void window.showErrorMessage(
      'SPL: set spl.trace.server to "messages" or "off" to run on Splunk: a verbose trace would log the token.',
    );
    return undefined;
  }
  const settings = workspace.getConfiguration('spl.splunk');
  const baseUrl = await configuredUrl(configuredUrlSetting());
  if (baseUrl === undefined) return undefined;
  const token = (await secrets.get(tokenSecretKey(baseUrl))) ?? (await askToken(secrets, baseUrl));
  if (token === undefined) return undefined;
  return {
    connection: {
      baseUrl,
      token,
      verifyTls: settings.get<boolean>('verifyTls') !== false,
      timeoutMs: splunkTimeoutMs(settings.get('timeoutSeconds')),
    },
    earliest: textSetting(settings.get('earliest'), '-24h'),
    latest: textSetting(settings.get('latest'), 'now'),
    mode:
      settings.get<boolean>('sendExpandedSearch') === true ? 'local-expansion' : 'server-macros',
  };
}

/**
 * "SPL: Set Splunk Token": a password box for the server of spl.splunk.url (asked for when
 * unset); the value goes only into the secret store.
 */
export async function setSplunkToken(secrets: SecretStorage): Promise<void> {
  const baseUrl = await configuredUrl(configuredUrlSetting());
  if (baseUrl === undefined) return;
  if ((await askToken(secrets, baseUrl)) !== undefined) {
    void window.showInformationMessage(
      `SPL: the Splunk token for ${new URL(baseUrl).host} is saved in the secret store.`,
    );
  }
}

/** "SPL: Clear Splunk Token": forgets the token of the server of spl.splunk.url. */
export async function clearSplunkToken(secrets: SecretStorage): Promise<void> {
  const configured = configuredUrlSetting();
  if (configured.trim() === '' || baseUrlProblem(configured)) {
    void window.showInformationMessage('SPL: spl.splunk.url is not set, so no token is in use.');
    return;
  }
  const baseUrl = normalBaseUrl(configured);
  await secrets.delete(tokenSecretKey(baseUrl));
  void window.showInformationMessage(
    `SPL: the Splunk token for ${new URL(baseUrl).host} is removed from the secret store.`,
  );
}

function configuredUrlSetting(): string {
  return workspace.getConfiguration('spl.splunk').get<string>('url') ?? '';
}

async function askToken(secrets: SecretStorage, baseUrl: string): Promise<string | undefined> {
  const token = await window.showInputBox({
    title: `SPL: Splunk token for ${new URL(baseUrl).host}`,
    prompt:
      'An authentication token allowed to run searches (Splunk Web: Settings > Tokens). It is kept in VS Code\u2019s secret store.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter the token.' : undefined),
  });
  const trimmed = token?.trim();
  if (!trimmed) return undefined;
  await secrets.store(tokenSecretKey(baseUrl), trimmed);
  return trimmed;
}

async function configuredUrl(configured: string): Promise<string | undefined> {
  if (configured.trim() !== '') {
    const problem = baseUrlProblem(configured);
    if (!problem) return normalBaseUrl(configured);
    void window.showErrorMessage(`SPL: the setting spl.splunk.url is not usable: ${problem}`);
    return undefined;
  }
  const typed = await window.showInputBox({
    title: 'SPL: Splunk management URL',
    prompt: 'The base URL of the Splunk management port (usually 8089).',
    placeHolder: 'https://splunk.example.com:8089',
    ignoreFocusOut: true,
    validateInput: baseUrlProblem,
  });
  if (typed === undefined || baseUrlProblem(typed)) return undefined;
  const url = normalBaseUrl(typed);
  void offerToSave(url);
  return url;
}

async function offerToSave(url: string): Promise<void> {
  const user = 'Save in User Settings';
  const folder = 'Save in Workspace Settings';
  const choice = await window.showInformationMessage(
    `SPL: save ${url} as spl.splunk.url?`,
    user,
    ...(workspace.workspaceFolders ? [folder] : []),
  );
  if (choice === undefined) return;
  const target = choice === user ? ConfigurationTarget.Global : ConfigurationTarget.Workspace;
  await workspace.getConfiguration('spl.splunk').update('url', url, target);
}

function textSetting(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}
