/**
 * Runs the results webview's real script (bundled from client/webview/main.ts as the build does)
 * in happy-dom on the panel's real page body, standing in for VS Code's webview API.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { panelBody } from '../../client/src/results/panelHtml';
import type { HostMessage, WebviewMessage } from '../../client/webview/messages';
import { repoRoot } from './fixtures';

let bundled: Promise<string> | undefined;

/** The webview bundle, built once per test file. */
function webviewScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [resolve(repoRoot, 'client/webview/main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]!.text);
  return bundled;
}

export interface WebviewPage {
  readonly window: Window;
  readonly document: Window['document'];
  /** What the script posted to the host. */
  readonly posted: WebviewMessage[];
  send(message: HostMessage): void;
  /** Runs pending timers and animation frames. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** `script`: the webview bundle to run; by default built from the source now. */
export async function openWebviewPage(script?: string): Promise<WebviewPage> {
  const code = script ?? (await webviewScript());
  const window = new Window({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
    },
  });
  const document = window.document;
  // The page body is our own static markup, with no data in it.
  document.body.innerHTML = panelBody;
  const posted: WebviewMessage[] = [];
  let state: unknown;
  Object.assign(window, {
    acquireVsCodeApi: () => ({
      // VS Code serialises messages; this also brings them out of the page's realm.
      postMessage: (message: WebviewMessage) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => state,
      setState: (next: unknown) => {
        state = next;
      },
    }),
  });
  window.eval(code);
  return {
    window,
    document,
    posted,
    send(message) {
      window.dispatchEvent(new window.MessageEvent('message', { data: message }));
    },
    settle: () => window.happyDOM.waitUntilComplete(),
    async close() {
      await window.happyDOM.abort();
      window.close();
    },
  };
}
