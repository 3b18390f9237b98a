// The Entity Explorer's chart answers: each request computed by src/core/analytics from the one
// CorpusIndex (never re-analysing), capped so that one answer stays small. No vscode here: the
// answers are plain functions of the index, tested in plain Node and in the host.

import { collocates } from '../../core/analytics/collocates';
import { countsInRange } from '../../core/analytics/dateFilter';
import { dispersion } from '../../core/analytics/dispersion';
import { resolvedPeriod, timeline } from '../../core/analytics/timeline';
import type { CorpusIndex, IndexedMention } from '../../core/index/corpusIndex';
import { compareCodeUnits } from '../../core/index/entityAggregates';
import { ENTITY_TYPES } from '../../core/types';
import { sortMentions } from '../../core/analytics/concordance';
import type { ConcordanceSort, Period } from '../../shared/analyticsOptions';
import { DateRange, inDateRange } from '../../shared/dateRange';
import {
  ALL_DATES,
  CompactEntity,
  ConcordanceGroup,
  EntitiesMessage,
  CollocatesMessage,
  CollocatesRequest,
  DispersionDocument,
  DispersionMessage,
  DispersionRequest,
  MAX_COLLOCATES,
  MAX_CONCORDANCE_LINES,
  MAX_DISPERSION_DOCUMENTS,
  MAX_TIMELINE_POINTS,
  MentionsMessage,
  TimelinePoint,
  TimelineMessage,
  TimelineRequest,
} from '../../shared/panelMessages';

/**
 * Every entity as a compact row. With a date `range`, the counts are over the documents dated in
 * it, and entities not mentioned there are left out.
 */
export function entitiesMessage(index: CorpusIndex, indexing: boolean, range?: DateRange): EntitiesMessage {
  const types: string[] = [...ENTITY_TYPES];
  const typeIndex = new Map(types.map((t, i) => [t, i]));
  const counts = range && countsInRange(index, range);
  const rows: CompactEntity[] = [];
  for (const e of index.entities()) {
    const count = counts ? counts.get(e.id) : { mentions: e.mentionCount, documents: e.documentCount };
    if (count) rows.push([e.id, e.name, typeIndex.get(e.type)!, count.mentions, count.documents, e.aliases]);
  }
  return { type: 'entities', types, rows, indexing, ...(range && { range }) };
}

/** Which mentions a concordance shows: an entity's, or (ALL_DATES) the DATE mentions `naming` a period; `within` a date range. */
export interface MentionScope {
  entityId: string;
  within?: DateRange;
  naming?: string;
}

/** A concordance as the panel asks for it. */
export interface ConcordanceRequest extends MentionScope {
  sort: ConcordanceSort;
  width: number;
}

/**
 * The concordance in the requested order (sorted, a group is a run of lines from one document),
 * cut to the date filter and to the scope asked for; the counts are those of the lines. `label`
 * names a document as the user knows it.
 */
export function mentionsMessage(
  index: CorpusIndex,
  request: ConcordanceRequest,
  range: DateRange | undefined,
  label: (docId: string) => string,
): MentionsMessage {
  const { entityId, sort, width, within, naming } = request;
  const known = entityId === ALL_DATES ? naming !== undefined : index.entity(entityId) !== undefined;
  const mentions = known ? scopedMentions(index, request, range) : [];
  const record = index.entity(entityId);
  const entity = known
    ? {
        name: record?.name ?? `Dates naming ${naming}`,
        type: record?.type ?? 'DATE',
        mentions: mentions.length,
        documents: new Set(mentions.map(m => m.docId)).size,
      }
    : undefined;
  const groups: ConcordanceGroup[] = [];
  if (entity) {
    for (const m of sortMentions(index, mentions, sort).slice(0, MAX_CONCORDANCE_LINES)) {
      let group = groups[groups.length - 1];
      if (!group || group.docId !== m.docId) {
        group = { docId: m.docId, label: label(m.docId), lines: [] };
        groups.push(group);
      }
      const context = index.context(m.docId, m.start, m.end, width) ?? { left: '', text: m.text, right: '' };
      group.lines.push({ start: m.start, end: m.end, line: m.line, character: m.character, ...context });
    }
  }
  return {
    type: 'mentions',
    entityId,
    sort,
    width,
    entity,
    groups,
    ...(within && { within }),
    ...(naming && { naming }),
    ...(range && { range }),
  };
}

const PERIOD_OF_LENGTH: Record<number, Period> = { 4: 'year', 7: 'month', 10: 'day' };

/**
 * The scope's mentions in document order (by path, then offset), only in documents dated in
 * `range` (the panel's filter) and in `within` (a timeline period) when given.
 */
export function scopedMentions(index: CorpusIndex, scope: MentionScope, range?: DateRange): IndexedMention[] {
  const { entityId, within, naming } = scope;
  let mentions: IndexedMention[];
  if (entityId === ALL_DATES) {
    const by = naming === undefined ? undefined : PERIOD_OF_LENGTH[naming.length];
    if (!by) return [];
    mentions = index
      .entities({ types: ['DATE'] })
      .flatMap(e => index.mentionsOf(e.id).filter(m => resolvedPeriod(m.value, by) === naming))
      .sort((a, b) => compareCodeUnits(a.docId, b.docId) || a.start - b.start);
  } else {
    mentions = index.mentionsOf(entityId);
  }
  if (!range && !within) return mentions;
  const dates = new Map<string, string | null>();
  return mentions.filter(({ docId }) => {
    if (!dates.has(docId)) dates.set(docId, index.document(docId)?.date ?? null);
    const date = dates.get(docId)!;
    return (!range || inDateRange(date, range)) && (!within || inDateRange(date, within));
  });
}

/**
 * A series per requested entity (in the order asked; none for an unknown one's periods), periods
 * in order, null last; by resolved date, one series (ALL_DATES) over every DATE entity. Within
 * `range` when given.
 */
export function timelineMessage(index: CorpusIndex, request: TimelineRequest, range?: DateRange): TimelineMessage {
  const { requestId, entityIds, by, of } = request;
  const options = { of, range, ...(of === 'dates' && { as: ALL_DATES }) };
  const { rows } = timeline(index, by, of === 'dates' ? undefined : entityIds, options);
  const ids = of === 'dates' ? [ALL_DATES] : [...new Set(entityIds)];
  const series = ids.map(entityId => {
    const points: TimelinePoint[] = rows
      .filter(row => row.entity === entityId)
      .slice(0, MAX_TIMELINE_POINTS)
      .map(({ period, mentions, documents }) => ({ period, mentions, documents }));
    return { entityId, points };
  });
  return { type: 'timeline', requestId, by, of, series, ...(range && { range }) };
}

/**
 * The entity's DP (the core's, over every document) and, per document that mentions it (by path,
 * capped), its mentions' offsets, so that each tick can open its mention. `label` names a
 * document as the user knows it.
 */
export function dispersionMessage(index: CorpusIndex, request: DispersionRequest, label: (docId: string) => string): DispersionMessage {
  const { requestId, entityId } = request;
  const { dp, documents: rows } = dispersion(index, entityId);
  const mentioning = rows.filter(row => row.positions.length > 0);
  const documents: DispersionDocument[] = [];
  let budget = MAX_CONCORDANCE_LINES;
  for (const row of mentioning.slice(0, MAX_DISPERSION_DOCUMENTS)) {
    if (budget <= 0) break;
    const spans = index
      .entitySpans(row.path)
      .filter(m => m.entityId === entityId)
      .slice(0, budget);
    budget -= spans.length;
    const mentions = spans.map((m, i) => ({ start: m.start, end: m.end, position: row.positions[i] }));
    documents.push({ docId: row.path, label: label(row.path), length: row.length, mentions });
  }
  return { type: 'dispersion', requestId, entityId, dp, corpusDocuments: rows.length, documents, mentioningDocuments: mentioning.length };
}

/** The entity's strongest collocates (highest signed log-likelihood first), capped. */
export function collocatesMessage(index: CorpusIndex, request: CollocatesRequest): CollocatesMessage {
  const { requestId, entityId, window, keepStopwords } = request;
  const rows = collocates(index, entityId, { window, keepStopwords }).rows.slice(0, MAX_COLLOCATES);
  return { type: 'collocates', requestId, entityId, window, keepStopwords, rows };
}
