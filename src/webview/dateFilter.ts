// The panel's filter by document date: From and To date inputs and a Clear button in the toolbar.
// Either end may be left empty (open); a range whose From is after its To is not applied.

import { DateRange, isDateRange } from '../shared/dateRange';
import { h } from './dom';

export class DateFilter {
  readonly element: HTMLElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly clearButton: HTMLButtonElement;

  constructor(range: DateRange | null, onChange: (range: DateRange | null) => void) {
    const input = (id: string, label: string) =>
      h('input', { class: 'date-input', id, attrs: { type: 'date', 'aria-label': label, title: label } });
    this.from = input('date-from', 'Documents dated from');
    this.to = input('date-to', 'Documents dated to');
    this.clearButton = h('button', {
      class: 'pane-button',
      id: 'date-clear',
      text: 'Clear',
      attrs: { type: 'button', title: 'Show the mentions in documents of every date, and undated ones' },
    });
    const changed = () => {
      const next = this.read();
      this.from.setAttribute('aria-invalid', String(next === undefined));
      if (next !== undefined) {
        this.clearButton.disabled = next === null;
        onChange(next);
      }
    };
    this.from.addEventListener('change', changed);
    this.to.addEventListener('change', changed);
    this.clearButton.addEventListener('click', () => {
      this.set(null);
      onChange(null);
    });
    this.element = h('div', { class: 'date-filter', attrs: { role: 'group', 'aria-label': 'Filter by document date' } }, [
      h('span', { class: 'date-filter-label', text: 'Dated', attrs: { 'aria-hidden': 'true' } }),
      this.from,
      h('span', { text: '\u2013', attrs: { 'aria-hidden': 'true' } }),
      this.to,
      this.clearButton,
    ]);
    this.set(range);
  }

  /** Shows `range` (a brushed one, or the saved one) without announcing a change. */
  set(range: DateRange | null): void {
    this.from.value = range?.from ?? '';
    this.to.value = range?.to ?? '';
    this.from.setAttribute('aria-invalid', 'false');
    this.clearButton.disabled = range === null;
  }

  /** The range the inputs hold: null when both are empty, undefined when it is not one (From after To). */
  private read(): DateRange | null | undefined {
    const range = { from: this.from.value, to: this.to.value };
    if (range.from === '' && range.to === '') return null;
    return isDateRange(range) ? range : undefined;
  }
}
