// The Entity Explorer's browser side (bundled to dist/webview.js, loaded by nonce under a strict CSP).
//
// Plain HTML and VS Code's theme variables, no component library: the page needs an input, a few
// toggle buttons, a grid and a list, all of which plain elements with ARIA roles do well, and the
// virtualised grid has to be hand-made anyway (a library's data grid would render every row).
// Without @vscode-elements/elements the bundle stays a few kilobytes, the CSP needs no
// exceptions for constructed or inline styles, and there is no third-party code in the page
// that renders corpus text.
//
// Safety: corpus text only ever reaches the DOM through textContent / setAttribute (see dom.ts).
//
// The host sends every entity once per index change; this page searches, filters and sorts them
// locally, and keeps its UI state (search, type filters, sort, selection, scroll) with
// getState/setState so that it survives the panel being hidden and the window being reloaded.

import { DateRange, describeRange, sameRange } from '../shared/dateRange';
import { EXPORTS, EXPORT_WHATS, ExportWhat, exportLabel } from '../shared/exportFormats';
import { ConcordanceLine, EntitiesMessage, MentionsMessage, WebviewToHost, isHostMessage } from '../shared/panelMessages';
import type { PanelState, SortKey } from '../shared/panelState';
import { Charts, MentionScope } from './charts';
import { Concordance } from './concordance';
import { DateFilter } from './dateFilter';
import { h, perFrame } from './dom';
import { Entity, initialState, toEntity, visibleRows } from './entityRows';
import { EntityTable } from './entityTable';
import { Tabs } from './tabs';
import { TypeChips } from './typeChips';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const state: PanelState = initialState(vscode.getState(), (app.dataset.hiddenTypes ?? '').split(' ').filter(Boolean));
const saveState = perFrame(() => vscode.setState(state));

let all: Entity[] = [];
/** Every entity name seen (the date filter leaves entities out of `all`; the timeline still names them). */
const names = new Map<string, string>();
let typeOrder: string[] = [];
let received = false;
let indexing = false;
/** The concordance scroll position from the saved state is applied once, to the first concordance shown. */
let pendingConcordanceScroll: number | null = state.concordanceScrollTop;
let pendingListScroll: number | null = state.scrollTop;

// ---- layout

const search = h('input', {
  class: 'search',
  id: 'search',
  attrs: {
    type: 'search',
    placeholder: 'Search names and aliases',
    'aria-label': 'Search entities by name or alias',
    spellcheck: 'false',
    autocomplete: 'off',
  },
});
search.value = state.search;
const chips = new TypeChips(toggleType);
const dateFilter = new DateFilter(state.dateRange, setDateRange);
const status = h('div', { class: 'status', id: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
/** The status line is rewritten once typing settles, so that a screen reader reads it once. */
const STATUS_SETTLE_MS = 500;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

// Export: what the table shows (the types switched on and the search), in the chosen format;
// the host asks where to save it.
const exportOptions = EXPORT_WHATS.flatMap(what =>
  EXPORTS[what].map(format => h('option', { text: exportLabel(what, format), attrs: { value: `${what}.${format}` } })),
);
const exportFormat = h('select', { class: 'export-format', id: 'export-format', attrs: { 'aria-label': 'What to export' } }, exportOptions);
const exportButton = h('button', {
  class: 'export',
  id: 'export',
  text: 'Export\u2026',
  attrs: { type: 'button', title: 'Export the entities shown (the current filter)' },
});
exportButton.addEventListener('click', () => {
  const [what, format] = exportFormat.value.split('.') as [ExportWhat, string];
  const hidden = new Set(state.hiddenTypes);
  const filter = { types: typeOrder.filter(t => !hidden.has(t)), search: state.search.trim() };
  vscode.postMessage({ type: 'export', what, format, filter });
});

let keyTimer: ReturnType<typeof setTimeout> | undefined;
const table = new EntityTable({
  select(entity, keyboard) {
    clearTimeout(keyTimer);
    choose(entity.id, false);
    if (keyboard) {
      keyTimer = setTimeout(() => requestMentions(entity.id), 120);
    } // holding an arrow key
    else requestMentions(entity.id);
  },
  activate(entity) {
    clearTimeout(keyTimer);
    choose(entity.id, false);
    requestMentions(entity.id);
  },
  sort(key) {
    sortBy(key);
  },
  scroll(scrollTop) {
    state.scrollTop = scrollTop;
    saveState();
  },
});

const concordance = new Concordance(
  {
    open(docId: string, line: ConcordanceLine) {
      vscode.postMessage({ type: 'openMention', docId, start: line.start, end: line.end });
    },
    scroll(scrollTop) {
      state.concordanceScrollTop = scrollTop;
      saveState();
    },
    reorder(sort, width) {
      state.concordanceSort = sort;
      state.contextWidth = width;
      saveState();
      if (wanted) requestMentions(wanted.entityId, wanted);
    },
    exportCsv() {
      if (!state.selected) return;
      vscode.postMessage({ type: 'exportConcordance', entityId: state.selected, sort: state.concordanceSort, width: state.contextWidth });
    },
  },
  state.concordanceSort,
  state.contextWidth,
);

const charts = new Charts({
  state,
  saveState,
  post: message => vscode.postMessage(message),
  name: id => names.get(id) ?? id,
  shownEntities: () => visibleRows(all, state, typeOrder),
  select(id) {
    choose(id, true);
    requestMentions(id);
  },
  showMentions(id, scope) {
    requestMentions(id, scope);
    tabs.select('concordance');
  },
  setDateRange(range) {
    dateFilter.set(range);
    setDateRange(range);
  },
});
const tabs = new Tabs(
  [
    { key: 'concordance', label: 'Concordance', panel: concordance.element },
    { key: 'timeline', label: 'Timeline', panel: charts.timeline.element },
    { key: 'dispersion', label: 'Dispersion', panel: charts.dispersion.element },
    { key: 'collocates', label: 'Collocates', panel: charts.collocates.element },
    { key: 'network', label: 'Network', panel: charts.network.element },
  ],
  state.tab,
  tab => {
    state.tab = tab;
    saveState();
    if (tab === 'network') charts.network.shown();
    charts.requestChart();
  },
);

app.replaceChildren(
  h('header', { class: 'toolbar' }, [search, chips.element, dateFilter.element, status, exportFormat, exportButton]),
  h('div', { class: 'panes' }, [
    h('section', { class: 'entities-pane', attrs: { 'aria-label': 'Entities' } }, [table.element]),
    tabs.element,
  ]),
);
status.textContent = 'Loading entities…';
table.setSort(state.sort, state.descending);
table.setSelected(state.selected);
charts.network.setSelected(state.selected);

search.addEventListener('input', () => {
  state.search = search.value;
  saveState();
  update(true);
});
search.addEventListener('keydown', event => {
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    table.element.focus();
  } else if (event.key === 'Escape' && search.value !== '') {
    event.preventDefault();
    event.stopPropagation(); // not to the workbench
    search.value = '';
    state.search = '';
    saveState();
    update(true);
  }
});

// ---- data

/** Filters and sorts `all` into the table. */
function update(resetScroll: boolean): void {
  const rows = visibleRows(all, state, typeOrder);
  table.setRows(rows);
  if (resetScroll) {
    table.scrollTop = 0;
  } else if (pendingListScroll !== null && received) {
    table.scrollTop = pendingListScroll;
    pendingListScroll = null;
  }
  status.dataset.count = String(rows.length);
  const dated = state.dateRange ? `, in documents ${describeRange(state.dateRange)}` : '';
  const text = `${rows.length} of ${all.length} entities${dated}${indexing ? ' (analysing…)' : ''}`;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    if (status.textContent !== text) status.textContent = text;
  }, STATUS_SETTLE_MS);
  charts.filterChanged();
  const counts = new Map<string, number>();
  for (const e of all) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const hidden = new Set(state.hiddenTypes);
  chips.render(
    typeOrder.filter(t => counts.has(t) || hidden.has(t)),
    counts,
    hidden,
  );
}

function toggleType(type: string): void {
  state.hiddenTypes = state.hiddenTypes.includes(type) ? state.hiddenTypes.filter(t => t !== type) : [...state.hiddenTypes, type];
  saveState();
  update(false);
}

function sortBy(key: SortKey): void {
  if (state.sort === key) state.descending = !state.descending;
  else {
    state.sort = key;
    state.descending = key === 'mentions' || key === 'documents' || key === 'aliases';
  }
  saveState();
  table.setSort(state.sort, state.descending);
  update(false);
  table.revealSelected();
}

function choose(id: string | null, reveal: boolean): void {
  state.selected = id;
  saveState();
  table.setSelected(id);
  charts.network.setSelected(id);
  if (reveal) table.revealSelected();
  charts.showPinned();
}

/** The concordance asked for last: an entity's mentions, or a timeline period's. */
let wanted: ({ entityId: string } & MentionScope) | undefined;

function requestMentions(id: string, scope: MentionScope = {}): void {
  const { within, naming, near } = scope;
  wanted = { entityId: id, ...(within && { within }), ...(naming && { naming }), ...(near && { near }) };
  vscode.postMessage({ type: 'showMentions', ...wanted, sort: state.concordanceSort, width: state.contextWidth });
}

/** Sets the filter by document date (from its inputs or a brush): the host re-sends the counts, the charts follow. */
function setDateRange(range: DateRange | null): void {
  state.dateRange = range;
  saveState();
  vscode.postMessage({ type: 'dateRange', range });
  charts.requestChart();
}

function onEntities(message: EntitiesMessage): void {
  if (!sameRange(message.range, state.dateRange)) return; // counts for an older filter
  typeOrder = message.types.map(String);
  all = message.rows.map(row => toEntity(row, typeOrder));
  for (const e of all) names.set(e.id, e.name);
  charts.indexChanged();
  indexing = message.indexing === true;
  received = true;
  app.setAttribute('aria-busy', 'false');
  update(false);
}

function onMentions(message: MentionsMessage): void {
  // An answer to an earlier selection, period or order.
  const current =
    wanted !== undefined &&
    message.entityId === wanted.entityId &&
    sameRange(message.within, wanted.within) &&
    message.naming === wanted.naming &&
    message.near?.word === wanted.near?.word &&
    message.near?.window === wanted.near?.window &&
    message.sort === state.concordanceSort &&
    message.width === state.contextWidth;
  if (!current) return;
  concordance.show(message);
  charts.requestChart();
  if (pendingConcordanceScroll !== null) {
    concordance.scrollTop = pendingConcordanceScroll;
    pendingConcordanceScroll = null;
  }
}

window.addEventListener('message', event => {
  const message: unknown = event.data;
  if (!isHostMessage(message)) return;
  switch (message.type) {
    case 'entities':
      onEntities(message);
      break;
    case 'mentions':
      onMentions(message);
      break;
    case 'timeline':
    case 'dispersion':
    case 'collocates':
    case 'network':
      charts.onAnswer(message);
      break;
    case 'sharedSentences':
      charts.onSentences(message);
      break;
    case 'select':
      choose(message.entityId, true);
      requestMentions(message.entityId);
      break;
  }
});

vscode.postMessage({ type: 'ready' });
if (state.dateRange) vscode.postMessage({ type: 'dateRange', range: state.dateRange });
search.focus();
if (state.selected) requestMentions(state.selected);
