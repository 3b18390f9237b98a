// The entity table: an ARIA grid whose body is virtualised. Rows have a fixed height; a spacer as
// tall as all the rows gives the scroll bar its range, and only the rows in view (plus a few) are
// in the DOM, so 10,000 entities cost what 40 do. Keyboard: the grid is one tab stop holding the
// active row (aria-activedescendant); arrows, Page Up/Down, Home/End move the selection.

import type { SortKey } from '../shared/panelMessages';
import { h, perFrame } from './dom';
import type { Entity } from './entityRows';

export const ROW_HEIGHT = 24;
const OVERSCAN = 8;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'type', label: 'Type' },
  { key: 'mentions', label: 'Mentions', numeric: true },
  { key: 'documents', label: 'Documents', numeric: true },
  { key: 'aliases', label: 'Aliases' },
];

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
  private rows: Entity[] = [];
  private selectedId: string | null = null;
  private readonly schedule = perFrame(() => this.render());

  constructor(private readonly events: EntityTableEvents) {
    const headerCells = COLUMNS.map(column => {
      const button = h('button', { class: 'sort-button', text: column.label, attrs: { type: 'button' } });
      button.addEventListener('click', () => this.events.sort(column.key));
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
    this.element = h('div', {
      class: 'entity-grid',
      id: 'entity-grid',
      attrs: {
        role: 'grid',
        'aria-label': 'Entities',
        'aria-colcount': String(COLUMNS.length),
        'aria-rowcount': '1',
        'aria-multiselectable': 'false',
      },
    }, [header, this.body]);
    // The body scrolls; the grid itself takes the focus (one tab stop, like a list in VS Code).
    this.element.tabIndex = 0;
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
    new ResizeObserver(() => this.schedule()).observe(this.body);
  }

  /** New rows (already filtered and sorted), keeping the selection and the scroll position. */
  setRows(rows: Entity[]): void {
    this.rows = rows;
    this.element.setAttribute('aria-rowcount', String(rows.length + 1));
    this.spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.render();
  }

  setSort(key: SortKey, descending: boolean): void {
    for (const [k, cell] of this.headers) cell.setAttribute('aria-sort', k === key ? (descending ? 'descending' : 'ascending') : 'none');
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

  private onKey(event: KeyboardEvent): void {
    if (event.target !== this.element || this.rows.length === 0) return;
    const current = this.selectedIndex();
    const page = Math.max(1, Math.floor(this.body.clientHeight / ROW_HEIGHT) - 1);
    let next: number;
    switch (event.key) {
      case 'ArrowDown': next = current < 0 ? 0 : current + 1; break;
      case 'ArrowUp': next = current < 0 ? 0 : current - 1; break;
      case 'PageDown': next = current + page; break;
      case 'PageUp': next = current - page; break;
      case 'Home': next = 0; break;
      case 'End': next = this.rows.length - 1; break;
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
      const row = h('div', {
        class: `row${selected ? ' selected' : ''}`,
        id,
        attrs: {
          role: 'row',
          'aria-rowindex': String(i + 2),
          'aria-selected': String(selected),
          'data-index': String(i),
          'data-entity-id': entity.id,
        },
      }, [
        h('div', { class: 'cell col-name', text: entity.name, attrs: { role: 'gridcell', title: entity.name } }),
        h('div', { class: 'cell col-type', text: entity.type, attrs: { role: 'gridcell' } }),
        h('div', { class: 'cell col-mentions numeric', text: String(entity.mentions), attrs: { role: 'gridcell' } }),
        h('div', { class: 'cell col-documents numeric', text: String(entity.documents), attrs: { role: 'gridcell' } }),
        h('div', { class: 'cell col-aliases', text: aliases, attrs: { role: 'gridcell', title: aliases } }),
      ]);
      row.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
      rendered.push(row);
    }
    this.spacer.replaceChildren(...rendered);
    if (activeId) this.element.setAttribute('aria-activedescendant', activeId);
    else this.element.removeAttribute('aria-activedescendant');
  }
}
