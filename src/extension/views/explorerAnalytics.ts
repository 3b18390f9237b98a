// The Entity Explorer's answers: each request computed by src/core/analytics from the one
// CorpusIndex (never re-analysing), capped so that one answer stays small. Each is a generator of
// steps (see core/analytics/steps) that the panel runs in time slices (slicedAnswers.ts). No
// vscode here: the answers are functions of the index, tested in plain Node and in the host.

import { collocatesSteps, spansNear } from '../../core/analytics/collocates';
import { sortMentionsSteps } from '../../core/analytics/concordance';
import { countsInRangeSteps } from '../../core/analytics/dateFilter';
import { dispersionSteps } from '../../core/analytics/dispersion';
import type { Steps } from '../../core/analytics/steps';
import { resolvedPeriod, timelineSteps } from '../../core/analytics/timeline';
import type { CorpusIndex, MentionSpan } from '../../core/index/corpusIndex';
import { compareCodeUnits } from '../../core/index/entityAggregates';
import { ENTITY_TYPES } from '../../core/types';
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
  Near,
  TimelinePoint,
  TimelineMessage,
  TimelineRequest,
} from '../../shared/panelMessages';

/**
 * Every entity as a compact row. With a date `range`, the counts are over the documents dated in
 * it, and entities not mentioned there are left out.
 */
export function* entitiesAnswer(index: CorpusIndex, indexing: boolean, range?: DateRange): Steps<EntitiesMessage> {
  const types: string[] = [...ENTITY_TYPES];
  const typeIndex = new Map(types.map((t, i) => [t, i]));
  const counts = range && (yield* countsInRangeSteps(index, range));
  const rows: CompactEntity[] = [];
  for (const e of index.entities()) {
    const count = counts ? counts.get(e.id) : { mentions: e.mentionCount, documents: e.documentCount };
    if (count) rows.push([e.id, e.name, typeIndex.get(e.type)!, count.mentions, count.documents, e.aliases]);
  }
  return { type: 'entities', types, rows, indexing, ...(range && { range }) };
}

/**
 * Which mentions a concordance shows: an entity's, or (ALL_DATES) the DATE mentions `naming` a
 * period; `within` a date range; `near` a collocate.
 */
export interface MentionScope {
  entityId: string;
  within?: DateRange;
  naming?: string;
  near?: Near;
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
export function* mentionsAnswer(
  index: CorpusIndex,
  request: ConcordanceRequest,
  range: DateRange | undefined,
  label: (docId: string) => string,
): Steps<MentionsMessage> {
  const { entityId, sort, width, within, naming, near } = request;
  const record = index.entity(entityId);
  const known = entityId === ALL_DATES ? naming !== undefined : record !== undefined;
  const scoped = known ? yield* scopedMentions(index, request, range) : [];
  const entity = known
    ? {
        name: record?.name ?? `Dates naming ${naming}`,
        type: record?.type ?? 'DATE',
        mentions: scoped.length,
        documents: new Set(scoped.map(m => m.docId)).size,
      }
    : undefined;
  const groups: ConcordanceGroup[] = [];
  // Lines (objects with their line numbers) are made only for the mentions shown.
  let made = 0;
  for (const { docId, start } of yield* sortMentionsSteps(index, scoped, sort, MAX_CONCORDANCE_LINES)) {
    if (++made % 100 === 0) yield; // a document's first line finds its line starts
    const m = index.mentionAt(docId, start)!;
    let group = groups[groups.length - 1];
    if (!group || group.docId !== docId) groups.push((group = { docId, label: label(docId), lines: [] }));
    const context = index.context(docId, m.start, m.end, width)!;
    group.lines.push({ start: m.start, end: m.end, line: m.line, character: m.character, ...context });
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
    ...(near && { near }),
    ...(range && { range }),
  };
}

/** A mention as a concordance selects and sorts it. */
export interface ScopedMention extends MentionSpan {
  docId: string;
}

const PERIOD_OF_LENGTH: Record<number, Period> = { 4: 'year', 7: 'month', 10: 'day' };

/**
 * The scope's mentions in document order (by path, then offset), only in documents dated in
 * `range` (the panel's filter) and in `within` (a timeline period), and near the collocate `near`,
 * when given; yields after each document.
 */
export function* scopedMentions(index: CorpusIndex, scope: MentionScope, range?: DateRange): Steps<ScopedMention[]> {
  const { entityId, within, naming, near } = scope;
  const by = naming === undefined ? undefined : PERIOD_OF_LENGTH[naming.length];
  if (entityId === ALL_DATES && !by) return [];
  const dates = entityId === ALL_DATES && new Set(index.entities({ types: ['DATE'] }).map(e => e.id));
  const docIds = dates ? index.documentIds().sort(compareCodeUnits) : index.documentsMentioning(entityId);
  const mentions: ScopedMention[] = [];
  for (const docId of docIds) {
    const date = index.document(docId)?.date ?? null;
    if ((range && !inDateRange(date, range)) || (within && !inDateRange(date, within))) continue;
    let spans = dates
      ? index.entitySpans(docId).filter(m => dates.has(m.entityId) && resolvedPeriod(m.value, by!) === naming)
      : index.spansIn(docId, entityId);
    if (near && !dates) spans = spansNear(index, docId, entityId, spans, near.word, near.window);
    for (const { start, end, value } of spans) mentions.push({ docId, start, end, value });
    yield;
  }
  return mentions;
}

/**
 * A series per requested entity (in the order asked; none for an unknown one's periods), periods
 * in order, null last; by resolved date, one series (ALL_DATES) over every DATE entity. Within
 * `range` when given.
 */
export function* timelineAnswer(index: CorpusIndex, request: TimelineRequest, range?: DateRange): Steps<TimelineMessage> {
  const { requestId, entityIds, by, of } = request;
  const options = { of, range, ...(of === 'dates' && { as: ALL_DATES }) };
  const { rows } = yield* timelineSteps(index, by, of === 'dates' ? undefined : entityIds, options);
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
 * The entity's DP (the core's, over every document, or those dated in `range`) and, per document
 * that mentions it (by path, capped), its mentions' offsets, so that each tick can open its
 * mention. `label` names a document as the user knows it.
 */
export function* dispersionAnswer(
  index: CorpusIndex,
  request: DispersionRequest,
  label: (docId: string) => string,
  range?: DateRange,
): Steps<DispersionMessage> {
  const { requestId, entityId } = request;
  const { dp, documents: rows } = yield* dispersionSteps(index, entityId, range);
  const mentioning = rows.filter(row => row.positions.length > 0);
  const documents: DispersionDocument[] = [];
  let budget = MAX_CONCORDANCE_LINES;
  for (const row of mentioning.slice(0, MAX_DISPERSION_DOCUMENTS)) {
    if (budget <= 0) break;
    const spans = index.spansIn(row.path, entityId).slice(0, budget);
    budget -= spans.length;
    const mentions = spans.map((m, i) => ({ start: m.start, end: m.end, position: row.positions[i] }));
    documents.push({ docId: row.path, label: label(row.path), length: row.length, mentions });
  }
  return { type: 'dispersion', requestId, entityId, dp, corpusDocuments: rows.length, documents, mentioningDocuments: mentioning.length };
}

/** The entity's strongest collocates (highest signed log-likelihood first), capped; in the documents dated in `range`. */
export function* collocatesAnswer(index: CorpusIndex, request: CollocatesRequest, range?: DateRange): Steps<CollocatesMessage> {
  const { requestId, entityId, window, keepStopwords } = request;
  const { rows } = yield* collocatesSteps(index, entityId, { window, keepStopwords, range });
  return { type: 'collocates', requestId, entityId, window, keepStopwords, rows: rows.slice(0, MAX_COLLOCATES) };
}
