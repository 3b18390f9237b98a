// A keyword-in-context concordance of an entity's mentions, as lines of text with their document
// and line, in document order or sorted by a word of the context (L1: the first word to the
// left of the mention, L2 the second; R1 and R2 to the right), as concordancers sort.

import type { CorpusIndex } from '../index/corpusIndex';
import { compareCodeUnits } from '../index/entityAggregates';
import { IndexedMention } from '../index/indexTypes';
import { ConcordanceSort, DEFAULT_WIDTH } from '../../shared/analyticsOptions';
import type { DateRange } from '../../shared/dateRange';
import { documentsIn } from './dateFilter';
import { Word, words, wordsEndingBy, wordsFrom } from './words';

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
  const width = options.width ?? DEFAULT_WIDTH;
  const sort = options.sort ?? 'doc';
  const inScope = documentsIn(index, options.range);
  const mentions = index.mentionsOf(entityId).filter(m => inScope(m.docId));
  const rows = sortMentions(index, mentions, sort).map(m => {
    const { left, text, right } = index.context(m.docId, m.start, m.end, width)!;
    return { left, keyword: text, right, document: m.docId, line: m.line + 1 };
  });
  return { entity: entityId, width, sort, rows };
}

/** A row as the CSV's fields, in CONCORDANCE_CSV_HEADER's order. */
export function concordanceCsvFields(row: ConcordanceRow): [string, string, string, string, number] {
  return [row.left, row.keyword, row.right, row.document, row.line];
}

/**
 * Mentions in document order (by path, then offset), in concordance order: sorted by the word's
 * lower-cased form in code-unit order (a line without such a word first), ties in document order.
 */
export function sortMentions(index: CorpusIndex, mentions: IndexedMention[], sort: ConcordanceSort): IndexedMention[] {
  if (sort === 'doc') return mentions;
  const key = sortKeys(index, mentions, sort);
  return mentions
    .map((m, i) => ({ m, key: key[i] }))
    .sort((a, b) => compareCodeUnits(a.key, b.key))
    .map(({ m }) => m);
}

/**
 * Per mention, the lower-cased word at `sort`'s place, '' when there is none. Words are taken
 * from the text either side of the mention as the context shows it: in "Xi Jinping’s visit",
 * R1 is "s".
 */
function sortKeys(index: CorpusIndex, mentions: readonly IndexedMention[], sort: Exclude<ConcordanceSort, 'doc'>): string[] {
  const wordsOf = new Map<string, Word[]>();
  const distance = Number(sort[1]);
  return mentions.map(m => {
    const text = index.text(m.docId)!;
    if (sort[0] === 'R') return wordsFrom(text, m.end, distance)[distance - 1]?.form ?? '';
    let list = wordsOf.get(m.docId);
    if (!list) wordsOf.set(m.docId, (list = words(text)));
    return list[wordsEndingBy(list, m.start) - distance]?.form ?? '';
  });
}
