// Every word of the corpus counted, for collocates' expectations. Counting reads the whole corpus
// (most of a first collocates request), so the counts are kept per index and brought up to date
// by counting again only the documents whose text changed since: each document's counted text is
// remembered (the index's own string, not a copy; a removed document's until the next update) so
// that its words can be taken off when it changes or goes.

import type { CorpusIndex } from '../index/corpusIndex';
import { Steps } from './steps';
import { wordForms } from './words';

export interface CorpusWords {
  /** Occurrences of each word form in the whole corpus. */
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

  private add(text: string, sign: 1 | -1): void {
    for (const form of wordForms(text)) {
      const count = (this.counts.get(form) ?? 0) + sign;
      if (count === 0) this.counts.delete(form);
      else this.counts.set(form, count);
      this.size += sign;
    }
  }
}

const kept = new WeakMap<CorpusIndex, WordCounts>();

/** The corpus's word counts, up to date with the index when the steps are done. */
export function corpusWordsSteps(index: CorpusIndex): Steps<CorpusWords> {
  let counts = kept.get(index);
  if (!counts) kept.set(index, (counts = new WordCounts()));
  return counts.update(index);
}
