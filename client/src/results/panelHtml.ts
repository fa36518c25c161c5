import { randomBytes } from 'node:crypto';

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin VS Code serves the extension's local resources from. */
  readonly cspSource: string;
  /** `webview.asWebviewUri` of dist/webview/results.js and results.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh random value for every render (see `createNonce`). */
  readonly nonce: string;
}

/** 128 random bits, base64: a script nonce nobody can guess. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The content security policy of the results webview: nothing loads or runs except our one
 * script (by nonce) and our stylesheet; no inline style, no remote content, no frames, no forms.
 * Images are SVG elements built by the script, so no img-src is needed.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The static page: no data, only empty containers with stable ids and data-testid attributes that
 * the script fills with text nodes. UI tests find elements by those attributes.
 */
export function panelHtml(options: PanelHtmlOptions): string {
  const csp = contentSecurityPolicy(options.cspSource, options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(options.styleUri)}">
<title>SPL Results</title>
</head>
<body>
${panelBody}
<script nonce="${attribute(options.nonce)}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/** The page's body, also used by the unit tests that run the script against a DOM. */
export const panelBody = `<main id="app" data-testid="results" data-state="empty">
<header class="bar">
<span id="title" class="title" data-testid="title">No results yet: run "SPL: Run Search on Sample Data".</span>
<span id="summary" class="summary" data-testid="summary"></span>
<span id="datasets" class="datasets" data-testid="datasets"></span>
<span id="origin" class="origin" data-testid="origin" hidden></span>
<span class="actions">
<button id="rerun" type="button" data-testid="rerun">Run again</button>
<button id="export-csv" type="button" data-testid="export-csv">Export CSV</button>
<button id="export-json" type="button" data-testid="export-json">Export JSON</button>
</span>
</header>
<div id="stale" class="stale" data-testid="stale" hidden>The document changed since this run: run again to update.</div>
<ul id="messages" class="messages" data-testid="messages"></ul>
<details id="pipeline" class="pipeline" open>
<summary>Pipeline</summary>
<ol id="stages" class="stages" data-testid="stages"></ol>
</details>
<div id="timeline" class="timeline" data-testid="timeline" hidden></div>
<div class="bar toolbar">
<input id="filter" type="search" placeholder="Filter rows" aria-label="Filter rows" data-testid="filter">
<span id="shown" class="shown" data-testid="shown-count"></span>
<span class="actions">
<button id="view-table" type="button" data-testid="view-table" aria-pressed="true">Table</button>
<button id="view-chart" type="button" data-testid="view-chart" aria-pressed="false" disabled>Chart</button>
</span>
</div>
<div id="table-scroller" class="scroller">
<table id="results-table" class="results" data-testid="results-table">
<thead><tr id="header-row"></tr></thead>
<tbody id="rows"></tbody>
</table>
</div>
<div id="chart" class="chart" data-testid="chart" hidden></div>
<section id="events" class="events" data-testid="events" hidden>
<div class="bar"><span id="events-title" class="title"></span><span class="actions"><button id="close-events" type="button">Close</button></span></div>
<div id="events-body"></div>
</section>
</main>`;

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
