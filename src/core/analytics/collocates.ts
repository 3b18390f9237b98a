// Collocates: the words near an entity's mentions, against their frequency in the whole corpus.
//
// Words are those of words.ts; the words of the entity's own mentions (any word overlapping one)
// are left out of the corpus altogether, so windows reach past them and never count the node.
// A window is `window` words either side of each mention, within its document; a word in two
// overlapping windows counts once, so the window words are a part of the corpus and the 2×2
// table (this word / other words × in a window / elsewhere) holds.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import { Span } from '../types';
import { Table, mutualInformation, signedLogLikelihood } from './association';
import { DEFAULT_COLLOCATE_WINDOW } from '../../shared/analyticsOptions';
import type { DateRange } from '../../shared/dateRange';
import { documentsIn } from './dateFilter';
import { STOP_WORDS, Word, firstWordFrom, words } from './words';

export interface CollocateRow {
  word: string;
  /** Occurrences within the windows. */
  count: number;
  /** Signed log-likelihood (see association.ts). */
  llr: number;
  /** log2(observed / expected). */
  mi: number;
}

export interface Collocates {
  entity: string;
  window: number;
  /** Highest llr first. */
  rows: CollocateRow[];
}

export interface CollocateOptions {
  window?: number;
  /** Report stop words (STOP_WORDS) too; they always count in windows and totals. */
  keepStopwords?: boolean;
  /** Only the documents dated in the range: windows and corpus counts alike (a sub-corpus). */
  range?: DateRange;
}

/** The CSV table's header, and a row's fields in its order (the CLI's and the panel's Save CSV). */
export const COLLOCATES_CSV_HEADER = ['word', 'count', 'llr', 'mi'] as const;
export function collocateCsvFields(row: CollocateRow): [string, number, number, number] {
  return [row.word, row.count, row.llr, row.mi];
}

export function collocates(index: CorpusIndex, entityId: string, options: CollocateOptions = {}): Collocates {
  const window = options.window ?? DEFAULT_COLLOCATE_WINDOW;
  // The corpus counts are every word's, kept per index; the node's own words come off them below.
  const { counts, size } = corpusWords(index, options.range);
  const inScope = documentsIn(index, options.range);
  const own = new Map<string, number>();
  let ownSize = 0;
  const near = new Map<string, number>();
  let windowSize = 0;
  for (const { docId, spans } of index.spansOf(entityId)) {
    if (!inScope(docId)) continue;
    const all = words(index.text(docId)!);
    const list = outside(all, spans);
    ownSize += all.length - list.length;
    const kept = new Set(list);
    for (const word of all) if (!kept.has(word)) own.set(word.form, (own.get(word.form) ?? 0) + 1);
    for (const { form } of windowWords(list, spans, window)) {
      windowSize++;
      near.set(form, (near.get(form) ?? 0) + 1);
    }
  }
  const corpusSize = size - ownSize;
  const rows = [...near]
    .filter(([word]) => options.keepStopwords || !STOP_WORDS.has(word))
    .map(([word, count]) => {
      const elsewhere = counts.get(word)! - (own.get(word) ?? 0) - count;
      const table: Table = { k11: count, k12: windowSize - count, k21: elsewhere, k22: corpusSize - windowSize - elsewhere };
      return { word, count, llr: signedLogLikelihood(table), mi: mutualInformation(table) };
    })
    .sort((a, b) => b.llr - a.llr || b.count - a.count || compareCodeUnits(a.word, b.word));
  return { entity: entityId, window, rows };
}

interface CorpusWords {
  /** Occurrences of each word form in the corpus (or the range's documents). */
  counts: Map<string, number>;
  size: number;
}

/**
 * Every word of the corpus (or of a range's documents) counted once per index state: counting is
 * most of a collocates request. Besides the whole corpus's, the last few ranges asked for are kept.
 */
const corpusWordsCache = new WeakMap<CorpusIndex, Map<string, CorpusWords>>();
const KEPT_RANGES = 4;

function corpusWords(index: CorpusIndex, range: DateRange | undefined): CorpusWords {
  let kept = corpusWordsCache.get(index);
  if (!kept) {
    const fresh = new Map<string, CorpusWords>();
    corpusWordsCache.set(index, fresh);
    index.onDidChange(() => fresh.clear());
    kept = fresh;
  }
  const key = range ? `${range.from}\u0000${range.to}` : '';
  const cached = kept.get(key);
  if (cached) {
    kept.delete(key); // most recent last
    kept.set(key, cached);
    return cached;
  }
  const counts = new Map<string, number>();
  let size = 0;
  for (const docId of index.documentIds().filter(documentsIn(index, range))) {
    for (const { form } of words(index.text(docId)!)) {
      counts.set(form, (counts.get(form) ?? 0) + 1);
      size++;
    }
  }
  const result = { counts, size };
  kept.set(key, result);
  const ranges = [...kept.keys()].filter(k => k !== ''); // the whole corpus's counts stay
  if (ranges.length > KEPT_RANGES) kept.delete(ranges[0]);
  return result;
}

/** The words within `window` of any mention, each once. */
function windowWords(list: readonly Word[], mentions: readonly Span[], window: number): Word[] {
  const inWindow = new Uint8Array(list.length);
  for (const mention of mentions) {
    const after = firstWordFrom(list, mention.end);
    for (let i = Math.max(0, after - window); i < Math.min(list.length, after + window); i++) inWindow[i] = 1;
  }
  return list.filter((_, i) => inWindow[i] === 1);
}

/** The words overlapping none of the spans (both in text order, spans not overlapping). */
function outside(list: readonly Word[], spans: readonly Span[]): Word[] {
  let next = 0;
  return list.filter(word => {
    while (next < spans.length && spans[next].end <= word.start) next++;
    return next === spans.length || word.end <= spans[next].start;
  });
}
