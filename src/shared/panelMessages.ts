// Messages between the extension host and the Entity Explorer webview (its saved state is in
// panelState.ts). Both sides import these types; each side validates what it receives with the parsers
// below (the host never trusts the webview: its page renders corpus text).
//
// It imports only from src/shared: the webview bundle pulls it in as is.

import {
  CONCORDANCE_SORTS,
  ConcordanceSort,
  MAX_COLLOCATE_WINDOW,
  MAX_PANEL_WIDTH,
  PERIODS,
  Period,
  TIMELINE_OFS,
  TimelineOf,
  isConcordanceSort,
  isPeriod,
  isTimelineOf,
} from './analyticsOptions';
import { DateRange, isDateRange } from './dateRange';
import { ExportWhat, EXPORT_WHATS, EXPORTS, isExportWhat } from './exportFormats';

export const EXPLORER_VIEW_TYPE = 'corpusLens.explorer';

/** Bounds on what the webview may send. */
export const LIMITS = {
  /** Entity ids are `TYPE:normalised name`; document ids are URIs. */
  maxIdLength: 4096,
  maxSearchLength: 1000,
  /** Largest offset accepted (the reader refuses files far smaller than this). */
  maxOffset: 0x3fffffff,
} as const;

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
  /** As asked (a timeline period's mentions). */
  within?: DateRange;
  naming?: string;
  /** The panel's date filter the lines were cut to. */
  range?: DateRange;
}

/** Asks the webview to select an entity (the command's argument, "Open in panel"). */
export interface SelectMessage {
  type: 'select';
  entityId: string;
}

/** One period of the timeline: its mentions of the entity and the documents holding them. */
export interface TimelinePoint {
  /** `2023-01-15`, `2023-01` or `2023`; null for documents without a date. */
  period: string | null;
  mentions: number;
  documents: number;
}

/** One line of the timeline chart: an entity (or ALL_DATES) and its periods in order, null last. */
export interface TimelineSeries {
  entityId: string;
  points: TimelinePoint[];
}

/**
 * The answer to a TimelineRequest (same requestId): a series per entity asked for, by document
 * date; by resolved date, one series (ALL_DATES) over every DATE entity. Within the panel's date
 * filter (`range`) if one is set.
 */
export interface TimelineMessage {
  type: 'timeline';
  requestId: number;
  by: Period;
  of: TimelineOf;
  series: TimelineSeries[];
  range?: DateRange;
}

/** One document that mentions the entity: its mentions' offsets and relative positions (start / length). */
export interface DispersionDocument {
  docId: string;
  label: string;
  length: number;
  mentions: { start: number; end: number; position: number }[];
}

/**
 * The answer to a DispersionRequest: Gries' DP over every document (those dated in the panel's
 * date filter, if set), and the documents that mention the entity.
 */
export interface DispersionMessage {
  type: 'dispersion';
  requestId: number;
  entityId: string;
  /** Null when the entity has no mention. */
  dp: number | null;
  /** Documents in the corpus or the date filter (DP's denominator of sizes). */
  corpusDocuments: number;
  /** By path; at most MAX_DISPERSION_DOCUMENTS, with at most MAX_CONCORDANCE_LINES mentions in all. */
  documents: DispersionDocument[];
  /** Documents that mention the entity, all of them (`documents` may be fewer). */
  mentioningDocuments: number;
}

/** One collocate: its count in the windows, signed log-likelihood and MI (the core's collocates). */
export interface CollocateRow {
  word: string;
  count: number;
  llr: number;
  mi: number;
}

/** The answer to a CollocatesRequest: highest LLR first, at most MAX_COLLOCATES. */
export interface CollocatesMessage {
  type: 'collocates';
  requestId: number;
  entityId: string;
  window: number;
  keepStopwords: boolean;
  rows: CollocateRow[];
}

/** One edge of the co-occurrence network (the core's): its ids in code-unit order, a < b. */
export interface NetworkEdge {
  a: string;
  b: string;
  /** Sentences mentioning both. */
  sentences: number;
  documents: number;
  /** Signed log-likelihood (G²) of the shared sentences. */
  score: number;
}

/** The answer to a NetworkRequest: the edges between the nodes asked for, highest score first, at most MAX_NETWORK_EDGES. */
export interface NetworkMessage {
  type: 'network';
  requestId: number;
  measure: 'log-likelihood';
  edges: NetworkEdge[];
  /** Edges between those nodes before the cap. */
  total: number;
}

/** A sentence holding both entities of an edge; `text` is the sentence from `from` (cut to MAX_SENTENCE_TEXT around its mentions). */
export interface SharedSentenceLine {
  start: number;
  end: number;
  /** 0-based line and UTF-16 column of the sentence's first mention. */
  line: number;
  character: number;
  from: number;
  text: string;
  /** The mentions of either entity in it (document offsets), in text order. */
  mentions: { start: number; end: number }[];
}

/** The answer to a SharedSentencesRequest: by document, at most MAX_SHARED_SENTENCES lines; `total` counts them all. */
export interface SharedSentencesMessage {
  type: 'sharedSentences';
  requestId: number;
  a: string;
  b: string;
  total: number;
  groups: { docId: string; label: string; sentences: SharedSentenceLine[] }[];
}

export type HostToWebview =
  | EntitiesMessage
  | MentionsMessage
  | SelectMessage
  | TimelineMessage
  | DispersionMessage
  | CollocatesMessage
  | NetworkMessage
  | SharedSentencesMessage;

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
  within?: DateRange;
  naming?: string;
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

/**
 * Mentions per period of the entities (at most MAX_TIMELINE_SERIES), by the documents' dates, or
 * (`of: 'dates'`, no entities) of every DATE entity by the dates they name; answered by a TimelineMessage.
 */
export interface TimelineRequest {
  type: 'timeline';
  requestId: number;
  entityIds: readonly string[];
  by: Period;
  of: TimelineOf;
}

/** The panel's filter by document date (null: none); the host re-sends the entities' counts, the concordance and charts follow. */
export interface DateRangeMessage {
  type: 'dateRange';
  range: DateRange | null;
}

/** Save a chart as a PNG file (`what` names it: `timeline`, `network`); the host asks where. */
export interface SaveImageMessage {
  type: 'saveImage';
  what: string;
  /** The PNG's bytes in base64 (as canvas.toDataURL gives them, without the `data:` prefix). */
  base64: string;
}

/** Save the entity's dispersion plot as an SVG file, over the panel's date filter; the host asks where. */
export interface SaveDispersionMessage {
  type: 'saveDispersion';
  entityId: string;
}

/** Save all the entity's collocates (not only those listed) as CSV, as `corpus-lens collocates` writes them. */
export interface SaveCollocatesMessage {
  type: 'saveCollocates';
  entityId: string;
  window: number;
  keepStopwords: boolean;
}

/** Where the entity's mentions fall in each document; answered by a DispersionMessage. */
export interface DispersionRequest {
  type: 'dispersion';
  requestId: number;
  entityId: string;
}

/** The words near the entity's mentions (`window` words either side); answered by a CollocatesMessage. */
export interface CollocatesRequest {
  type: 'collocates';
  requestId: number;
  entityId: string;
  window: number;
  keepStopwords: boolean;
}

/** The co-occurrence network between these entities (the panel's filter, capped); answered by a NetworkMessage. */
export interface NetworkRequest {
  type: 'network';
  requestId: number;
  entityIds: string[];
}

/** The sentences holding both entities of an edge; answered by a SharedSentencesMessage. */
export interface SharedSentencesRequest {
  type: 'sharedSentences';
  requestId: number;
  a: string;
  b: string;
}

export type WebviewToHost =
  | NetworkRequest
  | SharedSentencesRequest
  | ReadyMessage
  | ShowMentionsMessage
  | OpenMentionMessage
  | ExportMessage
  | ExportConcordanceMessage
  | TimelineRequest
  | DispersionRequest
  | CollocatesRequest
  | DateRangeMessage
  | SaveImageMessage
  | SaveDispersionMessage
  | SaveCollocatesMessage;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= LIMITS.maxIdLength;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= LIMITS.maxOffset;
}

export function isWidth(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_PANEL_WIDTH;
}

export function isWindow(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_COLLOCATE_WINDOW;
}

/** Base64 of a PNG file: its signature, then its IHDR chunk's length (base64 "iVBORw0KGgo"), the base64 alphabet only, within the size cap. */
export function isPngBase64(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_PNG_BASE64 &&
    value.length % 4 === 0 &&
    value.startsWith('iVBORw0KGgo') &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(value)
  );
}

function onlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every(k => keys.includes(k));
}

/** Shape, types and bounds of a message from the webview (not whether its ids exist: the host checks that). */
export function parseWebviewMessage(message: unknown): Parsed<WebviewToHost> {
  if (!isRecord(message)) return { ok: false, reason: 'not an object' };
  switch (message.type) {
    case 'ready':
      if (!onlyKeys(message, ['type'])) return { ok: false, reason: 'unexpected fields' };
      return { ok: true, value: { type: 'ready' } };
    case 'showMentions':
    case 'exportConcordance': {
      const scoped = message.type === 'showMentions' ? ['within', 'naming'] : [];
      if (!onlyKeys(message, ['type', 'entityId', 'sort', 'width', ...scoped])) return { ok: false, reason: 'unexpected fields' };
      const { entityId, sort, width, within, naming } = message;
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
      const value = {
        type: message.type,
        entityId,
        ...(sort !== undefined && { sort }),
        ...(width !== undefined && { width }),
        ...(within !== undefined && { within: { from: within.from, to: within.to } }),
        ...(naming !== undefined && { naming }),
      };
      return { ok: true, value: value as ShowMentionsMessage | ExportConcordanceMessage };
    }
    case 'timeline': {
      if (!onlyKeys(message, ['type', 'requestId', 'entityIds', 'by', 'of'])) return { ok: false, reason: 'unexpected fields' };
      const { requestId, entityIds, by, of } = message;
      if (!isOffset(requestId)) return { ok: false, reason: 'requestId must be a non-negative integer' };
      if (!isPeriod(by)) return { ok: false, reason: `by must be one of ${PERIODS.join(', ')}` };
      if (!isTimelineOf(of)) return { ok: false, reason: `of must be one of ${TIMELINE_OFS.join(', ')}` };
      const least = of === 'documents' ? 1 : 0;
      if (!Array.isArray(entityIds) || entityIds.length < least || entityIds.length > MAX_TIMELINE_SERIES || !entityIds.every(isId)) {
        return { ok: false, reason: `entityIds must be ${least} to ${MAX_TIMELINE_SERIES} entity ids` };
      }
      return { ok: true, value: { type: 'timeline', requestId, entityIds: [...entityIds] as string[], by, of } };
    }
    case 'dateRange': {
      if (!onlyKeys(message, ['type', 'range'])) return { ok: false, reason: 'unexpected fields' };
      const { range } = message;
      if (range !== null && !isDateRange(range)) {
        return { ok: false, reason: 'range must be null or {from, to}, ISO dates, from not after to' };
      }
      return { ok: true, value: { type: 'dateRange', range: range && { from: range.from, to: range.to } } };
    }
    case 'saveImage': {
      if (!onlyKeys(message, ['type', 'what', 'base64'])) return { ok: false, reason: 'unexpected fields' };
      const { what, base64 } = message;
      if (typeof what !== 'string' || !/^[a-z][a-z-]{0,39}$/.test(what)) {
        return { ok: false, reason: 'what must be a short lower-case name' };
      }
      if (!isPngBase64(base64)) return { ok: false, reason: `base64 must be a PNG in base64, at most ${MAX_PNG_BASE64} characters` };
      return { ok: true, value: { type: 'saveImage', what, base64 } };
    }
    case 'dispersion': {
      if (!onlyKeys(message, ['type', 'requestId', 'entityId'])) return { ok: false, reason: 'unexpected fields' };
      const { requestId, entityId } = message;
      if (!isOffset(requestId)) return { ok: false, reason: 'requestId must be a non-negative integer' };
      if (!isId(entityId)) return { ok: false, reason: 'entityId must be a non-empty string' };
      return { ok: true, value: { type: 'dispersion', requestId, entityId } };
    }
    case 'collocates': {
      if (!onlyKeys(message, ['type', 'requestId', 'entityId', 'window', 'keepStopwords'])) {
        return { ok: false, reason: 'unexpected fields' };
      }
      if (!isOffset(message.requestId)) return { ok: false, reason: 'requestId must be a non-negative integer' };
      const options = collocateOptions(message);
      return options.ok ? { ok: true, value: { type: 'collocates', requestId: message.requestId, ...options.value } } : options;
    }
    case 'saveCollocates': {
      if (!onlyKeys(message, ['type', 'entityId', 'window', 'keepStopwords'])) return { ok: false, reason: 'unexpected fields' };
      const options = collocateOptions(message);
      return options.ok ? { ok: true, value: { type: 'saveCollocates', ...options.value } } : options;
    }
    case 'saveDispersion': {
      if (!onlyKeys(message, ['type', 'entityId'])) return { ok: false, reason: 'unexpected fields' };
      if (!isId(message.entityId)) return { ok: false, reason: 'entityId must be a non-empty string' };
      return { ok: true, value: { type: 'saveDispersion', entityId: message.entityId } };
    }
    case 'network': {
      if (!onlyKeys(message, ['type', 'requestId', 'entityIds'])) return { ok: false, reason: 'unexpected fields' };
      const { requestId, entityIds } = message;
      if (!isOffset(requestId)) return { ok: false, reason: 'requestId must be a non-negative integer' };
      if (!Array.isArray(entityIds) || entityIds.length > MAX_NETWORK_NODES || !entityIds.every(isId)) {
        return { ok: false, reason: `entityIds must be a list of at most ${MAX_NETWORK_NODES} entity ids` };
      }
      return { ok: true, value: { type: 'network', requestId, entityIds: [...entityIds] as string[] } };
    }
    case 'sharedSentences': {
      if (!onlyKeys(message, ['type', 'requestId', 'a', 'b'])) return { ok: false, reason: 'unexpected fields' };
      const { requestId, a, b } = message;
      if (!isOffset(requestId)) return { ok: false, reason: 'requestId must be a non-negative integer' };
      if (!isId(a) || !isId(b)) return { ok: false, reason: 'a and b must be non-empty strings' };
      return { ok: true, value: { type: 'sharedSentences', requestId, a, b } };
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
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(message.type)).slice(0, 60)}` };
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
    case 'timeline':
      return typeof message.requestId === 'number' && isPeriod(message.by) && isTimelineOf(message.of) && Array.isArray(message.series);
    case 'dispersion':
      return typeof message.requestId === 'number' && Array.isArray(message.documents);
    case 'collocates':
      return typeof message.requestId === 'number' && Array.isArray(message.rows);
    case 'network':
      return typeof message.requestId === 'number' && Array.isArray(message.edges);
    case 'sharedSentences':
      return typeof message.requestId === 'number' && Array.isArray(message.groups);
    default:
      return false;
  }
}

/** The entity and options of a collocates request or save. */
function collocateOptions(message: Record<string, unknown>): Parsed<Omit<SaveCollocatesMessage, 'type'>> {
  const { entityId, window, keepStopwords } = message;
  if (!isId(entityId)) return { ok: false, reason: 'entityId must be a non-empty string' };
  if (!isWindow(window)) return { ok: false, reason: `window must be an integer from 1 to ${MAX_COLLOCATE_WINDOW}` };
  if (typeof keepStopwords !== 'boolean') return { ok: false, reason: 'keepStopwords must be true or false' };
  return { ok: true, value: { entityId, window, keepStopwords } };
}

/** A period as the timeline names it: `2023`, `2023-02` or `2023-02-15`. */
function isPeriodValue(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
}

/** The timeline's "every date" series (by resolved date): not an entity id (those are `TYPE:name`). */
export const ALL_DATES = '*DATE';
/** Series in one timeline: the selected entity and those compared with it. */
export const MAX_TIMELINE_SERIES = 6;
export const MAX_CONCORDANCE_LINES = 2000;
/** Periods in one timeline answer: ten years of days. */
export const MAX_TIMELINE_POINTS = 3660;
/** Documents in one dispersion answer (one row each). */
export const MAX_DISPERSION_DOCUMENTS = 500;
/** Collocates in one answer, the strongest by LLR. */
export const MAX_COLLOCATES = 200;
/** Nodes in one network request: the entities with most mentions that the filter shows. */
export const MAX_NETWORK_NODES = 300;
/** Edges in one network answer, the strongest by score. */
export const MAX_NETWORK_EDGES = 3000;
/** Sentences in one shared-sentences answer, and code units of one sentence's text. */
export const MAX_SHARED_SENTENCES = 500;
export const MAX_SENTENCE_TEXT = 600;
/** A saved chart image: 24 MB of base64 (18 MB of PNG). */
export const MAX_PNG_BASE64 = 24 * 1024 * 1024;
