// The type chips: the legend of the type colours and the type filter in one. One Tab stop (roving
// tabindex): the arrow keys, Home and End move between chips, Enter or Space toggles one.

import { h } from './dom';
import { moveIndex } from './keys';

/**
 * The theme colour contributed for a type (package.json `contributes.colors`), as a CSS value.
 * VS Code names a colour's variable with only the first dot of its id turned into a dash.
 */
export function typeColor(type: string): string {
  return `var(${typeColorVariable(type).replace('.', '\\.')})`;
}

/** The name of that colour's CSS variable, unescaped (for getComputedStyle's getPropertyValue). */
export function typeColorVariable(type: string): string {
  return `--vscode-corpusLens-${type.toLowerCase()}.foreground`;
}

/** A small disc in the type's colour. */
export function swatch(type: string): HTMLElement {
  const element = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
  element.style.setProperty('--type-color', typeColor(type));
  return element;
}

export class TypeChips {
  readonly element = h('div', { class: 'chips', attrs: { role: 'group', 'aria-label': 'Entity types shown (colour legend)' } });
  /** The chip that holds the group's Tab stop. */
  private activeType: string | undefined;

  constructor(private readonly toggle: (type: string) => void) {
    this.element.addEventListener('keydown', event => this.onKey(event));
    // The chip that has the focus (by a click, too) holds the Tab stop.
    this.element.addEventListener('focusin', event => {
      const type = (event.target as HTMLElement).dataset.type;
      if (type === undefined || type === this.activeType) return;
      this.chip(this.activeType)?.setAttribute('tabindex', '-1');
      this.activeType = type;
      this.chip(type)!.tabIndex = 0;
    });
  }

  /** Redraws the chips of `types`, keeping the focus on the chip that had it. */
  render(types: readonly string[], counts: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): void {
    const hadFocus = this.element.contains(document.activeElement);
    if (!this.activeType || !types.includes(this.activeType)) this.activeType = types[0];
    this.element.replaceChildren(
      ...types.map(type => {
        const shown = !hidden.has(type);
        const chip = h(
          'button',
          {
            class: 'chip',
            attrs: {
              type: 'button',
              'aria-pressed': String(shown),
              'data-type': type,
              title: `${type} entities are ${shown ? 'shown: click to hide them' : 'hidden: click to show them'}`,
            },
          },
          [
            swatch(type),
            h('span', { class: 'chip-label', text: type }),
            h('span', { class: 'chip-count', text: String(counts.get(type) ?? 0) }),
          ],
        );
        chip.tabIndex = type === this.activeType ? 0 : -1;
        chip.addEventListener('click', () => {
          this.activeType = type;
          this.toggle(type);
        });
        return chip;
      }),
    );
    if (hadFocus) this.chip(this.activeType)?.focus();
  }

  private chip(type: string | undefined): HTMLElement | null {
    return type === undefined ? null : this.element.querySelector<HTMLElement>(`[data-type="${CSS.escape(type)}"]`);
  }

  private onKey(event: KeyboardEvent): void {
    const chips = [...this.element.querySelectorAll<HTMLElement>('.chip')];
    const current = chips.findIndex(chip => chip.dataset.type === this.activeType);
    const next = moveIndex(event.key, current, chips.length, 'both');
    if (next === undefined) return;
    event.preventDefault();
    chips[next].focus(); // focusin moves the Tab stop
  }
}
