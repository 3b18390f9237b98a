// The analytics' options (the concordance's sort keys and context width, the timeline's periods):
// shared by the core (CLI and host), the panel's messages and the webview's controls.
// Self-contained (no imports): the webview bundle pulls it in.

/** Document order, or the first (L1) or second (L2) word left of the mention; R1 and R2 to its right. */
export const CONCORDANCE_SORTS = ['doc', 'L1', 'L2', 'R1', 'R2'] as const;
export type ConcordanceSort = (typeof CONCORDANCE_SORTS)[number];

export function isConcordanceSort(value: unknown): value is ConcordanceSort {
  return (CONCORDANCE_SORTS as readonly unknown[]).includes(value);
}

/** The CLI's default: UTF-16 code units of context either side of a mention. */
export const DEFAULT_WIDTH = 40;

/** The panel's context widths (code units either side), its default, and the largest it may ask for. */
export const PANEL_WIDTHS = [20, 40, 80, 120, 200] as const;
export const PANEL_DEFAULT_WIDTH = 80;
export const MAX_PANEL_WIDTH = 200;

/** The concordance's CSV columns (the CLI's and the panel's export). */
export const CONCORDANCE_CSV_HEADER = ['left', 'keyword', 'right', 'document', 'line'] as const;

/** The timeline's periods: the document's date cut to a day, a month or a year. */
export const PERIODS = ['day', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: unknown): value is Period {
  return (PERIODS as readonly unknown[]).includes(value);
}

/**
 * What the timeline dates a mention by: its document's date, or (DATE mentions only) the date it
 * names, its resolved value: what period the corpus talks about.
 */
export const TIMELINE_OFS = ['documents', 'dates'] as const;
export type TimelineOf = (typeof TIMELINE_OFS)[number];

export function isTimelineOf(value: unknown): value is TimelineOf {
  return (TIMELINE_OFS as readonly unknown[]).includes(value);
}

/** The lower pane's tabs, in order. */
export const ANALYTICS_TABS = ['concordance', 'timeline', 'dispersion', 'collocates', 'network'] as const;
export type AnalyticsTab = (typeof ANALYTICS_TABS)[number];

export function isAnalyticsTab(value: unknown): value is AnalyticsTab {
  return (ANALYTICS_TABS as readonly unknown[]).includes(value);
}

/** The collocates' windows offered (words either side of a mention), the default, and the largest asked for. */
export const COLLOCATE_WINDOWS = [1, 2, 3, 5, 10] as const;
export const DEFAULT_COLLOCATE_WINDOW = 5;
export const MAX_COLLOCATE_WINDOW = 20;
