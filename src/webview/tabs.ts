// The lower pane's tabs (WAI-ARIA tabs pattern): one Tab stop on the selected tab (roving
// tabindex), Left/Right/Home/End move and select, each tab controls one tabpanel.

import { h } from './dom';
import { moveIndex } from './keys';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  panel: HTMLElement;
}

export class Tabs<K extends string> {
  readonly element: HTMLElement;
  private readonly buttons: HTMLButtonElement[];

  constructor(
    private readonly specs: readonly TabSpec<K>[],
    selected: K,
    private readonly onSelect: (key: K) => void,
  ) {
    this.buttons = specs.map(spec => {
      const button = h('button', {
        class: 'tab',
        id: `tab-${spec.key}`,
        text: spec.label,
        attrs: { type: 'button', role: 'tab', 'aria-controls': `tabpanel-${spec.key}` },
      });
      spec.panel.id = `tabpanel-${spec.key}`;
      spec.panel.setAttribute('role', 'tabpanel');
      spec.panel.setAttribute('aria-labelledby', button.id);
      button.addEventListener('click', () => this.choose(spec.key));
      return button;
    });
    const list = h('div', { class: 'tablist', attrs: { role: 'tablist', 'aria-label': 'Analytics' } }, this.buttons);
    list.addEventListener('keydown', event => {
      const current = this.buttons.indexOf(event.target as HTMLButtonElement);
      const next = current < 0 ? undefined : moveIndex(event.key, current, this.buttons.length, 'horizontal');
      if (next === undefined) return;
      event.preventDefault();
      this.choose(this.specs[next].key);
      this.buttons[next].focus();
    });
    this.element = h('section', { class: 'analytics-pane' }, [list, ...specs.map(s => s.panel)]);
    this.show(selected);
  }

  /** Selects a tab as a click would (the timeline opens a period's mentions in the concordance). */
  select(key: K): void {
    this.choose(key);
  }

  private choose(key: K): void {
    this.show(key);
    this.onSelect(key);
  }

  private show(key: K): void {
    this.specs.forEach((spec, i) => {
      const on = spec.key === key;
      this.buttons[i].setAttribute('aria-selected', String(on));
      this.buttons[i].tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
    });
  }
}
