// Every word of the corpus counted, for collocates' expectations. Counting reads the whole corpus
// (most of a first collocates request), so the counts are kept per index and brought up to date
// by counting again only the documents whose text changed since: each document's counted text is
// remembered (the index's own string, not a copy; a removed document's until the next update) so
// that its words can be taken off when it changes or goes. A date range's documents (the
// Explorer's date filter) are counted afresh, kept for the last few ranges until the index changes.
// A document's `date` header is its date, not its text: its word is not counted.

import type { CorpusIndex } from '../index/corpusIndex';
import type { DateRange } from '../../shared/dateRange';
import { documentsIn } from './dateFilter';
import { findDateHeader } from '../recognition/dates/dates';
import { Span } from '../types';
import { Spellings } from './spellings';
import { Steps } from './steps';
import { forEachWordSpan, wordSpans } from './words';

export interface CorpusWords {
  /** Occurrences of each word form in the whole corpus (or the range's documents). */
  readonly counts: ReadonlyMap<string, number>;
  readonly size: number;
}

class WordCounts implements CorpusWords {
  size = 0;
  private readonly spellings = new Spellings();
  /** Occurrences by spelling number. */
  private bySpelling = new Int32Array(1024);
  /** By form, made from bySpelling when asked for after a change. */
  private byForm: Map<string, number> | undefined;
  /** Per document, the text its words were counted from. */
  private readonly counted = new Map<string, string>();

  get counts(): ReadonlyMap<string, number> {
    if (this.byForm) return this.byForm;
    const byForm = new Map<string, number>();
    for (let id = 0; id < this.spellings.size; id++) {
      const count = this.bySpelling[id];
      if (count === 0) continue;
      const form = this.spellings.form(id);
      byForm.set(form, (byForm.get(form) ?? 0) + count);
    }
    return (this.byForm = byForm);
  }

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
    this.byForm = undefined;
    const inBody = bodyTest(text);
    forEachWordSpan(text, (start, end, hash) => {
      if (!inBody(start, end)) return;
      const id = this.spellings.id(text, start, end, hash);
      if (id === this.bySpelling.length) {
        const grown = new Int32Array(id * 2);
        grown.set(this.bySpelling);
        this.bySpelling = grown;
      }
      this.bySpelling[id] += sign;
      this.size += sign;
    });
  }
}

/** The words of the document's text (words.ts), its date header's left out. */
export function bodyWordSpans(text: string): Span[] {
  const inBody = bodyTest(text);
  return wordSpans(text).filter(word => inBody(word.start, word.end));
}

/** Whether a word of the text at [start, end) is outside its date header. */
function bodyTest(text: string): (start: number, end: number) => boolean {
  const header = findDateHeader(text);
  return header ? (start, end) => end <= header.start || start >= header.end : () => true;
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
