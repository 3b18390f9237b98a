// The Entity Explorer's chart answers: each request computed by src/core/analytics from the one
// CorpusIndex (never re-analysing), capped so that one answer stays small. No vscode here: the
// answers are plain functions of the index, tested in plain Node and in the host.

import { collocates } from '../../core/analytics/collocates';
import { dispersion } from '../../core/analytics/dispersion';
import { timeline } from '../../core/analytics/timeline';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import {
  CollocatesMessage,
  CollocatesRequest,
  DispersionDocument,
  DispersionMessage,
  DispersionRequest,
  MAX_COLLOCATES,
  MAX_CONCORDANCE_LINES,
  MAX_DISPERSION_DOCUMENTS,
  MAX_TIMELINE_POINTS,
  TimelineMessage,
  TimelineRequest,
} from '../../shared/panelMessages';

/** Mentions of the requested entity per period, undated documents last (no points for an unknown entity). */
export function timelineMessage(index: CorpusIndex, request: TimelineRequest): TimelineMessage {
  const { requestId, entityId, by } = request;
  const points = timeline(index, by, [entityId])
    .rows.slice(0, MAX_TIMELINE_POINTS)
    .map(({ period, mentions, documents }) => ({ period, mentions, documents }));
  return { type: 'timeline', requestId, entityId, by, points };
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
