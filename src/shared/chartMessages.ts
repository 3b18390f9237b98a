// The Entity Explorer's chart messages (timeline, dispersion, collocates, network, shared
// sentences, and saving a chart): the requests the webview sends, their parser, and the answers
// the host sends back. panelMessages.ts re-exports them with the rest of the panel's messages.
// Imports only from src/shared: the webview bundle pulls it in.

import { MAX_COLLOCATE_WINDOW, PERIODS, Period, TIMELINE_OFS, TimelineOf, isPeriod, isTimelineOf } from './analyticsOptions';
import type { DateRange } from './dateRange';
import { Parsed, isId, isOffset, isWindow, onlyKeys } from './messageChecks';

// ---- host → webview

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

export type ChartAnswer = TimelineMessage | DispersionMessage | CollocatesMessage | NetworkMessage | SharedSentencesMessage;

// ---- webview → host

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

export type ChartRequest =
  | TimelineRequest
  | DispersionRequest
  | CollocatesRequest
  | NetworkRequest
  | SharedSentencesRequest
  | SaveImageMessage
  | SaveDispersionMessage
  | SaveCollocatesMessage;

/** A chart request's shape, types and bounds; undefined when the message is not a chart request. */
export function parseChartRequest(message: Record<string, unknown>): Parsed<ChartRequest> | undefined {
  switch (message.type) {
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
    default:
      return undefined;
  }
}

/** Light checks on a chart answer from the host (see isHostMessage). */
export function isChartAnswer(message: Record<string, unknown>): boolean {
  switch (message.type) {
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

/** The entity and options of a collocates request or save. */
function collocateOptions(message: Record<string, unknown>): Parsed<Omit<SaveCollocatesMessage, 'type'>> {
  const { entityId, window, keepStopwords } = message;
  if (!isId(entityId)) return { ok: false, reason: 'entityId must be a non-empty string' };
  if (!isWindow(window)) return { ok: false, reason: `window must be an integer from 1 to ${MAX_COLLOCATE_WINDOW}` };
  if (typeof keepStopwords !== 'boolean') return { ok: false, reason: 'keepStopwords must be true or false' };
  return { ok: true, value: { entityId, window, keepStopwords } };
}

/** The timeline's "every date" series (by resolved date): not an entity id (those are `TYPE:name`). */
export const ALL_DATES = '*DATE';
/** Series in one timeline: the selected entity and those compared with it. */
export const MAX_TIMELINE_SERIES = 6;
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
