// The Entity Explorer's rows: the entities the search and the type chips keep, in the chosen
// order. No DOM here, so that plain Node can test it.

import { CompactEntity } from '../shared/panelMessages';
import { PanelState, SortKey, parsePanelState } from '../shared/panelState';
import { matchesQuery, normaliseQuery } from '../shared/search';

export interface Entity {
  id: string;
  name: string;
  type: string;
  mentions: number;
  documents: number;
  aliases: string[];
}

/** A row as the host sends it, its type index looked up in `types`. */
export function toEntity(row: CompactEntity, types: readonly string[]): Entity {
  const [id, name, type, mentions, documents, aliases] = row;
  return { id, name, type: types[type] ?? '?', mentions, documents, aliases };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Ascending order by `key` (the table shows it reversed when descending); `typeOrder` orders types. */
export function comparator(key: SortKey, typeOrder: readonly string[]): (a: Entity, b: Entity) => number {
  const byName = (a: Entity, b: Entity) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (key) {
    case 'name':
      return byName;
    case 'type':
      return (a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || b.mentions - a.mentions || byName(a, b);
    case 'mentions':
      return (a, b) => a.mentions - b.mentions || b.documents - a.documents || -byName(a, b);
    case 'documents':
      return (a, b) => a.documents - b.documents || a.mentions - b.mentions || -byName(a, b);
    case 'aliases':
      return (a, b) => a.aliases.length - b.aliases.length || -byName(a, b);
  }
}

export type RowFilter = Pick<PanelState, 'search' | 'hiddenTypes' | 'sort' | 'descending'>;

/** The entities whose type is shown and whose name or an alias matches the search, sorted. */
export function visibleRows(all: readonly Entity[], filter: RowFilter, typeOrder: readonly string[]): Entity[] {
  const query = normaliseQuery(filter.search);
  const hidden = new Set(filter.hiddenTypes);
  const compare = comparator(filter.sort, typeOrder);
  const sign = filter.descending ? -1 : 1;
  const rows = all.filter(e => !hidden.has(e.type) && (!query || [e.name, ...e.aliases].some(name => matchesQuery(name, query))));
  return rows.sort((a, b) => sign * compare(a, b));
}

/** The state a page starts from: the saved one, and for a new panel (no saved type filter) `defaultHidden` hidden. */
export function initialState(saved: unknown, defaultHidden: readonly string[]): PanelState {
  const state = parsePanelState(saved);
  const hasFilter = typeof saved === 'object' && saved !== null && Array.isArray((saved as { hiddenTypes?: unknown }).hiddenTypes);
  if (!hasFilter) state.hiddenTypes = [...defaultHidden];
  return state;
}
