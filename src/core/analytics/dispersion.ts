// How evenly an entity's mentions spread over the corpus: Gries' DP (deviation of proportions),
// and where in each document they fall.
//
// DP = ½ Σ |v_i − s_i| over documents i, v_i being the document's share of the entity's mentions
// and s_i its share of the corpus's size: 0 when mentions follow document sizes exactly, near 1
// when they all sit in one small document. Sizes are lengths in UTF-16 code units, the unit of
// mention offsets, so that one length gives both a document's share and its mentions' relative
// positions, and DP can be recomputed from the rows alone.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import type { DateRange } from '../../shared/dateRange';
import { documentsIn } from './dateFilter';
import { Steps, runSteps } from './steps';

export interface DispersionRow {
  path: string;
  /** The document's length in UTF-16 code units. */
  length: number;
  /** Each mention's start divided by the length, in text order; empty when it has none. */
  positions: number[];
}

export interface Dispersion {
  entity: string;
  /** Null when the entity has no mention (nothing to distribute). */
  dp: number | null;
  /** Every document (in the range, when given), by path (code units). */
  documents: DispersionRow[];
}

/** Over the documents dated in `range` when given: DP is then the sub-corpus's. */
export function dispersion(index: CorpusIndex, entityId: string, range?: DateRange): Dispersion {
  return runSteps(dispersionSteps(index, entityId, range));
}

/** dispersion, yielding after each document. */
export function* dispersionSteps(index: CorpusIndex, entityId: string, range?: DateRange): Steps<Dispersion> {
  // The entity's own documents from the index, not a scan of every document's mentions.
  const mentioning = new Set(index.documentsMentioning(entityId));
  const documents: DispersionRow[] = [];
  for (const docId of index.documentIds().filter(documentsIn(index, range)).sort(compareCodeUnits)) {
    const length = index.text(docId)!.length;
    const spans = mentioning.has(docId) ? index.spansIn(docId, entityId) : [];
    documents.push({ path: docId, length, positions: spans.map(m => (length > 0 ? m.start / length : 0)) });
    yield;
  }
  return { entity: entityId, dp: deviationOfProportions(documents), documents };
}

function deviationOfProportions(rows: readonly DispersionRow[]): number | null {
  const size = rows.reduce((sum, row) => sum + row.length, 0);
  const mentions = rows.reduce((sum, row) => sum + row.positions.length, 0);
  if (mentions === 0 || size === 0) return null;
  const deviation = rows.reduce((sum, row) => sum + Math.abs(row.positions.length / mentions - row.length / size), 0);
  return deviation / 2;
}
