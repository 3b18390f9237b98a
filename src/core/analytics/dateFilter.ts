// The Explorer's filter by document date, as the analytics apply it: which documents a range keeps,
// and entity counts over them (computed from the index's spans on demand, since the index keeps
// corpus-wide counts only).

import type { CorpusIndex } from '../index/corpusIndex';
import { DateRange, inDateRange } from '../../shared/dateRange';
import { Steps, runSteps } from './steps';

export interface RangeCounts {
  mentions: number;
  documents: number;
}

/** Whether a document is in scope: dated in `range`, or any document without a range. */
export function documentsIn(index: CorpusIndex, range: DateRange | undefined): (docId: string) => boolean {
  return range ? docId => inDateRange(index.document(docId)?.date ?? null, range) : () => true;
}

/** Mentions and documents per entity id, over the documents dated in `range` (entities not mentioned there are absent). */
export function countsInRange(index: CorpusIndex, range: DateRange): Map<string, RangeCounts> {
  return runSteps(countsInRangeSteps(index, range));
}

/** countsInRange, yielding after each document. */
export function* countsInRangeSteps(index: CorpusIndex, range: DateRange): Steps<Map<string, RangeCounts>> {
  const counts = new Map<string, RangeCounts>();
  const inScope = documentsIn(index, range);
  for (const docId of index.documentIds()) {
    if (!inScope(docId)) continue;
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
