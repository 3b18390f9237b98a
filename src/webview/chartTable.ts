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

/** A chart's table: a caption for screen readers, the header row and the body the chart fills. */
export function chartTable(id: string, caption: string, head: HTMLElement, body: HTMLElement): HTMLTableElement {
  return h('table', { class: 'chart-table', id }, [
    h('caption', { class: 'visually-hidden', text: caption }),
    h('thead', {}, [head]),
    body,
  ]);
}
