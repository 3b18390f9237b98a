// The entity table: an ARIA grid whose body is virtualised. Rows have a fixed height; a spacer as
// tall as all the rows gives the scroll bar its range, and only the rows in view (plus a few) are
// in the DOM, so 10,000 entities cost what 40 do.
//
// Keyboard: two Tab stops, the column headers first (one stop, Left/Right between them, Enter
// sorts, Down goes to the rows) and then the rows (aria-activedescendant on the grid): Up/Down,
// Page Up/Down, Home/End move the selection; Right walks into the row's cells and Left back out to
// the row, as in a tree grid. The scrolling body is no Tab stop of its own.
// The fixed columns fit their headers (measured), the name and aliases share the rest.

import type { SortKey } from '../shared/panelState';
import { h, nextTabStop, perFrame } from './dom';
import type { Entity } from './entityRows';
import { moveIndex } from './keys';
import { swatch } from './typeChips';

export const ROW_HEIGHT = 22;
const OVERSCAN = 8;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean; share?: string }[] = [
  { key: 'name', label: 'Name', share: 'minmax(6em, 3fr)' },
  { key: 'type', label: 'Type' },
  { key: 'mentions', label: 'Mentions', numeric: true },
  { key: 'documents', label: 'Documents', numeric: true },
  { key: 'aliases', label: 'Aliases', share: 'minmax(4em, 2fr)' },
];
/** The type column is at least as wide as the longest type name and its swatch. */
const TYPE_MIN_WIDTH = '7.5em';

export interface EntityTableEvents {
  /** The user selected a row; `keyboard` when by arrow keys (the caller may debounce). */
  select(entity: Entity, keyboard: boolean): void;
  /** Enter on the selected row. */
  activate(entity: Entity): void;
  sort(key: SortKey): void;
  scroll(scrollTop: number): void;
}

export class EntityTable {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly headers = new Map<SortKey, HTMLElement>();
  private readonly buttons: HTMLButtonElement[] = [];
  private rows: Entity[] = [];
  private selectedId: string | null = null;
  /** The cell the active descendant is in: -1 for the whole row. */
  private column = -1;
  private columnWidths = '';
  private readonly schedule = perFrame(() => this.render());

  constructor(private readonly events: EntityTableEvents) {
    const headerCells = COLUMNS.map((column, i) => {
      // The arrow is hidden from screen readers (aria-sort says the order) and always takes its
      // room, so that the measured width does not change with the sort.
      const button = h('button', { class: 'sort-button', attrs: { type: 'button' } }, [
        h('span', { class: 'sort-label' }, [
          h('span', { text: column.label }),
          h('span', { class: 'sort-arrow', text: '\u25BC', attrs: { 'aria-hidden': 'true' } }),
        ]),
      ]);
      button.tabIndex = i === 0 ? 0 : -1;
      button.addEventListener('click', () => this.events.sort(column.key));
      this.buttons.push(button);
      const cellClass = `cell col-${column.key}${column.numeric ? ' numeric' : ''}`;
      const cell = h('div', { class: cellClass, attrs: { role: 'columnheader', 'aria-sort': 'none' } }, [button]);
      this.headers.set(column.key, cell);
      return cell;
    });
    const header = h('div', { class: 'grid-head', attrs: { role: 'rowgroup' } }, [
      h('div', { class: 'row head-row', attrs: { role: 'row', 'aria-rowindex': '1' } }, headerCells),
    ]);
    this.spacer = h('div', { class: 'spacer' });
    this.body = h('div', { class: 'grid-body', attrs: { role: 'rowgroup' } }, [this.spacer]);
    this.element = h(
      'div',
      {
        class: 'entity-grid',
        id: 'entity-grid',
        attrs: {
          role: 'grid',
          'aria-label': 'Entities',
          'aria-colcount': String(COLUMNS.length),
          'aria-rowcount': '1',
          'aria-multiselectable': 'false',
        },
      },
      [header, this.body],
    );
    // The body scrolls; the grid itself takes the focus, from the headers' Tab key (see onHeaderKey).
    this.element.tabIndex = -1;
    this.body.tabIndex = -1;
    header.addEventListener('keydown', event => this.onHeaderKey(event));
    // Shift+Tab from after the grid lands on the headers: the rows come first that way (a click
    // on a header keeps its focus).
    let clicking = false;
    header.addEventListener('pointerdown', () => (clicking = true));
    header.addEventListener('pointerup', () => (clicking = false));
    header.addEventListener('focusin', event => {
      const from = event.relatedTarget;
      const fromAfter =
        from instanceof Node &&
        !this.element.contains(from) &&
        this.element.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (fromAfter && !clicking) this.element.focus();
    });
    this.body.addEventListener('scroll', () => {
      this.schedule();
      this.events.scroll(this.body.scrollTop);
    });
    this.body.addEventListener('click', event => {
      const row = (event.target as Element).closest<HTMLElement>('[data-index]');
      if (!row) return;
      const entity = this.rows[Number(row.dataset.index)];
      if (entity) {
        this.element.focus({ preventScroll: true });
        this.setSelected(entity.id);
        this.events.select(entity, false);
      }
    });
    this.element.addEventListener('keydown', event => this.onKey(event));
    new ResizeObserver(() => {
      this.fitColumns();
      this.schedule();
    }).observe(this.body);
    void document.fonts.ready.then(() => this.fitColumns());
  }

  /** New rows (already filtered and sorted), keeping the selection and the scroll position. */
  setRows(rows: Entity[]): void {
    this.rows = rows;
    this.element.setAttribute('aria-rowcount', String(rows.length + 1));
    this.spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.render();
  }

  setSort(key: SortKey, descending: boolean): void {
    for (const [k, cell] of this.headers) {
      cell.setAttribute('aria-sort', k === key ? (descending ? 'descending' : 'ascending') : 'none');
      cell.querySelector('.sort-arrow')!.textContent = k === key && !descending ? '\u25B2' : '\u25BC';
    }
  }

  setSelected(id: string | null): void {
    this.selectedId = id;
    this.render();
  }

  get scrollTop(): number {
    return this.body.scrollTop;
  }

  set scrollTop(value: number) {
    this.body.scrollTop = value;
    this.render();
  }

  /** Scrolls the row of the selected entity into view, if it is in the list. */
  revealSelected(): void {
    const index = this.selectedIndex();
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    const height = this.body.clientHeight;
    if (top < this.body.scrollTop) this.body.scrollTop = top;
    else if (top + ROW_HEIGHT > this.body.scrollTop + height) this.body.scrollTop = top + ROW_HEIGHT - height;
    this.render();
  }

  private selectedIndex(): number {
    return this.selectedId === null ? -1 : this.rows.findIndex(e => e.id === this.selectedId);
  }

  /** The fixed columns as wide as their headers' text and arrow; the others share the rest. */
  private fitColumns(): void {
    const widths = COLUMNS.map((column, i) => {
      if (column.share) return column.share;
      const width = `${Math.ceil(this.buttons[i].firstElementChild!.getBoundingClientRect().width) + 14}px`;
      return column.key === 'type' ? `max(${width}, ${TYPE_MIN_WIDTH})` : width;
    }).join(' ');
    if (widths === this.columnWidths) return;
    this.columnWidths = widths;
    this.element.style.setProperty('--grid-columns', widths);
  }

  private onHeaderKey(event: KeyboardEvent): void {
    const current = this.buttons.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    if ((event.key === 'Tab' && !event.shiftKey) || event.key === 'ArrowDown') {
      event.preventDefault();
      this.element.focus();
      return;
    }
    const next = moveIndex(event.key, current, this.buttons.length, 'horizontal');
    if (next === undefined) return;
    event.preventDefault();
    this.buttons[current].tabIndex = -1;
    this.buttons[next].tabIndex = 0;
    this.buttons[next].focus();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.target !== this.element) return;
    if (event.key === 'Tab') {
      // Back to the headers, or on past the grid (its headers come before it in the Tab order).
      event.preventDefault();
      if (event.shiftKey) this.buttons.find(b => b.tabIndex === 0)?.focus();
      else nextTabStop(this.element)?.focus();
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      this.column = Math.max(-1, Math.min(COLUMNS.length - 1, this.column + (event.key === 'ArrowRight' ? 1 : -1)));
      this.render();
      return;
    }
    if (this.rows.length === 0) return;
    const current = this.selectedIndex();
    const page = Math.max(1, Math.floor(this.body.clientHeight / ROW_HEIGHT) - 1);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = current < 0 ? 0 : current + 1;
        break;
      case 'ArrowUp':
        next = current < 0 ? 0 : current - 1;
        break;
      case 'PageDown':
        next = current + page;
        break;
      case 'PageUp':
        next = current - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.rows.length - 1;
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const entity = this.rows[current < 0 ? 0 : current];
        this.setSelected(entity.id);
        this.revealSelected();
        this.events.activate(entity);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    next = Math.max(0, Math.min(this.rows.length - 1, next));
    const entity = this.rows[next];
    this.setSelected(entity.id);
    this.revealSelected();
    this.events.select(entity, true);
  }

  private render(): void {
    const height = this.body.clientHeight || ROW_HEIGHT * 20;
    const first = Math.max(0, Math.floor(this.body.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((this.body.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    const rendered: HTMLElement[] = [];
    let activeId: string | null = null;
    for (let i = first; i < last; i++) {
      const entity = this.rows[i];
      const selected = entity.id === this.selectedId;
      const id = `entity-row-${i}`;
      if (selected) activeId = id;
      const aliases = entity.aliases.join(', ');
      const cells = [
        h('div', { class: 'cell col-name', text: entity.name, attrs: { role: 'gridcell', title: entity.name } }),
        h('div', { class: 'cell col-type', attrs: { role: 'gridcell' } }, [swatch(entity.type), h('span', { text: entity.type })]),
        h('div', { class: 'cell col-mentions numeric', text: String(entity.mentions), attrs: { role: 'gridcell' } }),
        h('div', { class: 'cell col-documents numeric', text: String(entity.documents), attrs: { role: 'gridcell' } }),
        h('div', { class: 'cell col-aliases', text: aliases, attrs: { role: 'gridcell', title: aliases } }),
      ];
      cells.forEach((cell, c) => (cell.id = `${id}-${c}`));
      if (selected && this.column >= 0) {
        activeId = cells[this.column].id;
        cells[this.column].classList.add('active-cell');
      }
      // Read with the column names, not as a run of bare values.
      const label = `${entity.name}, type ${entity.type}, ${entity.mentions} mentions, ${entity.documents} documents, ${aliases ? `aliases ${aliases}` : 'no aliases'}`;
      const row = h(
        'div',
        {
          class: `row${selected ? ' selected' : ''}`,
          id,
          attrs: {
            role: 'row',
            'aria-rowindex': String(i + 2),
            'aria-selected': String(selected),
            'aria-label': label,
            'data-index': String(i),
            'data-entity-id': entity.id,
          },
        },
        cells,
      );
      row.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
      rendered.push(row);
    }
    this.spacer.replaceChildren(...rendered);
    if (activeId) this.element.setAttribute('aria-activedescendant', activeId);
    else this.element.removeAttribute('aria-activedescendant');
  }
}
