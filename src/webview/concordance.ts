// The KWIC concordance of the selected entity: one listbox, an option per mention, grouped by
// document (sorted by a context word, by runs of one document), with its order, context width and
// a CSV save (the host sorts, cuts the context and writes). One CSS grid holds every line (each line a subgrid row), so the mention starts at the
// same x on every line: left context right-aligned before it, right context straight after it (no
// column of the longest mention's width, which left gaps after short ones). Keyboard: one tab stop (aria-activedescendant), arrows move,
// Enter opens the mention in the editor.

import { CONCORDANCE_SORTS, ConcordanceSort, PANEL_WIDTHS } from '../shared/analyticsOptions';
import type { ConcordanceLine, MentionsMessage } from '../shared/panelMessages';
import { describeRange } from '../shared/dateRange';
import { plural } from '../shared/plural';
import { h, paneButton } from './dom';

export interface ConcordanceEvents {
  open(docId: string, line: ConcordanceLine): void;
  scroll(scrollTop: number): void;
  /** The order or the context width was changed. */
  reorder(sort: ConcordanceSort, width: number): void;
  exportCsv(): void;
}

const SORT_LABELS: Record<ConcordanceSort, string> = {
  doc: 'Document order',
  L1: '1st word left (L1)',
  L2: '2nd word left (L2)',
  R1: '1st word right (R1)',
  R2: '2nd word right (R2)',
};

export class Concordance {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLElement;
  private options: { element: HTMLElement; docId: string; line: ConcordanceLine }[] = [];
  private active = -1;
  private readonly sortSelect: HTMLSelectElement;
  private readonly widthSelect: HTMLSelectElement;
  private readonly exportButton: HTMLButtonElement;

  constructor(
    private readonly events: ConcordanceEvents,
    sort: ConcordanceSort,
    width: number,
  ) {
    this.title = h('h2', { class: 'concordance-title', id: 'concordance-title', text: 'Mentions' });
    this.summary = h('p', { class: 'concordance-summary', text: 'Select an entity to see its mentions.', attrs: { role: 'status' } });
    this.list = h('div', {
      class: 'kwic',
      id: 'concordance',
      attrs: { role: 'listbox', 'aria-labelledby': 'concordance-title' },
    });
    this.list.tabIndex = 0;
    this.sortSelect = h(
      'select',
      { class: 'pane-select', id: 'concordance-sort', attrs: { 'aria-label': 'Sort the mentions by' } },
      CONCORDANCE_SORTS.map(key => h('option', { text: SORT_LABELS[key], attrs: { value: key } })),
    );
    this.sortSelect.value = sort;
    // A width from an older list is still offered, so that the select shows what is applied.
    const widths = [...new Set([...PANEL_WIDTHS, width])].sort((a, b) => a - b);
    this.widthSelect = h(
      'select',
      { class: 'pane-select', id: 'context-width', attrs: { 'aria-label': 'Characters of context either side' } },
      widths.map(w => h('option', { text: `${w} characters`, attrs: { value: String(w) } })),
    );
    this.widthSelect.value = String(width);
    this.exportButton = paneButton(
      'concordance-export',
      'Save CSV\u2026',
      'Save these mentions in this order as CSV (left, keyword, right, document, line)',
      () => this.events.exportCsv(),
    );
    const reorder = () => this.events.reorder(this.sortSelect.value as ConcordanceSort, Number(this.widthSelect.value));
    this.sortSelect.addEventListener('change', reorder);
    this.widthSelect.addEventListener('change', reorder);
    this.element = h('section', { class: 'concordance-pane', attrs: { 'aria-labelledby': 'concordance-title' } }, [
      this.title,
      this.summary,
      h('div', { class: 'pane-tools', attrs: { role: 'group', 'aria-label': 'Concordance options' } }, [
        this.sortSelect,
        this.widthSelect,
        this.exportButton,
      ]),
      this.list,
    ]);
    this.list.addEventListener('click', event => {
      const option = (event.target as Element).closest<HTMLElement>('[data-option]');
      if (!option) return;
      const index = Number(option.dataset.option);
      this.list.focus({ preventScroll: true });
      this.setActive(index);
      this.openActive();
    });
    this.list.addEventListener('keydown', event => this.onKey(event));
    this.list.addEventListener('scroll', () => this.events.scroll(this.list.scrollTop));
  }

  get scrollTop(): number {
    return this.list.scrollTop;
  }

  set scrollTop(value: number) {
    this.list.scrollTop = value;
  }

  clear(message: string): void {
    this.title.textContent = 'Mentions';
    this.summary.textContent = message;
    this.list.replaceChildren();
    this.list.removeAttribute('aria-activedescendant');
    this.options = [];
    this.active = -1;
    this.exportButton.disabled = true;
  }

  show(message: MentionsMessage): void {
    const entity = message.entity;
    if (!entity) {
      this.clear('This entity is no longer in the corpus.');
      return;
    }
    const keep = this.options[this.active];
    // A timeline period's or a collocate's mentions are not what Save CSV writes (every mention of the selected entity).
    const scoped = message.within !== undefined || message.naming !== undefined || message.near !== undefined;
    this.exportButton.disabled = scoped;
    this.title.textContent = `${entity.name} (${entity.type})`;
    const shown = message.groups.reduce((n, g) => n + g.lines.length, 0);
    this.summary.textContent =
      `${plural(entity.mentions, 'mention')} in ${plural(entity.documents, 'document')}` +
      (message.within ? `, in documents ${describeRange(message.within)}` : '') +
      (message.range && !message.within ? `, in documents ${describeRange(message.range)}` : '') +
      (message.near ? `, with “${message.near.word}” within ${plural(message.near.window, 'word')}` : '') +
      (shown < entity.mentions ? `; showing the first ${shown}` : '') +
      (message.sort === 'doc' ? '' : `, sorted by ${message.sort}`);
    this.options = [];
    const children: HTMLElement[] = [];
    message.groups.forEach((group, g) => {
      const headingId = `kwic-doc-${g}`;
      const lines = group.lines.map(line => {
        const index = this.options.length;
        const element = h(
          'div',
          {
            class: 'kwic-line',
            id: `kwic-${index}`,
            attrs: {
              role: 'option',
              'aria-selected': 'false',
              'data-option': String(index),
              'aria-label': `Line ${line.line + 1}: ${line.left}${line.text}${line.right}`,
            },
          },
          [
            h('span', { class: 'kwic-lineno', text: String(line.line + 1), attrs: { 'aria-hidden': 'true' } }),
            h('span', { class: 'kwic-left' }, [h('span', { text: line.left })]),
            h('span', { class: 'kwic-after' }, [
              h('mark', { class: 'kwic-mention', text: line.text }),
              h('span', { class: 'kwic-right', text: line.right }),
            ]),
          ],
        );
        this.options.push({ element, docId: group.docId, line });
        return element;
      });
      children.push(
        h('div', { class: 'kwic-group', attrs: { role: 'group', 'aria-labelledby': headingId } }, [
          h('div', {
            class: 'kwic-doc',
            id: headingId,
            text: `${group.label} (${plural(group.lines.length, 'mention')})`,
            attrs: { role: 'presentation', title: group.docId },
          }),
          ...lines,
        ]),
      );
    });
    this.list.replaceChildren(...children);
    // After an update keep the same mention active, when it is still there.
    const again = keep ? this.options.findIndex(o => o.docId === keep.docId && o.line.start === keep.line.start) : -1;
    this.active = -1;
    this.setActive(again >= 0 ? again : this.options.length > 0 ? 0 : -1, false);
  }

  private onKey(event: KeyboardEvent): void {
    if (this.options.length === 0) return;
    let next = this.active;
    switch (event.key) {
      case 'ArrowDown':
        next = this.active + 1;
        break;
      case 'ArrowUp':
        next = this.active - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.options.length - 1;
        break;
      case 'PageDown':
        next = this.active + 10;
        break;
      case 'PageUp':
        next = this.active - 10;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.openActive();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.setActive(Math.max(0, Math.min(this.options.length - 1, next)));
  }

  private setActive(index: number, reveal = true): void {
    this.options[this.active]?.element.setAttribute('aria-selected', 'false');
    this.options[this.active]?.element.classList.remove('active');
    this.active = index;
    const option = this.options[index];
    if (!option) {
      this.list.removeAttribute('aria-activedescendant');
      return;
    }
    option.element.setAttribute('aria-selected', 'true');
    option.element.classList.add('active');
    this.list.setAttribute('aria-activedescendant', option.element.id);
    if (reveal) option.element.scrollIntoView({ block: 'nearest' });
  }

  private openActive(): void {
    const option = this.options[this.active];
    if (option) this.events.open(option.docId, option.line);
  }
}
