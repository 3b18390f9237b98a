// Word tokens for collocates and concordance sorting. The index keeps sentence and mention
// offsets but not wink's tokens (only their count), so words are derived here with a Unicode
// regex over the document text: a letter, then letters, marks and digits, with inner apostrophes
// ("don't", "Jinping’s"). Numbers and punctuation are not words.

import { Span } from '../types';

const WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*/gu;

export interface Word extends Span {
  /** Lower-cased, typographic apostrophes made straight, so that "It’s" and "it's" are one word. */
  form: string;
}

/** The words of `text` in order, with their UTF-16 offsets. */
export function words(text: string): Word[] {
  return Array.from(text.matchAll(WORD), toWord);
}

/** The forms of words(text), without their offsets (cheaper, for counting). */
export function wordForms(text: string): string[] {
  return Array.from(text.matchAll(WORD), match => form(match[0]));
}

/** The first `count` words of the text from `offset` on (a word cut by the offset counts from there). */
export function wordsFrom(text: string, offset: number, count: number): Word[] {
  const pattern = new RegExp(WORD);
  pattern.lastIndex = offset;
  const found: Word[] = [];
  for (let match; found.length < count && (match = pattern.exec(text));) found.push(toWord(match));
  return found;
}

/**
 * The last `count` words of the text that end at or before `offset`, in text order (fewer near
 * the text's start): as words(text) would give them, but reading only the text just before.
 */
export function wordsBefore(text: string, offset: number, count: number): Word[] {
  for (let reach = 16 * count; ; reach *= 2) {
    // Back to where no word can straddle, so that scanning from there finds whole words.
    let from = Math.max(0, offset - reach);
    while (from > 0 && WORD_PART.test(text[from - 1])) from--;
    const pattern = new RegExp(WORD);
    pattern.lastIndex = from;
    const found: Word[] = [];
    for (let match; (match = pattern.exec(text)) && match.index + match[0].length <= offset;) found.push(toWord(match));
    if (found.length >= count || from === 0) return found.slice(-count);
  }
}

/** A character a word may hold (a surrogate too: it may be half of a letter). */
const WORD_PART = /[\p{L}\p{M}\p{N}'’\uD800-\uDFFF]/u;

function toWord(match: RegExpMatchArray): Word {
  const start = match.index!;
  return { start, end: start + match[0].length, form: form(match[0]) };
}

function form(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Index of the first word starting at or after `offset` (words.length when none does). */
export function firstWordFrom(list: readonly Word[], offset: number): number {
  return countBefore(list, word => word.start < offset);
}

/** The length of the prefix of `list` whose words pass `test` (words are in text order). */
function countBefore(list: readonly Word[], test: (word: Word) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(list[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Function words that crowd every window; collocates drops them unless asked to keep them. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves ' +
    'out over own same she should so some such than that the their theirs them themselves then there these they this those through ' +
    'to too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    "yourselves it's don't didn't doesn't isn't wasn't won't can't he's she's that's there's i'm we're they're you're"
  ).split(' '),
);
