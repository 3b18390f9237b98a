// The Entity Explorer webview's saved state (vscode.getState/setState; handed back to the
// serializer after a reload), and its validation: a state may come from an older version.
//
// It imports only from src/shared: the webview bundle pulls it in as is.

import {
  AnalyticsTab,
  ConcordanceSort,
  DEFAULT_COLLOCATE_WINDOW,
  PANEL_DEFAULT_WIDTH,
  Period,
  TimelineOf,
  isAnalyticsTab,
  isConcordanceSort,
  isPeriod,
  isTimelineOf,
} from './analyticsOptions';
import { DateRange, isDateRange } from './dateRange';
import { LIMITS, MAX_TIMELINE_SERIES, isId, isRecord, isWidth, isWindow } from './panelMessages';

export type SortKey = 'name' | 'type' | 'mentions' | 'documents' | 'aliases';
export const SORT_KEYS: readonly SortKey[] = ['name', 'type', 'mentions', 'documents', 'aliases'];

export interface PanelState {
  search: string;
  /** Types switched off (so types that appear later are shown). */
  hiddenTypes: string[];
  sort: SortKey;
  descending: boolean;
  selected: string | null;
  scrollTop: number;
  concordanceScrollTop: number;
  concordanceSort: ConcordanceSort;
  /** Code units of context either side of a mention. */
  contextWidth: number;
  /** The lower pane's tab. */
  tab: AnalyticsTab;
  timelineBy: Period;
  timelineOf: TimelineOf;
  /** Entities kept on the timeline to compare with the selected one. */
  timelinePinned: string[];
  /** The filter by document date (null: none). */
  dateRange: DateRange | null;
  collocateWindow: number;
  keepStopwords: boolean;
}

export const DEFAULT_STATE: PanelState = {
  search: '',
  hiddenTypes: [],
  sort: 'mentions',
  descending: true,
  selected: null,
  scrollTop: 0,
  concordanceScrollTop: 0,
  concordanceSort: 'doc',
  contextWidth: PANEL_DEFAULT_WIDTH,
  tab: 'concordance',
  timelineBy: 'month',
  timelineOf: 'documents',
  timelinePinned: [],
  dateRange: null,
  collocateWindow: DEFAULT_COLLOCATE_WINDOW,
  keepStopwords: false,
};

/** A saved state as it comes back (it may be from an older version, or tampered with): anything odd gets its default. */
export function parsePanelState(value: unknown): PanelState {
  if (!isRecord(value)) return { ...DEFAULT_STATE };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return {
    search: typeof value.search === 'string' ? value.search.slice(0, LIMITS.maxSearchLength) : '',
    hiddenTypes: Array.isArray(value.hiddenTypes)
      ? value.hiddenTypes.filter((t): t is string => typeof t === 'string' && t.length < 64).slice(0, 64)
      : [],
    sort: SORT_KEYS.includes(value.sort as SortKey) ? (value.sort as SortKey) : DEFAULT_STATE.sort,
    descending: typeof value.descending === 'boolean' ? value.descending : DEFAULT_STATE.descending,
    selected: isId(value.selected) ? value.selected : null,
    scrollTop: num(value.scrollTop),
    concordanceScrollTop: num(value.concordanceScrollTop),
    concordanceSort: isConcordanceSort(value.concordanceSort) ? value.concordanceSort : DEFAULT_STATE.concordanceSort,
    contextWidth: isWidth(value.contextWidth) ? value.contextWidth : DEFAULT_STATE.contextWidth,
    tab: isAnalyticsTab(value.tab) ? value.tab : DEFAULT_STATE.tab,
    timelineBy: isPeriod(value.timelineBy) ? value.timelineBy : DEFAULT_STATE.timelineBy,
    timelineOf: isTimelineOf(value.timelineOf) ? value.timelineOf : DEFAULT_STATE.timelineOf,
    timelinePinned: Array.isArray(value.timelinePinned) ? value.timelinePinned.filter(isId).slice(0, MAX_TIMELINE_SERIES - 1) : [],
    dateRange: isDateRange(value.dateRange) ? { from: value.dateRange.from, to: value.dateRange.to } : null,
    collocateWindow: isWindow(value.collocateWindow) ? value.collocateWindow : DEFAULT_STATE.collocateWindow,
    keepStopwords: typeof value.keepStopwords === 'boolean' ? value.keepStopwords : DEFAULT_STATE.keepStopwords,
  };
}
