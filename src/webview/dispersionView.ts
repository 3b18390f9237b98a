// Where the selected entity's mentions fall: a row per document that mentions it, a tick per
// mention at its relative position (start / length; placed through CSSOM, which the CSP allows),
// and Gries' DP for the corpus. Each tick is a button that opens its mention; the table's
// document and count columns are the text alternative.

import type { DispersionMessage } from '../shared/panelMessages';
import { plural } from '../shared/plural';
import { chartTable, headerRow } from './chartTable';
import { h } from './dom';

export class DispersionView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly body: HTMLElement;

  constructor(open: (docId: string, start: number, end: number) => void) {
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
      if (tick) open(tick.dataset.doc!, Number(tick.dataset.start), Number(tick.dataset.end));
    });
    this.element = h('div', { class: 'chart-pane' }, [this.summary, h('div', { class: 'chart-scroll' }, [table])]);
  }

  show(message: DispersionMessage, entityName: string): void {
    const { dp, documents, mentioningDocuments, corpusDocuments } = message;
    this.summary.textContent =
      dp === null
        ? `${entityName}: no mentions.`
        : `${entityName}: DP ${dp.toFixed(3)} (Gries' deviation of proportions: 0 when mentions follow document sizes, ` +
          `near 1 when they crowd into few); mentioned in ${mentioningDocuments} of ${plural(corpusDocuments, 'document')}` +
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
                'data-doc': doc.docId,
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
  }
}
