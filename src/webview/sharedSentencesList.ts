// The sentences holding both entities of a network edge, grouped by document, each name marked: a
// listbox like the concordance's (one Tab stop, aria-activedescendant; arrows move, Enter or a
// click opens the clicked mention, or the sentence's first, in the editor).

import type { SharedSentenceLine, SharedSentencesMessage } from '../shared/panelMessages';
import { plural } from '../shared/plural';
import { h } from './dom';
import { moveIndex } from './keys';

export class SharedSentencesList {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly list: HTMLElement;
  private options: { element: HTMLElement; docId: string; line: SharedSentenceLine }[] = [];
  private active = -1;

  constructor(private readonly open: (docId: string, start: number, end: number) => void) {
    this.title = h('h3', {
      class: 'pane-summary',
      id: 'network-sentences-title',
      text: 'Choose an edge (on the chart or in the table) to see the sentences holding both entities.',
      attrs: { role: 'status' },
    });
    this.list = h('div', {
      class: 'kwic shared-kwic',
      id: 'network-sentences',
      attrs: { role: 'listbox', 'aria-labelledby': this.title.id },
    });
    this.list.tabIndex = 0;
    this.element = h('section', { class: 'shared-sentences', attrs: { 'aria-labelledby': this.title.id } }, [this.title, this.list]);
    this.list.addEventListener('click', event => {
      const option = (event.target as Element).closest<HTMLElement>('[data-option]');
      if (!option) return;
      this.setActive(Number(option.dataset.option));
      const mark = (event.target as Element).closest<HTMLElement>('[data-start]');
      this.openActive(mark ? Number(mark.dataset.start) : undefined);
    });
    this.list.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.openActive();
        return;
      }
      const next = moveIndex(event.key, this.active, this.options.length, 'vertical');
      if (next === undefined) return;
      event.preventDefault();
      this.setActive(next);
    });
  }

  clear(): void {
    this.list.replaceChildren();
    this.list.removeAttribute('aria-activedescendant');
    this.options = [];
    this.active = -1;
  }

  show(message: SharedSentencesMessage, nameA: string, nameB: string): void {
    this.clear();
    const shown = message.groups.reduce((n, g) => n + g.sentences.length, 0);
    this.title.textContent =
      `${nameA} and ${nameB}: ${plural(message.total, 'sentence')} holding both` +
      (shown < message.total ? `; showing the first ${shown}` : '');
    this.list.replaceChildren(
      ...message.groups.map((group, g) => {
        const headingId = `shared-doc-${g}`;
        return h('div', { class: 'kwic-group', attrs: { role: 'group', 'aria-labelledby': headingId } }, [
          h('div', { class: 'kwic-doc', id: headingId, text: group.label, attrs: { role: 'presentation', title: group.docId } }),
          ...group.sentences.map(line => this.option(group.docId, line)),
        ]);
      }),
    );
    this.setActive(this.options.length > 0 ? 0 : -1, false);
  }

  /** One sentence, its mentions of either entity marked (text only through textContent). */
  private option(docId: string, line: SharedSentenceLine): HTMLElement {
    const index = this.options.length;
    const parts: Node[] = [];
    let at = 0;
    for (const m of line.mentions) {
      const [start, end] = [m.start - line.from, m.end - line.from];
      if (start < at || end > line.text.length) continue; // cut off with the sentence's text
      parts.push(document.createTextNode(line.text.slice(at, start)));
      parts.push(h('mark', { class: 'kwic-mention', text: line.text.slice(start, end), attrs: { 'data-start': String(m.start) } }));
      at = end;
    }
    parts.push(document.createTextNode(line.text.slice(at)));
    const element = h(
      'div',
      {
        class: 'kwic-line',
        id: `shared-${index}`,
        attrs: {
          role: 'option',
          'aria-selected': 'false',
          'data-option': String(index),
          'aria-label': `Line ${line.line + 1}: ${line.text}`,
        },
      },
      [
        h('span', { class: 'kwic-lineno', text: String(line.line + 1), attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'shared-text' }, parts),
      ],
    );
    this.options.push({ element, docId, line });
    return element;
  }

  private setActive(index: number, reveal = true): void {
    const previous = this.options[this.active];
    previous?.element.setAttribute('aria-selected', 'false');
    previous?.element.classList.remove('active');
    this.active = index;
    const option = this.options[index];
    if (!option) return;
    option.element.setAttribute('aria-selected', 'true');
    option.element.classList.add('active');
    this.list.setAttribute('aria-activedescendant', option.element.id);
    if (reveal) option.element.scrollIntoView({ block: 'nearest' });
  }

  /** Opens the mention starting at `start`, or the sentence's first. */
  private openActive(start?: number): void {
    const option = this.options[this.active];
    if (!option) return;
    const mention = option.line.mentions.find(m => m.start === start) ?? option.line.mentions[0];
    this.open(option.docId, mention.start, mention.end);
  }
}
