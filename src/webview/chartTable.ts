// The table every chart is drawn in: its rows are the chart, and the table is its accessible form.
import { h } from './dom';

/** A header row of plain column headers; an empty name is a decorative column screen readers skip. */
export function headerRow(names: readonly string[]): HTMLElement {
  return h(
    'tr',
    {},
    names.map(name => h('th', name ? { text: name, attrs: { scope: 'col' } } : { attrs: { scope: 'col', 'aria-hidden': 'true' } })),
  );
}

/** Calls `choose` with the row (`tr[tabindex]`) clicked, or focused when Enter is pressed: the rows a chart's marks open from. */
export function onRowChosen(table: HTMLElement, choose: (row: HTMLElement) => void): void {
  const chosen = (event: Event) => {
    const row = (event.target as Element).closest<HTMLElement>('tr[tabindex]');
    if (row) choose(row);
  };
  table.addEventListener('click', chosen);
  table.addEventListener('keydown', event => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    chosen(event);
  });
}

/** A chart's table: a caption for screen readers, the header row and the body the chart fills. */
export function chartTable(id: string, caption: string, head: HTMLElement, body: HTMLElement): HTMLTableElement {
  return h('table', { class: 'chart-table', id }, [
    h('caption', { class: 'visually-hidden', text: caption }),
    h('thead', {}, [head]),
    body,
  ]);
}
