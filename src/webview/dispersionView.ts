// Where the selected entity's mentions fall: a row per document that mentions it, a tick per
// mention at its relative position (start / length; placed through CSSOM, which the CSP allows),
// and Gries' DP for the corpus. Each tick is a button that opens its mention; the table's
// document and count columns are the text alternative. The ticks are one Tab stop (roving
// tabindex): Left/Right/Home/End move along a document's row, Up/Down to the nearest tick of the
// row above or below, so that a document with 40 mentions is not 40 presses of Tab.

import { DateRange, describeRange } from '../shared/dateRange';
import type { DispersionMessage } from '../shared/panelMessages';
import { plural } from '../shared/plural';
import { chartTable, headerRow } from './chartTable';
import { h, paneButton } from './dom';
import { moveIndex } from './keys';

export interface DispersionEvents {
  open(docId: string, start: number, end: number): void;
  /** Save SVG…: the host draws the plot of every document that mentions the entity. */
  save(): void;
}

export class DispersionView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly body: HTMLElement;
  private readonly saveButton: HTMLButtonElement;

  constructor(events: DispersionEvents) {
    this.summary = h('p', {
      class: 'pane-summary',
      id: 'dispersion-summary',
      text: 'Select an entity to see where its mentions fall.',
      attrs: { role: 'status' },
    });
    this.body = h('tbody');
    const table = chartTable(
      'dispersion',
      'Mentions per document and where they fall in it',
      headerRow(['Document', 'Mentions', 'Position (start to end of the document)']),
      this.body,
    );
    table.addEventListener('click', event => {
      const tick = (event.target as Element).closest<HTMLElement>('[data-start]');
      if (tick) events.open(tick.dataset.doc!, Number(tick.dataset.start), Number(tick.dataset.end));
    });
    table.addEventListener('keydown', event => {
      const tick = (event.target as Element).closest<HTMLElement>('.dispersion-tick');
      const next = tick && this.neighbour(tick, event.key);
      if (!next) return;
      event.preventDefault();
      tick.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    });
    this.saveButton = paneButton('dispersion-save', 'Save SVG\u2026', 'Save the dispersion plot as an SVG image', () => events.save());
    this.element = h('div', { class: 'chart-pane' }, [
      this.summary,
      h('div', { class: 'pane-tools', attrs: { role: 'group', 'aria-label': 'Dispersion tools' } }, [this.saveButton]),
      h('div', { class: 'chart-scroll' }, [table]),
    ]);
  }

  /** The tick an arrow, Home or End key moves to from `tick`, if any. */
  private neighbour(tick: HTMLElement, key: string): HTMLElement | undefined {
    const strip = tick.parentElement!;
    const inRow = [...strip.children] as HTMLElement[];
    const along = moveIndex(key, inRow.indexOf(tick), inRow.length, 'horizontal');
    if (along !== undefined) return inRow[along];
    const strips = [...this.body.querySelectorAll<HTMLElement>('.dispersion-strip')];
    const row = moveIndex(key, strips.indexOf(strip), strips.length, 'vertical');
    if (row === undefined) return undefined;
    const position = Number(tick.dataset.position);
    const candidates = [...strips[row].children] as HTMLElement[];
    return candidates.reduce((best, t) =>
      Math.abs(Number(t.dataset.position) - position) < Math.abs(Number(best.dataset.position) - position) ? t : best,
    );
  }

  /** `range`: the panel's date filter, which the answer is computed within. */
  show(message: DispersionMessage, entityName: string, range: DateRange | null): void {
    const { dp, documents, mentioningDocuments, corpusDocuments } = message;
    const dated = range ? ` ${describeRange(range)}` : '';
    this.summary.textContent =
      dp === null
        ? `${entityName}: no mentions${range ? ` in documents${dated}` : ''}.`
        : `${entityName}: DP ${dp.toFixed(3)} (Gries' deviation of proportions: 0 when mentions follow document sizes, ` +
          `near 1 when they crowd into few); mentioned in ${mentioningDocuments} of ${plural(corpusDocuments, 'document')}${dated}` +
          (documents.length < mentioningDocuments ? `; showing ${documents.length}` : '');
    this.body.replaceChildren(
      ...documents.map(doc => {
        const strip = h(
          'div',
          { class: 'dispersion-strip' },
          doc.mentions.map((m, i) => {
            const tick = h('button', {
              class: 'dispersion-tick',
              attrs: {
                type: 'button',
                tabindex: '-1',
                'data-doc': doc.docId,
                'data-position': String(m.position),
                'data-start': String(m.start),
                'data-end': String(m.end),
                'aria-label': `Mention ${i + 1} at ${Math.round(m.position * 100)}% of ${doc.label}: open it`,
                title: `${Math.round(m.position * 100)}%`,
              },
            });
            tick.style.left = `${m.position * 100}%`;
            return tick;
          }),
        );
        return h('tr', { attrs: { 'data-doc': doc.docId } }, [
          h('th', { class: 'chart-label', text: doc.label, attrs: { scope: 'row', title: doc.docId } }),
          h('td', { class: 'num', text: String(doc.mentions.length) }),
          h('td', { class: 'dispersion-cell' }, [strip]),
        ]);
      }),
    );
    this.saveButton.disabled = documents.length === 0;
    const first = this.body.querySelector<HTMLElement>('.dispersion-tick');
    if (first) first.tabIndex = 0;
  }
}
