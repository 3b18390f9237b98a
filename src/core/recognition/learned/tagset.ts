// The tagger's BIO tag set over our four learned types, and first-order Viterbi decoding with
// hard BIO constraints (an I- tag only continues a B- or I- of its own type).
import { NamedType } from '../../types';

/** The types the tagger predicts; nationalities come out as MISC and are retyped NORP by a gazetteer. */
export const LEARNED_TYPES = ['PERSON', 'ORG', 'PLACE', 'MISC'] as const satisfies readonly NamedType[];
export type LearnedType = (typeof LEARNED_TYPES)[number];

/** Tag 0 is O; type k has B = 1 + 2k and I = 2 + 2k. */
export const TAG_COUNT = 1 + 2 * LEARNED_TYPES.length;
export const O = 0;
export const beginOf = (type: number): number => 1 + 2 * type;
export const insideOf = (type: number): number => 2 + 2 * type;
export const isInside = (tag: number): boolean => tag > 0 && tag % 2 === 0;
export const typeOfTag = (tag: number): number => (tag - 1) >> 1;

/** Whether `next` may follow `prev` (-1: the start of the document). */
export function allowed(prev: number, next: number): boolean {
  if (!isInside(next)) return true;
  return prev > 0 && typeOfTag(prev) === typeOfTag(next);
}

const NEG = -1e30;
const T = TAG_COUNT;
/** allowed(prev, next) for prev in 0..T-1, as a table. */
const ALLOWED = Uint8Array.from({ length: T * T }, (_, k) => (allowed(Math.floor(k / T), k % T) ? 1 : 0));

/**
 * The best tag sequence. `scores[i * TAG_COUNT + t]`: token i's score for tag t; `transitions`:
 * TAG_COUNT rows (previous tag) then one row for the start. `mask`, if given, has one bit per tag
 * allowed at each token (partial labels when training). `startRow`: the transition row before the
 * first token (training decodes a sentence inside a document as after an O).
 */
export function viterbi(
  scores: Float64Array | Float32Array,
  n: number,
  transitions: ArrayLike<number>,
  mask?: Uint16Array,
  startRow = TAG_COUNT,
): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const back = new Uint8Array(n * T);
  let prev = new Float64Array(T);
  let cur = new Float64Array(T);
  // Transitions with -Infinity where BIO forbids them: no test in the inner loop.
  const trans = new Float64Array(T * T);
  for (let k = 0; k < T * T; k++) trans[k] = ALLOWED[k] ? transitions[k] : -Infinity;
  for (let t = 0; t < T; t++) {
    const ok = allowed(-1, t) && (!mask || (mask[0] >> t) & 1);
    prev[t] = ok ? scores[t] + transitions[startRow * T + t] : NEG;
  }
  for (let i = 1; i < n; i++) {
    const m = mask ? mask[i] : 0xffff;
    for (let t = 0; t < T; t++) {
      if (!((m >> t) & 1)) {
        cur[t] = NEG;
        continue;
      }
      // An I- tag has two possible predecessors (the others score -Infinity and never win).
      const from = isInside(t) ? t - 1 : 0;
      const to = isInside(t) ? t : T - 1;
      let best = NEG;
      let arg = 0;
      for (let p = from; p <= to; p++) {
        const s = prev[p] + trans[p * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + scores[i * T + t];
      back[i * T + t] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let tag = 0;
  for (let t = 1; t < T; t++) if (prev[t] > prev[tag]) tag = t;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = tag;
    tag = back[i * T + tag];
  }
  return out;
}
