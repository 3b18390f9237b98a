// Every word of the corpus counted, for collocates' expectations. Counting reads the whole corpus
// (most of a first collocates request), so the counts are kept per index and brought up to date
// by counting again only the documents whose text changed since: each document's counted text is
// remembered (the index's own string, not a copy; a removed document's until the next update) so
// that its words can be taken off when it changes or goes. A date range's documents (the
// Explorer's date filter) are counted afresh, kept for the last few ranges until the index changes.

import type { CorpusIndex } from '../index/corpusIndex';
import type { DateRange } from '../../shared/dateRange';
import { documentsIn } from './dateFilter';
import { Steps } from './steps';
import { wordForms } from './words';

export interface CorpusWords {
  /** Occurrences of each word form in the whole corpus (or the range's documents). */
  readonly counts: ReadonlyMap<string, number>;
  readonly size: number;
}

class WordCounts implements CorpusWords {
  readonly counts = new Map<string, number>();
  size = 0;
  /** Per document, the text its words were counted from. */
  private readonly counted = new Map<string, string>();

  /** Brings the counts up to date with the index, yielding after each document counted. */
  *update(index: CorpusIndex): Steps<CorpusWords> {
    // Each step leaves `counted` matching the counts, so an update stopped midway is resumed by the next.
    for (const [docId, text] of this.counted) {
      if (index.text(docId) === text) continue;
      this.add(text, -1);
      this.counted.delete(docId);
      yield;
    }
    for (const docId of index.documentIds()) {
      if (this.counted.has(docId)) continue;
      const text = index.text(docId)!;
      this.add(text, 1);
      this.counted.set(docId, text);
      yield;
    }
    return this;
  }

  add(text: string, sign: 1 | -1): void {
    for (const form of wordForms(text)) {
      const count = (this.counts.get(form) ?? 0) + sign;
      if (count === 0) this.counts.delete(form);
      else this.counts.set(form, count);
      this.size += sign;
    }
  }
}

const kept = new WeakMap<CorpusIndex, WordCounts>();
/** Per index, the last ranges counted; `generation` counts the index's changes. */
const keptRanges = new WeakMap<CorpusIndex, { generation: number; counts: Map<string, CorpusWords> }>();
const KEPT_RANGES = 4;

/** The word counts of the corpus, or of the documents dated in `range`, up to date with the index when the steps are done. */
export function corpusWordsSteps(index: CorpusIndex, range?: DateRange): Steps<CorpusWords> {
  if (range) return rangeWordsSteps(index, range);
  let counts = kept.get(index);
  if (!counts) kept.set(index, (counts = new WordCounts()));
  return counts.update(index);
}

function* rangeWordsSteps(index: CorpusIndex, range: DateRange): Steps<CorpusWords> {
  let cache = keptRanges.get(index);
  if (!cache) {
    const fresh = { generation: 0, counts: new Map<string, CorpusWords>() };
    index.onDidChange(() => {
      fresh.generation++;
      fresh.counts.clear();
    });
    keptRanges.set(index, (cache = fresh));
  }
  const key = `${range.from}\u0000${range.to}`;
  const cached = cache.counts.get(key);
  if (cached) return cached;
  const { generation } = cache;
  const counts = new WordCounts();
  for (const docId of index.documentIds().filter(documentsIn(index, range))) {
    counts.add(index.text(docId)!, 1);
    yield;
  }
  // Not kept if the index changed meanwhile: the counts may mix its states.
  if (cache.generation === generation) {
    cache.counts.set(key, counts);
    if (cache.counts.size > KEPT_RANGES) cache.counts.delete(cache.counts.keys().next().value!);
  }
  return counts;
}
