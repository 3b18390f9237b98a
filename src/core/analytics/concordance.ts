// A keyword-in-context concordance of an entity's mentions, as lines of text with their document
// and line, in document order or sorted by a word of the context (L1: the first word to the
// left of the mention, L2 the second; R1 and R2 to the right), as concordancers sort.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import { CONCORDANCE_CSV_HEADER, ConcordanceSort, DEFAULT_WIDTH } from '../../shared/analyticsOptions';
import type { CsvTable } from '../text/csv';
import type { DateRange } from '../../shared/dateRange';
import { Span } from '../types';
import { documentsIn } from './dateFilter';
import { Steps, runSteps } from './steps';
import { wordsBefore, wordsFrom } from './words';

export interface ConcordanceRow {
  /** Up to `width` code units before the mention, whitespace runs folded to one space. */
  left: string;
  keyword: string;
  right: string;
  document: string;
  /** 1-based. */
  line: number;
}

export interface Concordance {
  entity: string;
  width: number;
  sort: ConcordanceSort;
  rows: ConcordanceRow[];
}

export interface ConcordanceOptions {
  width?: number;
  sort?: ConcordanceSort;
  /** Only mentions in documents dated in the range. */
  range?: DateRange;
}

export function concordance(index: CorpusIndex, entityId: string, options: ConcordanceOptions = {}): Concordance {
  return runSteps(concordanceSteps(index, entityId, options));
}

/** concordance, yielding every 100 documents or lines (the panel's Save CSV writes them all). */
export function* concordanceSteps(index: CorpusIndex, entityId: string, options: ConcordanceOptions = {}): Steps<Concordance> {
  const width = options.width ?? DEFAULT_WIDTH;
  const sort = options.sort ?? 'doc';
  const mentions: Located[] = [];
  for (const [i, docId] of index.documentsMentioning(entityId).filter(documentsIn(index, options.range)).entries()) {
    for (const { start, end } of index.spansIn(docId, entityId)) mentions.push({ docId, start, end });
    if (i % 100 === 99) yield;
  }
  const rows: ConcordanceRow[] = [];
  for (const { docId, start, end } of yield* sortMentionsSteps(index, mentions, sort)) {
    const { left, text, right } = index.context(docId, start, end, width)!;
    // A document's first line finds its line starts: the cost of a row.
    rows.push({ left, keyword: text, right, document: docId, line: index.mentionAt(docId, start)!.line + 1 });
    if (rows.length % 100 === 0) yield;
  }
  return { entity: entityId, width, sort, rows };
}

/** The concordance as a CSV table, documents named by `documentName`: what the panel's Save CSV writes. */
export function* concordanceTableSteps(
  index: CorpusIndex,
  entityId: string,
  options: ConcordanceOptions,
  documentName = (docId: string) => docId,
): Steps<CsvTable> {
  const { rows } = yield* concordanceSteps(index, entityId, options);
  return [CONCORDANCE_CSV_HEADER, rows.map(r => concordanceCsvFields({ ...r, document: documentName(r.document) }))];
}

/** A row as the CSV's fields, in CONCORDANCE_CSV_HEADER's order. */
export function concordanceCsvFields(row: ConcordanceRow): [string, string, string, string, number] {
  return [row.left, row.keyword, row.right, row.document, row.line];
}

/**
 * Mentions in document order (by path, then offset), in concordance order: sorted by the word's
 * lower-cased form in code-unit order (a line without such a word first), ties in document order.
 */
export function sortMentions<T extends Located>(index: CorpusIndex, mentions: T[], sort: ConcordanceSort): T[] {
  return runSteps(sortMentionsSteps(index, mentions, sort));
}

/** A mention's place: all that sorting needs. */
export interface Located extends Span {
  docId: string;
}

/** sortMentions, the first `limit` only, yielding every 250 mentions. */
export function* sortMentionsSteps<T extends Located>(
  index: CorpusIndex,
  mentions: T[],
  sort: ConcordanceSort,
  limit = Infinity,
): Steps<T[]> {
  if (sort === 'doc') return mentions.slice(0, limit);
  // Mentions by their word, each word's in document order: a stable sort, without sorting them all.
  const byKey = new Map<string, T[]>();
  for (let i = 0; i < mentions.length; i++) {
    const key = sortKey(index.text(mentions[i].docId)!, mentions[i], sort);
    const list = byKey.get(key);
    if (list) list.push(mentions[i]);
    else byKey.set(key, [mentions[i]]);
    if (i % 250 === 249) yield;
  }
  const sorted: T[] = [];
  for (const key of [...byKey.keys()].sort(compareCodeUnits)) {
    for (const m of byKey.get(key)!) {
      if (sorted.length >= limit) return sorted;
      sorted.push(m);
    }
  }
  return sorted;
}

/**
 * The lower-cased word at `sort`'s place, '' when there is none. Words are taken from the text
 * either side of the mention as the context shows it: in "Xi Jinping’s visit", R1 is "s".
 */
function sortKey(text: string, { start, end }: Span, sort: Exclude<ConcordanceSort, 'doc'>): string {
  const distance = Number(sort[1]);
  const near = sort[0] === 'R' ? wordsFrom(text, end, distance) : wordsBefore(text, start, distance).reverse();
  return near[distance - 1]?.form ?? '';
}
