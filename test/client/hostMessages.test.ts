import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  contentSecurityPolicy,
  createNonce,
  panelBody,
  panelHtml,
} from '../../client/src/results/panelHtml';
import { parseWebviewMessage } from '../../client/src/results/webviewMessages';

const bounds = { rowCount: 3, stageCount: 2 };

test('well-formed webview messages pass, typed', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'ready' }, bounds), { type: 'ready' });
  assert.deepEqual(parseWebviewMessage({ type: 'rerun', extra: 1 }, bounds), { type: 'rerun' });
  assert.deepEqual(parseWebviewMessage({ type: 'revealStage', index: 1 }, bounds), {
    type: 'revealStage',
    index: 1,
  });
  assert.deepEqual(
    parseWebviewMessage({ type: 'export', format: 'json', rowIndices: [2, 0] }, bounds),
    { type: 'export', format: 'json', rowIndices: [2, 0] },
  );
});

test('anything else from the webview is refused', () => {
  const refused: unknown[] = [
    null,
    'ready',
    [],
    { type: 'eval', code: '1' },
    { type: 'revealStage', index: 2 },
    { type: 'revealStage', index: -1 },
    { type: 'revealStage', index: 0.5 },
    { type: 'revealStage', index: '0' },
    { type: 'export', format: 'html', rowIndices: [] },
    { type: 'export', format: 'csv', rowIndices: [3] },
    { type: 'export', format: 'csv', rowIndices: 'all' },
    { type: 'export', format: 'csv', rowIndices: [0, 1, 2, 0] },
    { type: 'export', format: 'csv', rowIndices: [NaN] },
  ];
  for (const value of refused) {
    assert.equal(parseWebviewMessage(value, bounds), undefined, JSON.stringify(value));
  }
});

test('the page allows only its nonce script and its own stylesheet', () => {
  const nonce = createNonce();
  assert.notEqual(nonce, createNonce());
  assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
  const csp = contentSecurityPolicy('vscode-webview://abc', nonce);
  assert.equal(
    csp,
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src vscode-webview://abc; ` +
      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  assert.doesNotMatch(csp, /unsafe|https?:|\*/);
  const html = panelHtml({
    cspSource: 'vscode-webview://abc',
    scriptUri: 'vscode-webview://abc/dist/webview/results.js',
    styleUri: 'vscode-webview://abc/dist/webview/results.css',
    nonce,
  });
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.deepEqual(scripts, [
    `<script nonce="${nonce}" src="vscode-webview://abc/dist/webview/results.js">`,
  ]);
  assert.doesNotMatch(html, /\sstyle=|\son\w+=/);
});

test('the static page carries the ids and test ids UI tests rely on', () => {
  for (const id of [
    'results',
    'results-table',
    'stages',
    'messages',
    'timeline',
    'filter',
    'summary',
    'events',
    'chart',
    'export-csv',
    'export-json',
  ]) {
    assert.ok(panelBody.includes(`data-testid="${id}"`), id);
  }
});
