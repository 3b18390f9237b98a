// The second pass's features: how the first pass tagged the same word and the same run of
// capitalised words elsewhere in the document (Ratinov & Roth 2009's prediction history;
// Krishnan & Manning 2006's token and entity majorities). A document repeats its names ("Smith"
// alone after "John Smith"), and its confident mentions say what its doubtful ones are. A token's
// own tag never counts towards its features: only the other occurrences do.
import { WinkTokens } from '../wink/winkDocument';
import { DocFeatures } from './docFeatures';
import { TAG_COUNT } from './tagset';
import { mix } from './hashing';

/**
 * Token i's history features are `ids[offsets[i] .. offsets[i + 1])`, each below HISTORY_FEATURES:
 * a small fixed set, so the tagger keeps each one's weights summed (see historyHash).
 */
export interface History {
  ids: Uint8Array;
  offsets: Int32Array;
}

const T = TAG_COUNT;
/** Label classes: 0 O, 1 + type. */
const CLASSES = 5;
/** Where a word stood in a first-pass name: alone, first, inside, last. */
const POSITIONS = 4;
const SEEN = (CLASSES - 1) * POSITIONS;

const MAJORITY = 0;
const SEEN_AT = MAJORITY + CLASSES * 3 * 2;
const RUN_AT = SEEN_AT + SEEN;
export const HISTORY_FEATURES = RUN_AT + T * 2;

/** Ids of the features: the majority class (0 O, 1 + type) and clarity (0..2) at a sentence start or not; a type and position seen; a run's tag. */
export const majorityId = (cls: number, clear: number, start: number): number => MAJORITY + (cls * 3 + clear) * 2 + start;
export const seenId = (type: number, position: number): number => SEEN_AT + type * POSITIONS + position;
export const runId = (tag: number, unanimous: boolean): number => RUN_AT + tag * 2 + (unanimous ? 1 : 0);

/** The model's hash of history feature `id` (a template apart from docFeatures' and wordFeatures'). */
export const historyHash = (id: number): number => mix(1001, id);

/** Per token: its first-pass name's type (-1: none) and its position in that name. */
function namePositions(tags: Uint8Array): { type: Int8Array; position: Uint8Array } {
  const n = tags.length;
  const type = new Int8Array(n).fill(-1);
  const position = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (tags[i] === 0) continue;
    // Tag 1 + 2k is B- of type k, 2 + 2k its I- (tagset.ts); inlined: this runs at every token.
    const k = (tags[i] - 1) >> 1;
    let last = i;
    while (last + 1 < n && tags[last + 1] === 2 + 2 * k) last++;
    for (let j = i; j <= last; j++) {
      type[j] = k;
      position[j] = i === last ? 0 : j === i ? 1 : j === last ? 3 : 2;
    }
    i = last;
  }
  return { type, position };
}

/**
 * Features of each capitalised word from the first pass's `tags` at the word's other occurrences:
 * the majority label (O or a type) and how clear it is, each type and position it had in a name,
 * and, inside a run of capitalised words that recurs, the majority tag at the same place of the
 * other occurrences of the run.
 */
export function historyFeatures(doc: WinkTokens, f: DocFeatures, tags: Uint8Array): History {
  const { wordOf, words } = f;
  const n = wordOf.length;
  const cap = new Uint8Array(n);
  for (let i = 0; i < n; i++) cap[i] = doc.capitalised[i] & (doc.types[i] === 'word' ? 1 : 0);
  const { type, position } = namePositions(tags);
  const label = new Int32Array(words.length * CLASSES);
  const seen = new Int32Array(words.length * SEEN);
  const occurrences = new Int32Array(words.length);
  for (let i = 0; i < n; i++) {
    if (!cap[i]) continue;
    occurrences[wordOf[i]]++;
    label[wordOf[i] * CLASSES + type[i] + 1]++;
    if (type[i] >= 0) seen[wordOf[i] * SEEN + type[i] * POSITIONS + position[i]]++;
  }
  // A word never in a first-pass name has no history worth a second look: the first pass stands.
  for (let w = 0; w < words.length; w++) if (label[w * CLASSES] === occurrences[w]) occurrences[w] = 0;
  const runTag = runMajorities(wordOf, tags, cap, occurrences);

  const out = new Uint8Array(n * (2 + SEEN));
  let at = 0;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    if (!cap[i]) continue;
    const w = wordOf[i];
    if (occurrences[w] > 1) {
      // The other occurrences' labels: this one's own label taken out.
      const own = w * CLASSES + type[i] + 1;
      label[own]--;
      let major = 0;
      for (let c = 1; c < CLASSES; c++) if (label[w * CLASSES + c] > label[w * CLASSES + major]) major = c;
      const most = label[w * CLASSES + major];
      const total = occurrences[w] - 1;
      const clear = most === total ? 2 : 2 * most > total ? 1 : 0;
      out[at++] = majorityId(major, clear, doc.sentenceStart[i]);
      label[own]++;
      const mine = type[i] >= 0 ? type[i] * POSITIONS + position[i] : -1;
      for (let k = 0; k < SEEN; k++) if (seen[w * SEEN + k] > (k === mine ? 1 : 0)) out[at++] = SEEN_AT + k;
    }
    if (runTag[i] >= 0) out[at++] = runId(runTag[i] & 15, runTag[i] >= 16);
  }
  offsets[n] = at;
  return { ids: out.subarray(0, at), offsets };
}

/**
 * Per token in a recurring run of two or more capitalised words (a candidate name), the majority
 * first-pass tag at its place in the run's other occurrences, plus 16 if they all agree (-1: not
 * in a recurring run). Only runs whose first word recurs are looked up.
 */
function runMajorities(wordOf: Int32Array, tags: Uint8Array, cap: Uint8Array, occurrences: Int32Array): Int32Array {
  const n = wordOf.length;
  const out = new Int32Array(n).fill(-1);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (!cap[i]) continue;
    let last = i;
    while (last + 1 < n && cap[last + 1]) last++;
    if (last > i && occurrences[wordOf[i]] > 1) {
      const key = wordOf.subarray(i, last + 1).join(',');
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    i = last;
  }
  for (const [key, firsts] of groups) {
    if (firsts.length < 2) continue;
    const length = key.split(',').length;
    const counts = new Int32Array(length * T);
    for (const first of firsts) for (let p = 0; p < length; p++) counts[p * T + tags[first + p]]++;
    for (const first of firsts) {
      for (let p = 0; p < length; p++) {
        const own = p * T + tags[first + p];
        counts[own]--;
        let major = 0;
        for (let t = 1; t < T; t++) if (counts[p * T + t] > counts[p * T + major]) major = t;
        out[first + p] = major | (counts[p * T + major] === firsts.length - 1 ? 16 : 0);
        counts[own]++;
      }
    }
  }
  return out;
}
