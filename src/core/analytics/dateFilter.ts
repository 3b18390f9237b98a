// Entity counts over the documents dated in a range (the Explorer's date filter): computed from the
// index's spans on demand, since the index keeps corpus-wide counts only.

import type { CorpusIndex } from '../index/corpusIndex';
import { DateRange, inDateRange } from '../../shared/dateRange';
import { Steps, runSteps } from './steps';

export interface RangeCounts {
  mentions: number;
  documents: number;
}

/** Mentions and documents per entity id, over the documents dated in `range` (entities not mentioned there are absent). */
export function countsInRange(index: CorpusIndex, range: DateRange): Map<string, RangeCounts> {
  return runSteps(countsInRangeSteps(index, range));
}

/** countsInRange, yielding after each document. */
export function* countsInRangeSteps(index: CorpusIndex, range: DateRange): Steps<Map<string, RangeCounts>> {
  const counts = new Map<string, RangeCounts>();
  for (const docId of index.documentIds()) {
    if (!inDateRange(index.document(docId)?.date ?? null, range)) continue;
    const inDocument = new Set<string>();
    for (const { entityId } of index.entitySpans(docId)) {
      let entry = counts.get(entityId);
      if (!entry) counts.set(entityId, (entry = { mentions: 0, documents: 0 }));
      entry.mentions++;
      if (!inDocument.has(entityId)) entry.documents++;
      inDocument.add(entityId);
    }
    yield;
  }
  return counts;
}
