// The Entity Explorer's chart answers: each request computed by src/core/analytics from the one
// CorpusIndex (never re-analysing), capped so that one answer stays small. No vscode here: the
// answers are plain functions of the index, tested in plain Node and in the host.

import { timeline } from '../../core/analytics/timeline';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import { MAX_TIMELINE_POINTS, TimelineMessage, TimelineRequest } from '../../shared/panelMessages';

/** Mentions of the requested entity per period, undated documents last (no points for an unknown entity). */
export function timelineMessage(index: CorpusIndex, request: TimelineRequest): TimelineMessage {
  const { requestId, entityId, by } = request;
  const points = timeline(index, by, [entityId])
    .rows.slice(0, MAX_TIMELINE_POINTS)
    .map(({ period, mentions, documents }) => ({ period, mentions, documents }));
  return { type: 'timeline', requestId, entityId, by, points };
}
