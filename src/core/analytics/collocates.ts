// Collocates: the words near an entity's mentions, against their frequency in the whole corpus.
//
// Words are those of words.ts outside the document's date header (corpusWords.ts); the words
// of the entity's own mentions (any word overlapping one) are left out of the corpus altogether,
// so windows reach past them and never count the node. A window is `window` words either side
// of each mention, within its document; a word in two overlapping windows counts once, so the
// window words are a part of the corpus and the 2×2 table (this word / other words × in a
// window / elsewhere) holds.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import { Span } from '../types';
import { Table, mutualInformation, signedLogLikelihood } from './association';
import { DEFAULT_COLLOCATE_WINDOW } from '../../shared/analyticsOptions';
import type { DateRange } from '../../shared/dateRange';
import { bodyWordSpans, corpusWordsSteps } from './corpusWords';
import { documentsIn } from './dateFilter';
import { Steps, runSteps } from './steps';
import { STOP_WORDS, firstWordFrom, formOf } from './words';

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
  return runSteps(collocatesSteps(index, entityId, options));
}

/** collocates, yielding after each document it reads. */
export function* collocatesSteps(index: CorpusIndex, entityId: string, options: CollocateOptions = {}): Steps<Collocates> {
  const window = options.window ?? DEFAULT_COLLOCATE_WINDOW;
  // The corpus counts are every word's, kept per index; the node's own words come off them below.
  const { counts, size } = yield* corpusWordsSteps(index, options.range);
  const inScope = documentsIn(index, options.range);
  const own = new Map<string, number>();
  let ownSize = 0;
  const near = new Map<string, number>();
  let windowSize = 0;
  const count = (counts: Map<string, number>, form: string) => counts.set(form, (counts.get(form) ?? 0) + 1);
  for (const docId of index.documentsMentioning(entityId).filter(inScope)) {
    const text = index.text(docId)!;
    const spans = index.spansIn(docId, entityId);
    // Forms are made only for the words counted here, a fraction of the document's.
    const { outside, inside } = partition(bodyWordSpans(text), spans);
    ownSize += inside.length;
    for (const word of inside) count(own, formOf(text, word));
    for (const word of windowWords(outside, spans, window)) {
      windowSize++;
      count(near, formOf(text, word));
    }
    yield;
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

/**
 * Of the entity's spans in one document, those with `word` among their window's words (`window`
 * words either side, the entity's own words left out, as collocates counts them): the mentions
 * behind a collocate, which the Explorer lists when the collocate is chosen.
 */
export function spansNear<T extends Span>(
  index: CorpusIndex,
  docId: string,
  entityId: string,
  spans: T[],
  word: string,
  window: number,
): T[] {
  const text = index.text(docId)!;
  const { outside } = partition(bodyWordSpans(text), index.spansIn(docId, entityId));
  return spans.filter(span => {
    const after = firstWordFrom(outside, span.end);
    for (let i = Math.max(0, after - window); i < Math.min(outside.length, after + window); i++) {
      if (formOf(text, outside[i]) === word) return true;
    }
    return false;
  });
}

/** The words within `window` of any mention, each once. */
function windowWords(list: readonly Span[], mentions: readonly Span[], window: number): Span[] {
  const inWindow = new Uint8Array(list.length);
  for (const mention of mentions) {
    const after = firstWordFrom(list, mention.end);
    for (let i = Math.max(0, after - window); i < Math.min(list.length, after + window); i++) inWindow[i] = 1;
  }
  return list.filter((_, i) => inWindow[i] === 1);
}

/** The words overlapping none of the spans, and those overlapping one (both in text order, spans not overlapping). */
function partition(list: readonly Span[], spans: readonly Span[]): { outside: Span[]; inside: Span[] } {
  const outside: Span[] = [];
  const inside: Span[] = [];
  let next = 0;
  for (const word of list) {
    while (next < spans.length && spans[next].end <= word.start) next++;
    (next === spans.length || word.end <= spans[next].start ? outside : inside).push(word);
  }
  return { outside, inside };
}
