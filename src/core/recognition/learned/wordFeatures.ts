// Features of a word type, computed once per distinct word: the word, its lower case, shape,
// affixes, our cue-word lists and the gazetteers. Each is emitted for the word's position relative
// to the token being tagged (slot 0..4 for offsets -2..+2); the nearer the word, the more it says.
import { cuesOf } from '../names/nameCues';
import { commonWords, gazetteer } from '../names/gazetteer';
import { fnv1a } from '../../text/fnv1a';
import { hashString, mix } from './hashing';

export const SLOTS = 5;
/** The pseudo-words before the first and after the last token. */
export const BEFORE = '\u0002';
export const AFTER = '\u0003';

const enum W {
  Word = 1,
  Lower,
  Shape,
  Short,
  Prefix,
  Suffix,
  Cue,
  Gazetteer,
  Length,
  CapsLower,
}

/** A character's class in a shape: d digit, X upper case, x lower case, else itself. */
function shapeClass(word: string, i: number): string {
  const c = word.charCodeAt(i);
  if (c < 128) return c >= 48 && c <= 57 ? 'd' : c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : word[i];
  const ch = word[i];
  return ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
}

/** "Xi" → "Xx", "1996-12-06" → "d-d-d", "McDonald" → "XxXx": runs of one class collapsed. */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 8; i++) {
    const k = shapeClass(word, i);
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** The full shape, at most 12 characters: "Xi" → "Xx", "U.S." → "X.X.". */
function shape(word: string): string {
  let out = '';
  for (let i = 0; i < word.length && i < 12; i++) out += shapeClass(word, i);
  return out;
}

/** Gazetteer bits of a word: a first name, a place, a nationality, a common English word. */
function gazetteerBits(word: string, lower: string): number {
  const { firstNames, places, norp } = gazetteer();
  const hash = fnv1a(word);
  return (
    (firstNames.has(word, hash) ? 1 : 0) |
    (places.has(word, hash) ? 2 : 0) |
    (norp.has(word, hash) ? 4 : 0) |
    (commonWords().has(lower) ? 8 : 0)
  );
}

const slotted = (template: W, slot: number): number => template * 8 + slot;

/** Appends the hashes of `word`'s features at `slot` to `out`. */
export function wordFeatures(word: string, slot: number, out: number[]): void {
  const lower = word.toLowerCase();
  const near = slot >= 1 && slot <= 3;
  // An all-capitals word keeps its own lower-case weights: "XI" (a team, a numeral) says nothing of "Xi".
  const caps = word.length > 1 && word !== lower && word === word.toUpperCase();
  out.push(hashString(slotted(caps ? W.CapsLower : W.Lower, slot), lower));
  out.push(hashString(slotted(W.Short, slot), shortShape(word)));
  const gaz = gazetteerBits(word, lower);
  if (gaz) out.push(mix(slotted(W.Gazetteer, slot), gaz));
  if (!near) return;
  const cues = cuesOf(word) | cuesOf(lower);
  for (let bit = 0; bit < 21; bit++) if (cues & (1 << bit)) out.push(mix(slotted(W.Cue, slot), bit));
  out.push(hashString(slotted(W.Suffix, slot), lower.slice(-3)));
  if (slot !== 2) return;
  out.push(hashString(slotted(W.Word, slot), word));
  out.push(hashString(slotted(W.Shape, slot), shape(word)));
  out.push(mix(slotted(W.Length, slot), Math.min(word.length, 12)));
  for (let k = 1; k <= 3 && k <= lower.length; k++) out.push(hashString(slotted(W.Prefix, slot) + 100 * k, lower.slice(0, k)));
  for (let k = 1; k <= 4 && k <= lower.length; k++) {
    if (k !== 3) out.push(hashString(slotted(W.Suffix, slot) + 100 * k, lower.slice(-k)));
  }
}
