// The Timeline tab: mentions per day, month or year, by the documents' dates (the selected entity
// and those pinned to compare with it, a series each) or by the dates the corpus names (every DATE
// entity as one series). A chart (timelineChart.ts) above a table that is its text alternative:
// a row per period and series, undated (or unplaced) mentions last. A click on a point, or Enter
// or a click on a row, opens that period's mentions; dragging across the chart sets the date
// filter (by document date only: the filter is on documents' dates).

import { PERIODS, Period, TimelineOf } from '../shared/analyticsOptions';
import { MAX_TIMELINE_POINTS, MAX_TIMELINE_SERIES, TimelineMessage } from '../shared/panelMessages';
import { plural } from '../shared/plural';
import { chartTable, headerRow, onRowChosen } from './chartTable';
import { h, paneButton } from './dom';
import { daysOf, periodsBetween } from './periods';
import { TimelineChart } from './timelineChart';
import type { DateRange } from '../shared/dateRange';

export interface TimelineEvents {
  options(by: Period, of: TimelineOf): void;
  /** Pin the selected entity, to compare it with the next ones selected. */
  pin(): void;
  unpin(entityId: string): void;
  /** The chart was brushed: the days of the periods dragged across. */
  brush(range: DateRange): void;
  /** A period's mentions of a series (its entity id, or ALL_DATES). */
  open(entityId: string, period: string): void;
  savePng(base64: string): void;
}

const OF_LABELS: Record<TimelineOf, string> = { documents: 'By document date', dates: 'By resolved date' };
const OF_NOTES: Record<TimelineOf, string> = {
  documents:
    'Mentions by the date of their document. Drag across the chart to filter the panel to those dates; click a point for its mentions.',
  dates:
    'Every date the corpus mentions (all DATE entities, in the documents of the date filter), by the period it names: what period the corpus talks about. Click a point for its mentions.',
};

export class TimelineView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly note: HTMLElement;
  private readonly body: HTMLElement;
  private readonly bySelect: HTMLSelectElement;
  private readonly ofSelect: HTMLSelectElement;
  private readonly pinButton: HTMLButtonElement;
  private readonly pngButton: HTMLButtonElement;
  private readonly pinned: HTMLElement;
  private readonly chart: TimelineChart;
  /** The series' entity ids as last shown, in the chart's order. */
  private shown: string[] = [];

  constructor(by: Period, of: TimelineOf, events: TimelineEvents) {
    this.summary = h('p', {
      class: 'pane-summary',
      id: 'timeline-summary',
      text: 'Select an entity to see its timeline.',
      attrs: { role: 'status' },
    });
    this.ofSelect = h(
      'select',
      { class: 'pane-select', id: 'timeline-of', attrs: { 'aria-label': 'Date mentions by' } },
      (Object.keys(OF_LABELS) as TimelineOf[]).map(o => h('option', { text: OF_LABELS[o], attrs: { value: o } })),
    );
    this.ofSelect.value = of;
    this.bySelect = h(
      'select',
      { class: 'pane-select', id: 'timeline-by', attrs: { 'aria-label': 'Count mentions per' } },
      PERIODS.map(p => h('option', { text: `per ${p}`, attrs: { value: p } })),
    );
    this.bySelect.value = by;
    const changed = () => events.options(this.bySelect.value as Period, this.ofSelect.value as TimelineOf);
    this.bySelect.addEventListener('change', changed);
    this.ofSelect.addEventListener('change', changed);
    this.pinButton = paneButton(
      'timeline-pin',
      'Add to timeline',
      `Keep the selected entity on the chart, to compare it with others (up to ${MAX_TIMELINE_SERIES})`,
      () => events.pin(),
      true,
    );
    this.pngButton = paneButton('timeline-png', 'Save PNG\u2026', 'Save the chart as a PNG image', () => {
      const png = this.chart.png();
      if (png) events.savePng(png);
    });
    this.pinned = h('div', {
      class: 'timeline-pinned',
      id: 'timeline-pinned',
      attrs: { role: 'group', 'aria-label': 'Compared entities' },
    });
    this.pinned.addEventListener('click', event => {
      const button = (event.target as Element).closest<HTMLElement>('[data-entity]');
      if (button) events.unpin(button.dataset.entity!);
    });
    this.note = h('p', { class: 'pane-note', id: 'timeline-note', text: OF_NOTES[of] });
    this.chart = new TimelineChart({
      brush: (first, last) => events.brush(daysOf(first, last)),
      open: (series, period) => {
        const entityId = this.shown[series];
        if (entityId) events.open(entityId, period);
      },
    });
    this.body = h('tbody');
    const table = chartTable('timeline', 'Mentions per period', headerRow(['Period', 'Mentions', 'Documents', 'Series', '']), this.body);
    onRowChosen(table, row => {
      if (row.dataset.period) events.open(row.dataset.entity!, row.dataset.period);
    });
    this.element = h('div', { class: 'chart-pane timeline-pane' }, [
      this.summary,
      h('div', { class: 'pane-tools', attrs: { role: 'group', 'aria-label': 'Timeline options' } }, [
        this.ofSelect,
        this.bySelect,
        this.pinButton,
        this.pngButton,
        this.pinned,
      ]),
      this.note,
      this.chart.element,
      h('div', { class: 'chart-scroll' }, [table]),
    ]);
    this.chart.element.hidden = true;
  }

  /** The pinned entities (removable) and whether the selected one can be pinned. */
  setPinned(pinned: { id: string; name: string }[], canPin: boolean, of: TimelineOf): void {
    this.pinButton.disabled = !canPin;
    this.pinned.hidden = pinned.length === 0 || of === 'dates';
    this.pinned.replaceChildren(
      ...pinned.map(({ id, name }) =>
        h('button', {
          class: 'chip timeline-unpin',
          text: `${name} \u00d7`,
          attrs: { type: 'button', 'data-entity': id, 'aria-label': `Remove ${name} from the timeline`, title: 'Remove from the timeline' },
        }),
      ),
    );
    this.note.textContent = OF_NOTES[of];
  }

  clear(message: string): void {
    this.summary.textContent = message;
    this.body.replaceChildren();
    this.shown = [];
    this.chart.clear();
    this.pngButton.disabled = true;
  }

  /** Draws the answer; `label` names a series (an entity, or every date). */
  show(message: TimelineMessage, label: (entityId: string) => string): void {
    const { by, of, series } = message;
    this.shown = series.map(s => s.entityId);
    const labels = series.map(s => label(s.entityId));
    const dated = [...new Set(series.flatMap(s => s.points.flatMap(p => (p.period === null ? [] : [p.period]))))].sort();
    const periods = dated.length === 0 ? [] : periodsBetween(dated[0], dated[dated.length - 1], by, MAX_TIMELINE_POINTS);
    const chartSeries = series.map((s, i) => {
      const counts = new Map(s.points.map(p => [p.period, p.mentions]));
      return { label: labels[i], values: periods.map(p => counts.get(p) ?? 0) };
    });
    this.chart.show(periods, chartSeries, of === 'documents');
    this.pngButton.disabled = periods.length === 0;

    const undated = series.some(s => s.points.some(p => p.period === null));
    const empty = series.every(s => s.points.length === 0);
    this.summary.textContent = empty
      ? `${labels.join(', ')}: no mentions.`
      : `${labels.join(', ')}: mentions in ${plural(dated.length, by)}` +
        (undated ? (of === 'dates' ? ` and dates not placed in a ${by}` : ' and in undated documents') : '') +
        (dated.length > 0 ? `, ${dated[0]} to ${dated[dated.length - 1]}` : '');

    const most = Math.max(1, ...series.flatMap(s => s.points.map(p => p.mentions)));
    const rows = series.flatMap((s, i) => s.points.map(p => ({ ...p, series: i })));
    // By period (null last), then series, as the chart reads left to right.
    rows.sort((a, b) =>
      a.period === b.period ? a.series - b.series : a.period === null ? 1 : b.period === null ? -1 : a.period < b.period ? -1 : 1,
    );
    this.body.replaceChildren(
      ...rows.map(p => {
        const bar = h('span', { class: 'timeline-bar' });
        bar.style.width = `${(100 * p.mentions) / most}%`;
        const row = h('tr', { attrs: { 'data-period': p.period ?? '', 'data-entity': series[p.series].entityId } }, [
          h('th', { text: p.period ?? (of === 'dates' ? `not placed in a ${by}` : 'undated'), attrs: { scope: 'row' } }),
          h('td', { class: 'num', text: String(p.mentions) }),
          h('td', { class: 'num', text: String(p.documents) }),
          h('td', { class: 'chart-label', text: labels[p.series] }),
          h('td', { class: 'timeline-bar-cell', attrs: { 'aria-hidden': 'true' } }, [bar]),
        ]);
        if (p.period !== null) {
          row.tabIndex = 0;
          row.title = `Show the mentions of ${p.period}`;
        }
        return row;
      }),
    );
  }
}
