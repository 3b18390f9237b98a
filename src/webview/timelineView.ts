// The timeline of the selected entity: mentions per day, month or year of the documents' dates,
// as a table whose rows carry a bar (its length set through CSSOM, which the CSP allows), so the
// chart and its table alternative are one element that keyboards and screen readers read as a
// table. Documents without a date are counted last as "undated".

import { PERIODS, Period } from '../shared/analyticsOptions';
import type { TimelineMessage } from '../shared/panelMessages';
import { plural } from '../shared/plural';
import { chartTable, headerRow } from './chartTable';
import { h } from './dom';

export class TimelineView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly body: HTMLElement;
  private readonly bySelect: HTMLSelectElement;

  constructor(by: Period, onBy: (by: Period) => void) {
    this.summary = h('p', {
      class: 'pane-summary',
      id: 'timeline-summary',
      text: 'Select an entity to see its timeline.',
      attrs: { role: 'status' },
    });
    this.bySelect = h(
      'select',
      { class: 'pane-select', id: 'timeline-by', attrs: { 'aria-label': 'Count mentions per' } },
      PERIODS.map(p => h('option', { text: `per ${p}`, attrs: { value: p } })),
    );
    this.bySelect.value = by;
    this.bySelect.addEventListener('change', () => onBy(this.bySelect.value as Period));
    this.body = h('tbody');
    const table = chartTable(
      'timeline',
      'Mentions per period of the documents’ dates',
      headerRow(['Period', 'Mentions', 'Documents', '']),
      this.body,
    );
    this.element = h('div', { class: 'chart-pane' }, [
      this.summary,
      h('div', { class: 'pane-tools', attrs: { role: 'group', 'aria-label': 'Timeline options' } }, [this.bySelect]),
      h('div', { class: 'chart-scroll' }, [table]),
    ]);
  }

  clear(message: string): void {
    this.summary.textContent = message;
    this.body.replaceChildren();
  }

  show(message: TimelineMessage, entityName: string): void {
    const { points } = message;
    const dated = points.filter(p => p.period !== null);
    const most = Math.max(1, ...points.map(p => p.mentions));
    this.summary.textContent =
      points.length === 0
        ? `${entityName}: no mentions.`
        : `${entityName}: mentions in ${plural(dated.length, message.by)}` +
          (dated.length < points.length ? ' and in undated documents' : '') +
          (dated.length > 0 ? `, ${dated[0].period} to ${dated[dated.length - 1].period}` : '');
    this.body.replaceChildren(
      ...points.map(p => {
        const bar = h('span', { class: 'timeline-bar' });
        bar.style.width = `${(100 * p.mentions) / most}%`;
        return h('tr', { attrs: { 'data-period': p.period ?? '' } }, [
          h('th', { text: p.period ?? 'undated', attrs: { scope: 'row' } }),
          h('td', { class: 'num', text: String(p.mentions) }),
          h('td', { class: 'num', text: String(p.documents) }),
          h('td', { class: 'timeline-bar-cell', attrs: { 'aria-hidden': 'true' } }, [bar]),
        ]);
      }),
    );
  }
}
