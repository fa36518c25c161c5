/**
 * The results webview's script (bundled by esbuild into dist/webview/results.js, run under the
 * page's nonce-only CSP). It draws what the host posts and posts back only user intents, which
 * the host checks; every piece of event data goes into the page as text.
 */
import type { HostMessage, PanelRun, WebviewMessage } from './messages';
import { chartData, isChartable, type ChartData } from './model/chartData';
import { plural, runSummary } from './model/format';
import {
  carryViewState,
  nextSort,
  TableModel,
  type SortState,
  type ViewState,
} from './model/tableModel';
import { renderChart } from './view/chart';
import { byId } from './view/dom';
import { renderEvents } from './view/events';
import { renderMessages, renderStages } from './view/pipeline';
import { ResultsTable } from './view/table';
import { renderTimeline } from './view/timeline';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Mode = 'table' | 'chart';
interface SavedState {
  readonly view: ViewState;
  readonly mode: Mode;
}

const vscode = acquireVsCodeApi();
const page = {
  app: byId('app'),
  title: byId('title'),
  summary: byId('summary'),
  datasets: byId('datasets'),
  origin: byId('origin'),
  stale: byId('stale'),
  messages: byId<HTMLUListElement>('messages'),
  pipeline: byId('pipeline'),
  stages: byId<HTMLOListElement>('stages'),
  timeline: byId('timeline'),
  filter: byId<HTMLInputElement>('filter'),
  shown: byId('shown'),
  viewTable: byId<HTMLButtonElement>('view-table'),
  viewChart: byId<HTMLButtonElement>('view-chart'),
  scroller: byId('table-scroller'),
  chart: byId('chart'),
  events: byId('events'),
  eventsTitle: byId('events-title'),
  eventsBody: byId('events-body'),
};

let run: PanelRun | undefined;
let model: TableModel | undefined;
let order: number[] = [];
let chart: ChartData | undefined;
let { view, mode } = restoreState(vscode.getState());

const table = new ResultsTable(
  page.scroller,
  byId<HTMLTableRowElement>('header-row'),
  byId<HTMLTableSectionElement>('rows'),
  {
    onSort: (field) => updateView({ ...view, sort: nextSort(view.sort, field) }),
    onRowClick: showEvents,
  },
);

page.filter.value = view.filter;
page.filter.addEventListener('input', () => updateView({ ...view, filter: page.filter.value }));
page.viewTable.addEventListener('click', () => setMode('table'));
page.viewChart.addEventListener('click', () => setMode('chart'));
byId('export-csv').addEventListener('click', () => exportRows('csv'));
byId('export-json').addEventListener('click', () => exportRows('json'));
byId('rerun').addEventListener('click', () => vscode.postMessage({ type: 'rerun' }));
byId('close-events').addEventListener('click', closeEvents);

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  if (message.type === 'show') show(message.run);
  else if (message.type === 'running') running(message.documentLabel);
  else if (message.type === 'stale') page.stale.hidden = false;
});
vscode.postMessage({ type: 'ready' });

function show(next: PanelRun): void {
  const result = next.result;
  // Rows of a streaming run arrive in batches: the reader's scroll position stays where it was.
  const scrollTop = run?.streaming === true ? page.scroller.scrollTop : undefined;
  view = carryViewState(run?.result.fields, result.fields, view);
  run = next;
  model = new TableModel(result.fields, result.rows);
  const commands = result.stages.map((s) => s.command);
  chart = isChartable(commands) ? chartData(result.fields, result.rows) : undefined;
  if (!chart) mode = 'table';
  page.app.setAttribute('data-state', 'ready');
  page.title.textContent = next.documentLabel;
  page.summary.textContent = runSummary({
    totalRows: result.totalRows,
    shownRows: result.rows.length,
    elapsedMs: result.elapsedMs,
    stopped: result.stopped,
  });
  page.summary.setAttribute('data-total-rows', String(result.totalRows));
  page.datasets.textContent = datasetsText(result.datasets.map((d) => d.path));
  page.datasets.title = result.datasets.map((d) => d.path).join('\n');
  page.datasets.hidden = next.origin !== undefined && result.datasets.length === 0;
  page.origin.textContent = next.origin ?? '';
  page.origin.hidden = next.origin === undefined;
  // Rows from elsewhere (a Splunk server) come with no stage counts to show.
  page.pipeline.hidden = next.origin !== undefined && result.stages.length === 0;
  if (next.streaming === true) page.summary.textContent += ', receiving\u2026';
  page.stale.hidden = true;
  page.filter.value = view.filter;
  page.viewChart.disabled = !chart;
  renderMessages(page.messages, result.messages);
  renderStages(page.stages, result.stages, (index) =>
    vscode.postMessage({ type: 'revealStage', index }),
  );
  renderTimeline(page.timeline, result.timeline, result.stages);
  closeEvents();
  applyView();
  setMode(mode);
  if (scrollTop !== undefined) page.scroller.scrollTop = scrollTop;
}

/** `over wermgr_ads_sysmon.log`, `over 3 datasets`, or why there is nothing to read. */
function datasetsText(paths: readonly string[]): string {
  if (paths.length === 0) return 'no sample data';
  if (paths.length > 1) return `over ${paths.length} datasets`;
  return `over ${paths[0]?.split(/[\\/]/).pop() ?? ''}`;
}

function running(documentLabel: string): void {
  page.app.setAttribute('data-state', 'running');
  page.title.textContent = documentLabel;
  page.summary.textContent = 'Running\u2026';
}

function updateView(next: ViewState): void {
  view = next;
  saveState();
  applyView();
}

function applyView(): void {
  if (!model) return;
  order = model.view(view);
  table.setColumns(model.fields, view.sort);
  table.setRows(model.rows, order);
  page.shown.textContent =
    order.length === model.rows.length
      ? plural(order.length, 'row')
      : `${order.length.toLocaleString('en-US')} of ${plural(model.rows.length, 'row')}`;
}

function setMode(next: Mode): void {
  mode = next === 'chart' && chart ? 'chart' : 'table';
  page.scroller.hidden = mode !== 'table';
  page.chart.hidden = mode !== 'chart';
  page.viewTable.setAttribute('aria-pressed', String(mode === 'table'));
  page.viewChart.setAttribute('aria-pressed', String(mode === 'chart'));
  if (mode === 'chart' && chart) renderChart(page.chart, chart);
  saveState();
}

function showEvents(rowIndex: number): void {
  const result = run?.result;
  if (!result) return;
  table.select(rowIndex);
  const indices = result.rowEvents[rowIndex] ?? [];
  const events = indices.flatMap((i) => {
    const event = result.events[i];
    return event ? [event] : [];
  });
  page.eventsTitle.textContent = `Events behind row ${rowIndex + 1}`;
  page.events.setAttribute('data-row-index', String(rowIndex));
  renderEvents(page.eventsBody, events, {
    eventsPerRow: result.limits.eventsPerRow,
    eventsTruncated: result.eventsTruncated === true,
  });
  page.events.hidden = false;
}

function closeEvents(): void {
  page.events.hidden = true;
  page.events.removeAttribute('data-row-index');
  table.select(undefined);
}

function exportRows(format: 'csv' | 'json'): void {
  if (run) vscode.postMessage({ type: 'export', format, rowIndices: order });
}

function saveState(): void {
  vscode.setState({ view, mode });
}

/** The state VS Code kept while the panel was hidden; anything malformed starts afresh. */
function restoreState(value: unknown): SavedState {
  const fresh: SavedState = { view: { filter: '' }, mode: 'table' };
  if (typeof value !== 'object' || value === null) return fresh;
  const saved = value as Partial<SavedState>;
  const filter = typeof saved.view?.filter === 'string' ? saved.view.filter : '';
  const sort = saved.view?.sort;
  const validSort: SortState | undefined =
    typeof sort?.field === 'string' && (sort.direction === 'asc' || sort.direction === 'desc')
      ? { field: sort.field, direction: sort.direction }
      : undefined;
  return { view: { filter, sort: validSort }, mode: saved.mode === 'chart' ? 'chart' : 'table' };
}
