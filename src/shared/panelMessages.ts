// Messages between the extension host and the Entity Explorer webview (its saved state is in
// panelState.ts; the charts' messages are in chartMessages.ts, re-exported here). Both sides
// import these types; each side validates what it receives with the parsers below (the host never
// trusts the webview: its page renders corpus text).
//
// It imports only from src/shared: the webview bundle pulls it in as is.

import { CONCORDANCE_SORTS, ConcordanceSort, MAX_COLLOCATE_WINDOW, MAX_PANEL_WIDTH, isConcordanceSort } from './analyticsOptions';
import { ALL_DATES, ChartAnswer, ChartRequest, isChartAnswer, parseChartRequest } from './chartMessages';
import { DateRange, isDateRange } from './dateRange';
import { ExportWhat, EXPORT_WHATS, EXPORTS, isExportWhat } from './exportFormats';
import { LIMITS, Parsed, isId, isOffset, isPeriodValue, isRecord, isWidth, isWindow, onlyKeys } from './messageChecks';

export * from './chartMessages';
export { LIMITS, type Parsed, isId, isRecord, isWidth, isWindow } from './messageChecks';

export const EXPLORER_VIEW_TYPE = 'corpusLens.explorer';

/**
 * One entity, compact: the host sends every entity in one message per index change (debounced),
 * so the record is a tuple rather than an object with repeated keys.
 * [id, name, index into `types`, mentions, documents, aliases]
 */
export type CompactEntity = [id: string, name: string, type: number, mentions: number, documents: number, aliases: string[]];

export interface ConcordanceLine {
  start: number;
  end: number;
  /** 0-based line and UTF-16 column of `start`. */
  line: number;
  character: number;
  left: string;
  text: string;
  right: string;
}

export interface ConcordanceGroup {
  docId: string;
  /** The document as the user knows it (workspace-relative path). */
  label: string;
  lines: ConcordanceLine[];
}

// ---- host → webview

export interface EntitiesMessage {
  type: 'entities';
  /** Entity types, in display order; rows refer to them by index. */
  types: string[];
  rows: CompactEntity[];
  /** Still analysing: the list may grow. */
  indexing: boolean;
  /** The date filter the counts are for: only mentions in documents dated in it (and only entities mentioned there). */
  range?: DateRange;
}

export interface MentionsMessage {
  type: 'mentions';
  entityId: string;
  /** The order of the lines: in document order they are grouped by document, sorted by runs of one document. */
  sort: ConcordanceSort;
  width: number;
  /** Undefined when the entity no longer exists. */
  entity?: { name: string; type: string; mentions: number; documents: number };
  /** Lines shown (at most MAX_CONCORDANCE_LINES); `entity.mentions` has the full count. */
  groups: ConcordanceGroup[];
  /** As asked (a timeline period's mentions, a collocate's). */
  within?: DateRange;
  naming?: string;
  near?: Near;
  /** The panel's date filter the lines were cut to. */
  range?: DateRange;
}

/** Asks the webview to select an entity (the command's argument, "Open in panel"). */
export interface SelectMessage {
  type: 'select';
  entityId: string;
}

export type HostToWebview = EntitiesMessage | MentionsMessage | SelectMessage | ChartAnswer;

// ---- webview → host

export interface ReadyMessage {
  type: 'ready';
}

/**
 * The concordance of an entity; `sort` and `width` (code units of context) default to document
 * order and PANEL_DEFAULT_WIDTH. A timeline period's mentions: `within` its documents' dates, or
 * (`entityId` ALL_DATES) the DATE mentions `naming` it (a period, as resolvedPeriod cuts it).
 */
export interface ShowMentionsMessage {
  type: 'showMentions';
  entityId: string;
  sort?: ConcordanceSort;
  width?: number;
  /** Only the mentions in documents dated in this range (a timeline period). */
  within?: DateRange;
  /** Only the DATE mentions naming this period (ALL_DATES' timeline). */
  naming?: string;
  /** Only the mentions that have this collocate near them. */
  near?: Near;
}

/** A collocate: its lines are the mentions with `word` among the `window` words either side, as collocates count them. */
export interface Near {
  word: string;
  window: number;
}

/** Save the concordance as the panel shows it (sort, width), as CSV; the host asks where. */
export interface ExportConcordanceMessage {
  type: 'exportConcordance';
  entityId: string;
  sort: ConcordanceSort;
  width: number;
}

export interface OpenMentionMessage {
  type: 'openMention';
  docId: string;
  start: number;
  end: number;
}

/** Export the panel's current filter: the types shown and the search. */
export interface ExportMessage {
  type: 'export';
  what: ExportWhat;
  format: string;
  filter: { types: string[]; search: string };
}

/** The panel's filter by document date (null: none); the host re-sends the entities' counts, the concordance and charts follow. */
export interface DateRangeMessage {
  type: 'dateRange';
  range: DateRange | null;
}

export type WebviewToHost =
  ReadyMessage | ShowMentionsMessage | OpenMentionMessage | ExportMessage | ExportConcordanceMessage | DateRangeMessage | ChartRequest;

/** Shape, types and bounds of a message from the webview (not whether its ids exist: the host checks that). */
export function parseWebviewMessage(message: unknown): Parsed<WebviewToHost> {
  if (!isRecord(message)) return { ok: false, reason: 'not an object' };
  switch (message.type) {
    case 'ready':
      if (!onlyKeys(message, ['type'])) return { ok: false, reason: 'unexpected fields' };
      return { ok: true, value: { type: 'ready' } };
    case 'showMentions':
    case 'exportConcordance': {
      const scoped = message.type === 'showMentions' ? ['within', 'naming', 'near'] : [];
      if (!onlyKeys(message, ['type', 'entityId', 'sort', 'width', ...scoped])) return { ok: false, reason: 'unexpected fields' };
      const { entityId, sort, width, within, naming, near } = message;
      if (message.type === 'exportConcordance' && (sort === undefined || width === undefined)) {
        return { ok: false, reason: 'sort and width are required' };
      }
      if (!isId(entityId)) return { ok: false, reason: 'entityId must be a non-empty string' };
      if (sort !== undefined && !isConcordanceSort(sort)) {
        return { ok: false, reason: `sort must be one of ${CONCORDANCE_SORTS.join(', ')}` };
      }
      if (width !== undefined && !isWidth(width)) return { ok: false, reason: `width must be an integer from 0 to ${MAX_PANEL_WIDTH}` };
      if (within !== undefined && !isDateRange(within)) return { ok: false, reason: 'within must be a date range' };
      if (naming !== undefined && !(entityId === ALL_DATES && isPeriodValue(naming))) {
        return { ok: false, reason: `naming must be a period, of ${ALL_DATES} only` };
      }
      if (near !== undefined && !isNear(near)) {
        return {
          ok: false,
          reason: `near must be {word, window}: a word of at most ${MAX_WORD_LENGTH} characters, a window from 1 to ${MAX_COLLOCATE_WINDOW}`,
        };
      }
      const value = {
        type: message.type,
        entityId,
        ...(sort !== undefined && { sort }),
        ...(width !== undefined && { width }),
        ...(within !== undefined && { within: { from: within.from, to: within.to } }),
        ...(naming !== undefined && { naming }),
        ...(near !== undefined && { near: { word: near.word, window: near.window } }),
      };
      return { ok: true, value: value as ShowMentionsMessage | ExportConcordanceMessage };
    }
    case 'dateRange': {
      if (!onlyKeys(message, ['type', 'range'])) return { ok: false, reason: 'unexpected fields' };
      const { range } = message;
      if (range !== null && !isDateRange(range)) {
        return { ok: false, reason: 'range must be null or {from, to}, ISO dates, from not after to' };
      }
      return { ok: true, value: { type: 'dateRange', range: range && { from: range.from, to: range.to } } };
    }
    case 'openMention': {
      if (!onlyKeys(message, ['type', 'docId', 'start', 'end'])) return { ok: false, reason: 'unexpected fields' };
      const { docId, start, end } = message;
      if (!isId(docId)) return { ok: false, reason: 'docId must be a non-empty string' };
      if (!isOffset(start) || !isOffset(end)) return { ok: false, reason: 'start and end must be non-negative integers' };
      if (start > end) return { ok: false, reason: 'start is after end' };
      return { ok: true, value: { type: 'openMention', docId, start, end } };
    }
    case 'export': {
      if (!onlyKeys(message, ['type', 'what', 'format', 'filter'])) return { ok: false, reason: 'unexpected fields' };
      const { what, format, filter } = message;
      if (typeof what !== 'string' || !isExportWhat(what)) return { ok: false, reason: `what must be one of ${EXPORT_WHATS.join(', ')}` };
      const formats: readonly string[] = EXPORTS[what];
      if (typeof format !== 'string' || !formats.includes(format)) {
        return { ok: false, reason: `${what} can be exported as ${formats.join(', ')} only` };
      }
      if (!isRecord(filter) || !onlyKeys(filter, ['types', 'search'])) return { ok: false, reason: 'filter must be {types, search}' };
      const { types, search } = filter;
      if (!Array.isArray(types) || types.length > 64 || !types.every(t => typeof t === 'string' && t.length > 0 && t.length < 64)) {
        return { ok: false, reason: 'filter.types must be a list of type names' };
      }
      if (typeof search !== 'string' || search.length > LIMITS.maxSearchLength) {
        return { ok: false, reason: 'filter.search must be a string' };
      }
      return { ok: true, value: { type: 'export', what, format, filter: { types: [...types] as string[], search } } };
    }
    default:
      return (
        parseChartRequest(message) ?? { ok: false, reason: `unknown message type ${JSON.stringify(String(message.type)).slice(0, 60)}` }
      );
  }
}

/** Light checks on what the host sends (the webview only renders text, but a malformed message must not break it). */
export function isHostMessage(message: unknown): message is HostToWebview {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'entities':
      return Array.isArray(message.types) && Array.isArray(message.rows);
    case 'mentions':
      return typeof message.entityId === 'string' && Array.isArray(message.groups) && isConcordanceSort(message.sort);
    case 'select':
      return typeof message.entityId === 'string';
    default:
      return isChartAnswer(message);
  }
}

export const MAX_CONCORDANCE_LINES = 2000;

/** The longest collocate a concordance can be asked for (words are far shorter). */
const MAX_WORD_LENGTH = 200;

function isNear(value: unknown): value is Near {
  if (!isRecord(value) || !onlyKeys(value, ['word', 'window'])) return false;
  const { word, window } = value;
  return typeof word === 'string' && word.length > 0 && word.length <= MAX_WORD_LENGTH && isWindow(window);
}
