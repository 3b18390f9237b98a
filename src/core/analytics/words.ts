// Word tokens for collocates and concordance sorting. The index keeps sentence and mention
// offsets but not wink's tokens (only their count), so words are derived here from the document
// text: a letter, then letters, marks and digits, with inner apostrophes ("don't", "Jinping’s");
// numbers and punctuation are not words. As a regex:
//
//   /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*/gu
//
// but scanned by hand, a character class looked up once per code point: the regex took most of
// the time of counting a corpus's words (a first collocates request).

import { Span } from '../types';
import { FNV_OFFSET, FNV_PRIME } from '../text/fnv1a';

export interface Word extends Span {
  /** Lower-cased, typographic apostrophes made straight, so that "It’s" and "it's" are one word. */
  form: string;
}

/** The words of `text` in order, with their UTF-16 offsets. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (let at = 0, span; (span = nextWord(text, at)); at = span.end) found.push(toWord(text, span));
  return found;
}

/** The spans of words(text), without their forms (cheaper, when few forms are needed: see formOf). */
export function wordSpans(text: string): Span[] {
  const found: Span[] = [];
  for (let at = 0, span; (span = nextWord(text, at)); at = span.end) found.push(span);
  return found;
}

/**
 * Calls `visit` with the offsets of each of wordSpans(text) and the spelling's hash (fnv1a),
 * making no objects (for counting a corpus's words).
 */
export function forEachWordSpan(text: string, visit: (start: number, end: number, hash: number) => void): void {
  for (let at = 0, start; (start = scanWord(text, at)) >= 0;) {
    at = scannedEnd;
    visit(start, at, scannedHash);
  }
}

/** The first `count` words of the text from `offset` on (a word cut by the offset counts from there). */
export function wordsFrom(text: string, offset: number, count: number): Word[] {
  const found: Word[] = [];
  for (let at = offset, span; found.length < count && (span = nextWord(text, at)); at = span.end) found.push(toWord(text, span));
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
    while (from > 0 && (classOf(text.charCodeAt(from - 1)) !== OTHER || isApostrophe(text.charCodeAt(from - 1)))) from--;
    const found: Word[] = [];
    for (let at = from, span; (span = nextWord(text, at)) && span.end <= offset; at = span.end) found.push(toWord(text, span));
    if (found.length >= count || from === 0) return found.slice(-count);
  }
}

const OTHER = 0;
const LETTER = 1;
/** A mark or a digit: inside a word only. */
const INNER = 2;
/** Half of a code point beyond the BMP: what it is, the pair tells. */
const SURROGATE = 3;

/** Per BMP code unit, its class (filled as met; 255: not looked up yet). */
const classes = new Uint8Array(0x10000).fill(255);

function classOf(code: number): number {
  let found = classes[code];
  if (found === 255) classes[code] = found = classify(code);
  return found;
}

function classify(codePoint: number): number {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return SURROGATE;
  const char = String.fromCodePoint(codePoint);
  return /\p{L}/u.test(char) ? LETTER : /[\p{M}\p{N}]/u.test(char) ? INNER : OTHER;
}

/** The class of the code point at `i` (a lone surrogate is no letter). */
function classAt(text: string, i: number): number {
  const cls = classOf(text.charCodeAt(i));
  if (cls !== SURROGATE) return cls;
  const codePoint = text.codePointAt(i)!;
  return codePoint > 0xffff ? classify(codePoint) : OTHER;
}

/** The length in code units of the code point at `i`. */
function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && text.codePointAt(i)! > 0xffff ? 2 : 1;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** The first word starting at or after `from`, as the regex above would match it. */
function nextWord(text: string, from: number): Span | undefined {
  const start = scanWord(text, from);
  return start < 0 ? undefined : { start, end: scannedEnd };
}

/** Where the last word scanWord found ends, and the fnv1a hash of its code units. */
let scannedEnd = 0;
let scannedHash = 0;
// Copied into module constants: an imported binding read in the scan's loop is a property load
// per code unit when the code runs unbundled (tsx, the tests), a third of the scan's time.
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;

/**
 * The start of the first word at or after `from` (-1 if none), its end in scannedEnd and its
 * hash in scannedHash: nextWord without an object. Code units outside the surrogate range (nearly
 * all) are classed straight from the table.
 */
function scanWord(text: string, from: number): number {
  const length = text.length;
  let start = from;
  while (start < length && classAt(text, start) !== LETTER) start += widthAt(text, start);
  if (start >= length) return -1;
  let end = start;
  let hash = OFFSET;
  for (;;) {
    while (end < length) {
      const code = text.charCodeAt(end);
      let cls = classes[code];
      if (cls === 255) cls = classOf(code);
      if (cls === SURROGATE) {
        cls = classAt(text, end);
        if (cls !== LETTER && cls !== INNER) break;
        hash = Math.imul(Math.imul(hash ^ code, PRIME) ^ text.charCodeAt(end + 1), PRIME);
        end += 2;
      } else if (cls === LETTER || cls === INNER) {
        hash = Math.imul(hash ^ code, PRIME);
        end++;
      } else break;
    }
    if (end + 1 < length && isApostrophe(text.charCodeAt(end)) && classAt(text, end + 1) === LETTER) {
      hash = Math.imul(hash ^ text.charCodeAt(end), PRIME);
      end++;
    } else break;
  }
  scannedEnd = end;
  scannedHash = hash;
  return start;
}

function toWord(text: string, span: Span): Word {
  return { ...span, form: formOf(text, span) };
}

/** The form of the word of `text` at `span` (see Word). */
export function formOf(text: string, { start, end }: Span): string {
  const lower = text.slice(start, end).toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Index of the first word starting at or after `offset` (words.length when none does). */
export function firstWordFrom(list: readonly Span[], offset: number): number {
  return countBefore(list, word => word.start < offset);
}

/** The length of the prefix of `list` whose words pass `test` (words are in text order). */
function countBefore(list: readonly Span[], test: (word: Span) => boolean): number {
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
