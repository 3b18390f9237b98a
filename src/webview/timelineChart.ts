// The timeline's chart: uPlot (canvas, no eval, its styles set through CSSOM, which the CSP
// allows; its stylesheet is linked as a file), a line with points per series over every period
// from the first to the last (gaps as zeros; undated mentions are in the table only). The x axis
// is the periods' positions, so days, months and years are all evenly spaced categories.
//
// Colours are the theme's (--vscode-charts-*), read when drawn and again when the theme changes
// (VS Code swaps the body's class). Dragging across the plot brushes a range of periods; a click
// on a period opens its mentions (of the series whose point is nearest). uPlot's legend names the series (a click hides one).

import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  /** Mentions per period, in the order of the chart's periods. */
  values: number[];
}

export interface TimelineChartEvents {
  /** A range of periods was dragged across (first and last, inclusive). */
  brush(first: string, last: string): void;
  /** A point was clicked: the series' index and the period. */
  open(series: number, period: string): void;
}

const SERIES_COLOURS = ['blue', 'red', 'green', 'yellow', 'orange', 'purple'];
const FALLBACK_COLOURS = ['#3794ff', '#f14c4c', '#89d185', '#cca700', '#d18616', '#b180d7'];
const HEIGHT = 200;
/** A drag shorter than this (pixels) is a click. */
const NEAR_PX = 12;

export class TimelineChart {
  readonly element: HTMLElement;
  private plot: uPlot | undefined;
  private periods: string[] = [];
  private series: ChartSeries[] = [];
  private brushable = false;
  private down: { x: number; y: number } | undefined;
  /** The series' colours as last drawn (the PNG's legend). */
  private colours: string[] = [];

  constructor(private readonly events: TimelineChartEvents) {
    this.element = document.createElement('div');
    this.element.className = 'timeline-chart';
    this.element.id = 'timeline-chart';
    // Colours come from the theme: draw again when it changes.
    new MutationObserver(() => this.draw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(this.element);
  }

  /** Draws `series` over `periods`; `brushable`: a drag selects a range of periods. */
  show(periods: string[], series: ChartSeries[], brushable: boolean): void {
    this.periods = periods;
    this.series = series;
    this.brushable = brushable;
    this.draw();
  }

  clear(): void {
    this.show([], [], false);
  }

  /**
   * The chart as a PNG (base64, no data: prefix) on the editor's background, with a legend of the
   * visible series below it (uPlot's legend is HTML, not on the canvas); undefined when none is drawn.
   */
  png(): string | undefined {
    const plot = this.plot;
    if (!plot) return undefined;
    const canvas = plot.ctx.canvas;
    const scale = canvas.width / Math.max(1, canvas.clientWidth);
    const line = Math.round(20 * scale);
    const out = document.createElement('canvas');
    out.width = canvas.width;
    out.height = canvas.height + line + Math.round(8 * scale);
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = themeColour('--vscode-editor-background', '#ffffff');
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    ctx.font = `${Math.round(12 * scale)}px ${getComputedStyle(document.body).fontFamily}`;
    ctx.textBaseline = 'middle';
    let x = Math.round(8 * scale);
    const y = canvas.height + line / 2 + Math.round(4 * scale);
    this.series.forEach((s, i) => {
      if (!plot.series[i + 1].show) return;
      ctx.fillStyle = this.colours[i];
      ctx.fillRect(x, y - 2 * scale, 16 * scale, 4 * scale);
      x += 22 * scale;
      ctx.fillStyle = themeColour('--vscode-foreground', '#616161');
      ctx.fillText(s.label, x, y);
      x += ctx.measureText(s.label).width + 16 * scale;
    });
    return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(200, this.element.clientWidth), height: HEIGHT };
  }

  private draw(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.element.hidden = this.periods.length === 0;
    if (this.periods.length === 0) return;
    const foreground = themeColour('--vscode-foreground', '#616161');
    const grid = themeColour('--vscode-charts-lines', 'rgba(128, 128, 128, 0.3)');
    const font = `${getComputedStyle(document.body).fontSize} ${getComputedStyle(document.body).fontFamily}`;
    const axis = { stroke: foreground, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const periods = this.periods;
    this.colours = this.series.map((_, i) =>
      themeColour(`--vscode-charts-${SERIES_COLOURS[i % SERIES_COLOURS.length]}`, FALLBACK_COLOURS[i % FALLBACK_COLOURS.length]),
    );
    const options: uPlot.Options = {
      ...this.size(),
      // Counts from zero, so that lines compare by height.
      scales: {
        x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
      },
      axes: [
        // Ticks at whole positions only: each names its period.
        { ...axis, incrs: [1, 2, 3, 6, 12, 24, 60, 120, 365], values: (_u, splits) => splits.map(i => periods[i] ?? '') },
        { ...axis, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] },
      ],
      series: [
        { label: 'Period', value: (_u, i) => (i === null ? '' : (periods[i] ?? '')) },
        ...this.series.map((s, i) => ({
          label: s.label,
          stroke: this.colours[i],
          width: 2,
          points: { show: true, size: 7, fill: this.colours[i] },
        })),
      ],
      cursor: { drag: { x: this.brushable, y: false, setScale: false }, points: { size: 9 } },
      legend: { show: true },
      hooks: { setSelect: [u => this.onSelect(u)] },
    };
    const data: uPlot.AlignedData = [periods.map((_, i) => i), ...this.series.map(s => s.values)];
    this.plot = new uPlot(options, data, this.element);
    this.plot.over.addEventListener('mousedown', e => (this.down = { x: e.clientX, y: e.clientY }));
    this.plot.over.addEventListener('mouseup', e => this.onClick(e));
  }

  private onSelect(u: uPlot): void {
    if (u.select.width < NEAR_PX) return; // a click, not a drag
    const first = Math.max(0, Math.ceil(u.posToVal(u.select.left, 'x')));
    const last = Math.min(this.periods.length - 1, Math.floor(u.posToVal(u.select.left + u.select.width, 'x')));
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    if (first <= last) this.events.brush(this.periods[first], this.periods[last]);
  }

  /** A click (not a drag) on a period's column opens it, for the visible series whose point is nearest. */
  private onClick(e: MouseEvent): void {
    const u = this.plot;
    const down = this.down;
    this.down = undefined;
    if (!u || !down || Math.abs(e.clientX - down.x) >= NEAR_PX || Math.abs(e.clientY - down.y) >= NEAR_PX) return;
    const rect = u.over.getBoundingClientRect();
    const index = Math.round(u.posToVal(e.clientX - rect.left, 'x'));
    if (index < 0 || index >= this.periods.length) return;
    const y = e.clientY - rect.top;
    let best: { series: number; distance: number } | undefined;
    this.series.forEach((s, i) => {
      if (!u.series[i + 1].show || !s.values[index]) return;
      const distance = Math.abs(u.valToPos(s.values[index], 'y') - y);
      if (!best || distance < best.distance) best = { series: i, distance };
    });
    if (best) this.events.open(best.series, this.periods[index]);
  }
}

/** A theme colour (a CSS variable VS Code sets on the page), or `fallback` when the theme has none. */
function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}
