// The selected entity's collocates: the words within N words of its mentions, against their
// frequency in the whole corpus, as a table sortable by each column (header buttons, aria-sort).
// A row (click, or Enter) shows the mentions that word is near, in the concordance.
// The host computes them (the core's collocates) for the window and stop-word choice.

import { COLLOCATE_WINDOWS } from '../shared/analyticsOptions';
import { DateRange, describeRange } from '../shared/dateRange';
import type { CollocateRow, CollocatesMessage } from '../shared/panelMessages';
import { chartTable, onRowChosen } from './chartTable';
import { h, paneButton } from './dom';

type Column = keyof CollocateRow;
const COLUMNS: { key: Column; label: string; title: string }[] = [
  { key: 'word', label: 'Word', title: 'The word, lower-cased' },
  { key: 'count', label: 'Count', title: 'Occurrences within the windows' },
  { key: 'llr', label: 'LLR', title: 'Signed log-likelihood: how surprising the count is (negative: rarer than expected)' },
  { key: 'mi', label: 'MI', title: 'Mutual information: log2 of observed over expected' },
];

export interface CollocatesEvents {
  options(window: number, keepStopwords: boolean): void;
  /** Save CSV…: the host writes every collocate, not only those listed. */
  save(): void;
  /** A collocate chosen (click, or Enter on its row): the mentions it is near. */
  open(word: string): void;
}

export class CollocatesView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly head: HTMLTableRowElement;
  private readonly body: HTMLElement;
  private readonly windowSelect: HTMLSelectElement;
  private readonly stopwords: HTMLInputElement;
  private readonly saveButton: HTMLButtonElement;
  private rows: CollocateRow[] = [];
  private sort: Column = 'llr';
  private descending = true;

  constructor(window: number, keepStopwords: boolean, events: CollocatesEvents) {
    this.summary = h('p', {
      class: 'pane-summary',
      id: 'collocates-summary',
      text: 'Select an entity to see the words around its mentions.',
      attrs: { role: 'status' },
    });
    const windows = [...new Set([...COLLOCATE_WINDOWS, window])].sort((a, b) => a - b);
    this.windowSelect = h(
      'select',
      { class: 'pane-select', id: 'collocates-window', attrs: { 'aria-label': 'Window: words either side of a mention' } },
      windows.map(w => h('option', { text: `${w} ${w === 1 ? 'word' : 'words'} either side`, attrs: { value: String(w) } })),
    );
    this.windowSelect.value = String(window);
    this.stopwords = h('input', { id: 'collocates-stopwords', attrs: { type: 'checkbox' } });
    this.stopwords.checked = keepStopwords;
    const changed = () => events.options(Number(this.windowSelect.value), this.stopwords.checked);
    this.windowSelect.addEventListener('change', changed);
    this.stopwords.addEventListener('change', changed);
    this.head = h(
      'tr',
      {},
      COLUMNS.map(c =>
        h('th', { attrs: { scope: 'col', 'data-key': c.key } }, [
          h('button', { class: 'chart-sort', text: c.label, attrs: { type: 'button', title: c.title } }),
        ]),
      ),
    );
    this.head.addEventListener('click', event => {
      const th = (event.target as Element).closest<HTMLElement>('[data-key]');
      if (!th) return;
      const key = th.dataset.key as Column;
      this.descending = this.sort === key ? !this.descending : key !== 'word';
      this.sort = key;
      this.render();
    });
    this.body = h('tbody');
    this.saveButton = paneButton('collocates-save', 'Save CSV\u2026', 'Save every collocate as CSV (word, count, llr, mi)', () =>
      events.save(),
    );
    const table = chartTable('collocates', 'Collocates: word, count, signed log-likelihood, mutual information', this.head, this.body);
    onRowChosen(table, row => events.open(row.dataset.word!));
    this.element = h('div', { class: 'chart-pane' }, [
      this.summary,
      h('div', { class: 'pane-tools', attrs: { role: 'group', 'aria-label': 'Collocates options' } }, [
        this.windowSelect,
        h('label', { class: 'pane-check' }, [this.stopwords, document.createTextNode('Stop words')]),
        this.saveButton,
      ]),
      h('div', { class: 'chart-scroll' }, [table]),
    ]);
  }

  /** `range`: the panel's date filter, which the answer is computed within. */
  show(message: CollocatesMessage, entityName: string, range: DateRange | null): void {
    this.rows = message.rows;
    this.saveButton.disabled = message.rows.length === 0;
    const dated = range ? ` (documents ${describeRange(range)})` : '';
    this.summary.textContent =
      message.rows.length === 0
        ? `${entityName}: no words near its mentions${dated}.`
        : `${entityName}: the ${message.rows.length} words most associated with its mentions within ${message.window} ` +
          `${message.window === 1 ? 'word' : 'words'}, by signed log-likelihood against the rest of the corpus${dated}` +
          (message.keepStopwords ? '' : ' (stop words left out)');
    this.render();
  }

  private render(): void {
    for (const th of this.head.children) {
      const key = (th as HTMLElement).dataset.key;
      if (key === this.sort) th.setAttribute('aria-sort', this.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    const { sort, descending } = this;
    const sorted = [...this.rows].sort((a, b) => {
      const order = sort === 'word' ? (a.word < b.word ? -1 : a.word > b.word ? 1 : 0) : a[sort] - b[sort];
      return descending ? -order : order;
    });
    this.body.replaceChildren(
      ...sorted.map(r =>
        h('tr', { attrs: { tabindex: '0', 'data-word': r.word, title: `The mentions with “${r.word}” near them` } }, [
          h('th', { class: 'chart-label', text: r.word, attrs: { scope: 'row' } }),
          h('td', { class: 'num', text: String(r.count) }),
          h('td', { class: 'num', text: r.llr.toFixed(2) }),
          h('td', { class: 'num', text: r.mi.toFixed(2) }),
        ]),
      ),
    );
  }
}
