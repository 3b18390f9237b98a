// The co-occurrence network of the entities the panel's filter shows: Cytoscape.js on a canvas
// (nodes sized by mentions, coloured by their type's theme colour; edges the sentences two
// entities share, weighted by signed log-likelihood), with a minimum-strength slider, and the
// edges' table as its keyboard and screen-reader form. Choosing an edge (click, or Enter on its
// row) lists the sentences holding both; clicking a node selects its entity.
//
// Cytoscape runs under the page's CSP (no eval); the one <style> element it would insert (a
// `position: relative` for its container) the CSP blocks, so explorer-analytics.css positions the
// container and a placeholder element with that <style>'s id stops the attempt.

import cytoscape from 'cytoscape';
import type { NetworkEdge, NetworkMessage, SharedSentencesMessage } from '../shared/panelMessages';
import { plural } from '../shared/plural';
import { chartTable, headerRow } from './chartTable';
import { h, paneButton } from './dom';
import { moveIndex } from './keys';
import { SharedSentencesList } from './sharedSentencesList';
import { typeColorVariable } from './typeChips';

export interface NetworkNode {
  id: string;
  name: string;
  type: string;
  mentions: number;
}

export interface NetworkEvents {
  select(entityId: string): void;
  edge(a: string, b: string): void;
  open(docId: string, start: number, end: number): void;
  savePng(base64: string): void;
}

const MEASURE = 'log-likelihood (G²)';
const MAX_CHECKED_EDGES = 1000;
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

export class NetworkView {
  readonly element: HTMLElement;
  readonly sentences: SharedSentencesList;
  private readonly summary: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly sliderValue: HTMLOutputElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly canvas: HTMLElement;
  private readonly body: HTMLElement;
  private cy: cytoscape.Core | undefined;
  private nodes: NetworkNode[] = [];
  private edges: NetworkEdge[] = [];
  private rows: HTMLTableRowElement[] = [];
  private summaryText = '';
  private selected: string | null = null;
  private chosen: [string, string] | undefined;
  private minScore = 0;
  /** Drawn while the pane was hidden (no size to lay out in): laid out when shown. */
  private needsLayout = false;
  private keepPositions = false;
  private placeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly events: NetworkEvents) {
    this.summary = h('p', {
      class: 'pane-summary',
      id: 'network-summary',
      text: 'The co-occurrence network of the entities shown.',
      attrs: { role: 'status' },
    });
    this.slider = h('input', { id: 'network-min', attrs: { type: 'range', min: '0', max: '1', step: '0.1' } });
    this.sliderValue = h('output', { id: 'network-min-value', attrs: { for: 'network-min' } });
    this.slider.addEventListener('input', () => {
      this.minScore = Number(this.slider.value);
      this.applyMinimum();
    });
    this.saveButton = paneButton('network-save', 'Save PNG\u2026', 'Save the network as drawn, as a PNG image', () => {
      if (this.cy) {
        this.events.savePng(this.cy.png({ output: 'base64', bg: themeColor('--vscode-editor-background', '#ffffff'), full: true }));
      }
    });
    this.canvas = h('div', {
      class: 'network-canvas',
      id: 'network-canvas',
      attrs: { role: 'img', 'aria-label': 'Co-occurrence network (the table below lists its edges)' },
    });
    this.body = h('tbody');
    this.body.addEventListener('click', event => this.chooseRow((event.target as Element).closest('tr')));
    this.body.addEventListener('keydown', event => this.onRowKey(event));
    const table = chartTable(
      'network-edges',
      `Co-occurrence network edges, strongest first: entities, shared sentences, documents, ${MEASURE}`,
      headerRow(['Entity', 'Entity', 'Sentences', 'Documents', 'G²']),
      this.body,
    );
    this.sentences = new SharedSentencesList(events.open);
    this.element = h('div', { class: 'chart-pane network-pane' }, [
      this.summary,
      h('div', { class: 'pane-tools', attrs: { role: 'group', 'aria-label': 'Network options' } }, [
        h('label', { class: 'pane-check', attrs: { for: 'network-min' }, text: `Minimum ${MEASURE}` }),
        this.slider,
        this.sliderValue,
        this.saveButton,
      ]),
      this.canvas,
      h('div', { class: 'chart-scroll network-table' }, [table]),
      this.sentences.element,
    ]);
    // A theme change rewrites the page's CSS variables: redraw in the new colours.
    new MutationObserver(() => this.cy?.style(this.style())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['style'],
    });
    new MutationObserver(() => this.cy?.style(this.style())).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  /**
   * Where each edge can be clicked on the canvas, written to its row (data-x, data-y) once the view
   * settles: the check against every node is too dear for each frame of a pan or zoom.
   */
  private placeEdges(): void {
    clearTimeout(this.placeTimer);
    this.placeTimer = setTimeout(() => this.writeEdgePoints(), 100);
  }

  /** The pane was shown again: the canvas may have changed size while hidden. */
  shown(): void {
    this.cy?.resize();
    if (this.needsLayout) this.layout();
    this.placeEdges();
  }

  /** Draws the network of `nodes` (the filter's, `of` entities before the cap) with the host's edges between them. */
  show(nodes: NetworkNode[], of: number, message: NetworkMessage): void {
    // An index change that leaves the chart as it was (most edits) must not redraw and re-lay it out.
    const same = this.cy !== undefined && signature(nodes, message.edges) === signature(this.nodes, this.edges);
    this.nodes = nodes;
    this.edges = message.edges;
    const [a, b] = this.chosen ?? [];
    if (!this.edges.some(e => e.a === a && e.b === b)) {
      this.chosen = undefined;
      this.sentences.clear();
    }
    const cut = message.total > message.edges.length ? ` (the ${message.edges.length} strongest of ${message.total})` : '';
    this.summaryText =
      `${plural(nodes.length, 'entity', 'entities')}` +
      (nodes.length < of ? ` (the ${nodes.length} with most mentions of the ${of} shown)` : '') +
      `, linked by the sentences they share${cut}; edges weighted by ${MEASURE}`;
    const scores = message.edges.map(e => e.score);
    const [low, high] = [Math.floor(Math.min(0, ...scores)), Math.ceil(Math.max(1, ...scores))];
    this.slider.min = String(low);
    this.slider.max = String(high);
    this.slider.step = String(Math.max(0.1, Math.round((high - low) / 10) / 10));
    this.minScore = Math.min(Math.max(this.minScore, low), high);
    this.slider.value = String(this.minScore);
    if (same) {
      this.applyMinimum(); // the rows too are as they were (keeping the focus)
      return;
    }
    this.renderRows();
    this.draw();
  }

  /** Highlights the selected entity and its neighbours. */
  setSelected(entityId: string | null): void {
    this.selected = entityId;
    this.highlight();
  }

  showSentences(message: SharedSentencesMessage): void {
    if (!this.chosen || message.a !== this.chosen[0] || message.b !== this.chosen[1]) return;
    this.sentences.show(message, this.name(message.a), this.name(message.b));
  }

  private name(id: string): string {
    return this.nodes.find(n => n.id === id)?.name ?? id;
  }

  private renderRows(): void {
    this.rows = this.edges.map(e => {
      const row = h('tr', { attrs: { 'data-a': e.a, 'data-b': e.b } }, [
        h('th', { class: 'chart-label', text: this.name(e.a), attrs: { scope: 'row', title: this.name(e.a) } }),
        h('td', { class: 'chart-label', text: this.name(e.b), attrs: { title: this.name(e.b) } }),
        h('td', { class: 'num', text: String(e.sentences) }),
        h('td', { class: 'num', text: String(e.documents) }),
        h('td', { class: 'num', text: e.score.toFixed(2) }),
      ]);
      row.tabIndex = -1;
      return row;
    });
    this.body.replaceChildren(...this.rows);
  }

  private draw(): void {
    if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
      document.head.appendChild(
        h('meta', { id: CYTOSCAPE_STYLESHEET_ID, attrs: { name: 'cytoscape-style', content: 'explorer-analytics.css' } }),
      );
    }
    // Nodes already drawn stay where they were (an index change must not reshuffle the chart).
    const previous = new Map(this.cy?.nodes().map(n => [n.id(), { ...n.position() }]) ?? []);
    this.keepPositions = this.nodes.some(n => previous.has(n.id));
    const most = Math.max(1, ...this.nodes.map(n => n.mentions));
    const strongest = Math.max(1, ...this.edges.map(e => e.score));
    const elements: cytoscape.ElementDefinition[] = [
      ...this.nodes.map(n => ({
        data: { id: n.id, name: n.name, type: n.type, size: 10 + 30 * Math.sqrt(n.mentions / most) },
        position: previous.get(n.id),
      })),
      ...this.edges.map(e => ({
        data: { id: edgeId(e.a, e.b), source: e.a, target: e.b, width: 1 + 5 * Math.max(0, e.score / strongest) },
      })),
    ];
    this.cy?.destroy();
    const cy = (this.cy = cytoscape({
      container: this.canvas,
      elements,
      style: this.style(),
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      autoungrabify: false,
    }));
    cy.on('tap', 'node', event => this.events.select(event.target.id()));
    cy.on('tap', 'edge', event => this.choose(event.target.data('source'), event.target.data('target')));
    cy.on('viewport resize layoutstop position', () => this.placeEdges());
    this.applyMinimum();
    this.layout();
    this.highlight();
    this.saveButton.disabled = false;
  }

  /** A force layout of the edges shown; cose keeps 300 nodes apart, labels are hidden when zoomed far out. */
  private layout(): void {
    const cy = this.cy;
    this.needsLayout = !!cy && this.canvas.offsetParent === null;
    if (!cy || this.needsLayout) return;
    cy.elements()
      .not('.weak')
      .layout({
        name: 'cose',
        animate: false,
        randomize: !this.keepPositions,
        fit: true,
        padding: 24,
        nodeRepulsion: () => 6000,
        idealEdgeLength: () => 50,
        nodeOverlap: 8,
        numIter: 1000,
      })
      .run();
  }

  private applyMinimum(): void {
    this.sliderValue.textContent = this.minScore.toFixed(1);
    const shown = this.edges.filter(e => e.score >= this.minScore).length;
    this.summary.textContent = `${this.summaryText}. ${plural(shown, 'edge')} of G² ≥ ${this.minScore.toFixed(1)}.`;
    this.edges.forEach((e, i) => {
      const weak = e.score < this.minScore;
      this.rows[i].hidden = weak;
      this.cy?.getElementById(edgeId(e.a, e.b)).toggleClass('weak', weak);
    });
    const first = this.rows.find(r => !r.hidden);
    for (const row of this.rows) row.tabIndex = row === first ? 0 : -1;
    this.highlight();
    this.placeEdges();
  }

  private highlight(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('faded selected near chosen');
      const node = this.selected ? cy.getElementById(this.selected) : cy.collection();
      if (node.nonempty()) {
        node.addClass('selected');
        const near = node.closedNeighborhood().not('.weak');
        near.nodes().addClass('near');
        cy.elements().not(near).addClass('faded');
      }
      if (this.chosen) cy.getElementById(edgeId(...this.chosen)).addClass('chosen');
    });
    for (const row of this.rows) {
      row.classList.toggle('chosen', !!this.chosen && row.dataset.a === this.chosen[0] && row.dataset.b === this.chosen[1]);
    }
  }

  private choose(a: string, b: string): void {
    const [x, y] = a < b ? [a, b] : [b, a];
    this.chosen = [x, y];
    this.highlight();
    this.events.edge(x, y);
  }

  private chooseRow(row: HTMLTableRowElement | null): void {
    if (!row?.dataset.a || !row.dataset.b) return;
    for (const r of this.rows) r.tabIndex = r === row ? 0 : -1;
    row.focus();
    this.choose(row.dataset.a, row.dataset.b);
  }

  private onRowKey(event: KeyboardEvent): void {
    const row = (event.target as Element).closest('tr');
    if (!row) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.chooseRow(row);
      return;
    }
    const visible = this.rows.filter(r => !r.hidden);
    const next = moveIndex(event.key, visible.indexOf(row), visible.length, 'vertical');
    if (next === undefined) return;
    event.preventDefault();
    for (const r of this.rows) r.tabIndex = r === visible[next] ? 0 : -1;
    visible[next].focus();
  }

  /**
   * Per edge shown, a point of its line that a click reaches: no node covers it (nodes take the
   * click first) and no other edge passes within Cytoscape's reach of 8 pixels (the nearest edge
   * takes it); written to the edge's row (data-x, data-y, canvas pixels), for the UI tests. Past
   * MAX_CHECKED_EDGES edges the check against the others is skipped (it grows with their square).
   */
  private writeEdgePoints(): void {
    const cy = this.cy;
    if (!cy || this.canvas.offsetParent === null) return;
    const boxes = cy.nodes().map(n => n.renderedBoundingBox({ includeLabels: false }));
    const segments = this.edges.map((e, i) => {
      const [p, q] = [cy.getElementById(e.a).renderedPosition(), cy.getElementById(e.b).renderedPosition()];
      const reach = 9 + (cy.getElementById(edgeId(e.a, e.b)).data('width') * cy.zoom()) / 2;
      return { p, q, reach, shown: !this.rows[i].hidden };
    });
    const others = segments.length <= MAX_CHECKED_EDGES ? segments.filter(s => s.shown) : [];
    const [width, height] = [this.canvas.clientWidth, this.canvas.clientHeight];
    segments.forEach(({ p, q, shown }, i) => {
      const row = this.rows[i];
      delete row.dataset.x;
      delete row.dataset.y;
      if (!shown) return;
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const [x, y] = [p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)];
        if (x < 0 || y < 0 || x > width || y > height) continue;
        if (boxes.some(b => x >= b.x1 - 2 && x <= b.x2 + 2 && y >= b.y1 - 2 && y <= b.y2 + 2)) continue;
        if (others.some(o => o !== segments[i] && distanceToSegment(x, y, o.p, o.q) < o.reach)) continue;
        row.dataset.x = x.toFixed(1);
        row.dataset.y = y.toFixed(1);
        return;
      }
    });
  }

  /** Cytoscape's stylesheet in the theme's colours (read now: a theme change calls it again). */
  private style(): cytoscape.StylesheetJson {
    const foreground = themeColor('--vscode-foreground', '#333333');
    const background = themeColor('--vscode-editor-background', '#ffffff');
    const focus = themeColor('--vscode-focusBorder', '#0078d4');
    const muted = themeColor('--vscode-descriptionForeground', '#777777');
    const types = [...new Set(this.nodes.map(n => n.type))];
    return [
      {
        selector: 'node',
        style: {
          width: 'data(size)',
          height: 'data(size)',
          'background-color': foreground,
          label: 'data(name)',
          color: foreground,
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 2,
          'text-outline-color': background,
          'text-outline-width': 2,
          'min-zoomed-font-size': 8,
        },
      },
      ...types.map(type => ({
        selector: `node[type = ${JSON.stringify(type)}]`,
        style: { 'background-color': themeColor(typeColorVariable(type), foreground) },
      })),
      { selector: 'edge', style: { width: 'data(width)', 'line-color': muted, opacity: 0.6, 'curve-style': 'straight' } },
      { selector: '.weak', style: { display: 'none' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      // Zoomed out, only the selected entity's neighbourhood keeps its labels.
      { selector: 'node.near', style: { 'min-zoomed-font-size': 0, 'z-index': 10 } },
      { selector: 'node.selected', style: { 'border-width': 3, 'border-color': focus } },
      { selector: 'edge.chosen', style: { 'line-color': focus, opacity: 1, 'z-index': 10 } },
    ];
  }
}

/** What the chart draws: nodes with their names, types and sizes, edges with their scores. */
function signature(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): string {
  return JSON.stringify([nodes.map(n => [n.id, n.name, n.type, n.mentions]), edges.map(e => [e.a, e.b, e.score])]);
}

function distanceToSegment(x: number, y: number, p: cytoscape.Position, q: cytoscape.Position): number {
  const [dx, dy] = [q.x - p.x, q.y - p.y];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (p.x + t * dx), y - (p.y + t * dy));
}

function edgeId(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

/** A theme colour as the page has it now (VS Code sets its variables on <html>). */
function themeColor(variable: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}
