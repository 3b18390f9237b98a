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
if (T !== 9) throw new Error('viterbi is unrolled for four types');

/**
 * The best tag sequence. `scores[i * TAG_COUNT + t]`: token i's score for tag t; `transitions`:
 * TAG_COUNT rows (previous tag) then one row for the start. `mask`, if given, has one bit per tag
 * allowed at each token (partial labels when training). `startRow`: the transition row before the
 * first token (training decodes a sentence inside a document as after an O). The previous
 * token's nine scores live in locals: this loop runs twice per document at every token.
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
  const tr = new Float64Array(T * T);
  for (let k = 0; k < T * T; k++) tr[k] = transitions[k];
  const cur = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const ok = allowed(-1, t) && (!mask || (mask[0] >> t) & 1);
    cur[t] = ok ? scores[t] + transitions[startRow * T + t] : NEG;
  }
  let p0 = cur[0],
    p1 = cur[1],
    p2 = cur[2],
    p3 = cur[3],
    p4 = cur[4],
    p5 = cur[5],
    p6 = cur[6],
    p7 = cur[7],
    p8 = cur[8];
  for (let i = 1; i < n; i++) {
    const m = mask ? mask[i] : 0xffff;
    const at = i * T;
    // O and B- tags may follow any tag (ties go to the first predecessor).
    for (let t = 0; t < T; t += t === 0 ? 1 : 2) {
      let best = p0 + tr[t];
      let arg = 0;
      let s: number;
      if ((s = p1 + tr[T + t]) > best) {
        best = s;
        arg = 1;
      }
      if ((s = p2 + tr[2 * T + t]) > best) {
        best = s;
        arg = 2;
      }
      if ((s = p3 + tr[3 * T + t]) > best) {
        best = s;
        arg = 3;
      }
      if ((s = p4 + tr[4 * T + t]) > best) {
        best = s;
        arg = 4;
      }
      if ((s = p5 + tr[5 * T + t]) > best) {
        best = s;
        arg = 5;
      }
      if ((s = p6 + tr[6 * T + t]) > best) {
        best = s;
        arg = 6;
      }
      if ((s = p7 + tr[7 * T + t]) > best) {
        best = s;
        arg = 7;
      }
      if ((s = p8 + tr[8 * T + t]) > best) {
        best = s;
        arg = 8;
      }
      cur[t] = (m >> t) & 1 ? best + scores[at + t] : NEG;
      back[at + t] = arg;
    }
    // An I- tag only continues its own B- (t - 1) or I- (t).
    for (let t = 2; t < T; t += 2) {
      const begin = (t === 2 ? p1 : t === 4 ? p3 : t === 6 ? p5 : p7) + tr[(t - 1) * T + t];
      const inside = (t === 2 ? p2 : t === 4 ? p4 : t === 6 ? p6 : p8) + tr[t * T + t];
      cur[t] = (m >> t) & 1 ? (inside > begin ? inside : begin) + scores[at + t] : NEG;
      // Where neither is possible (a target with no allowed tag), the first tag, as a loop over all would.
      back[at + t] = inside > begin ? t : begin > NEG ? t - 1 : 0;
    }
    p0 = cur[0];
    p1 = cur[1];
    p2 = cur[2];
    p3 = cur[3];
    p4 = cur[4];
    p5 = cur[5];
    p6 = cur[6];
    p7 = cur[7];
    p8 = cur[8];
  }
  let tag = 0;
  for (let t = 1; t < T; t++) if (cur[t] > cur[tag]) tag = t;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = tag;
    tag = back[i * T + tag];
  }
  return out;
}
