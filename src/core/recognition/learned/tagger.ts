// The trained tagger at run time: the model's weights behind an open-addressing table of feature
// hashes, the score vectors of each word type cached across documents, and Viterbi decoding.
import { WinkTokens } from '../wink/winkDocument';
import { DocFeatures } from './docFeatures';
import { TAG_COUNT, viterbi } from './tagset';
import { AFTER, BEFORE, SLOTS, wordFeatures } from './wordFeatures';

/** The model as the trainer writes it (base64 of little-endian typed arrays). */
export interface ModelData {
  manifest: Record<string, unknown>;
  /** Weight of one Int8 step. */
  scale: number;
  /** Sorted Uint32 feature hashes. */
  features: string;
  /** Int8, TAG_COUNT per feature. */
  weights: string;
  /** (TAG_COUNT + 1) rows of TAG_COUNT: previous tag (the last row: the start) to next tag. */
  transitions: number[];
}

/** Module-local copies: an imported binding is a property read on every use under CommonJS. */
const T = TAG_COUNT;
const S = SLOTS;

/** Word types whose score vectors are kept; the cache starts over beyond this. */
const WORD_CACHE_SIZE = 100_000;

function decodeBase64(b64: string): Uint8Array {
  // atob, as wink's own model reader: no Node-only API in the core.
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

export class Tagger {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  private readonly weights: Float32Array;
  readonly transitions: Float64Array;
  private readonly wordCache = new Map<string, Float32Array>();

  constructor(data: ModelData) {
    const features = new Uint32Array(decodeBase64(data.features).buffer);
    const raw = new Int8Array(decodeBase64(data.weights).buffer);
    this.weights = new Float32Array(raw.length);
    for (let k = 0; k < raw.length; k++) this.weights[k] = raw[k] * data.scale;
    this.transitions = Float64Array.from(data.transitions);
    let size = 1024;
    while (size < 2 * features.length) size *= 2;
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    for (let f = 0; f < features.length; f++) {
      let slot = features[f] & this.mask;
      while (this.rows[slot] >= 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = features[f];
      this.rows[slot] = f;
    }
  }

  /** The weight row of a feature hash, or -1. */
  row(hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const r = this.rows[slot];
      if (r < 0 || this.keys[slot] === hash) return r;
      slot = (slot + 1) & this.mask;
    }
  }

  private addRow(hash: number, out: Float32Array | Float64Array, at: number): void {
    const r = this.row(hash);
    if (r < 0) return;
    const w = this.weights;
    for (let t = 0, base = r * T; t < T; t++) out[at + t] += w[base + t];
  }

  /** A word type's summed scores at each of the SLOTS positions. */
  private wordVector(word: string): Float32Array {
    let v = this.wordCache.get(word);
    if (v) return v;
    v = new Float32Array(SLOTS * T);
    const hashes: number[] = [];
    for (let slot = 0; slot < SLOTS; slot++) {
      hashes.length = 0;
      wordFeatures(word, slot, hashes);
      for (const h of hashes) this.addRow(h, v, slot * T);
    }
    if (this.wordCache.size >= WORD_CACHE_SIZE) this.wordCache.clear();
    this.wordCache.set(word, v);
    return v;
  }

  /** Scores of every tag at every token. */
  scores(features: DocFeatures): Float64Array {
    const { wordOf, words, hashes, offsets } = features;
    const n = wordOf.length;
    const vectors = words.map((w) => this.wordVector(w));
    const edges = [this.wordVector(BEFORE), this.wordVector(AFTER)];
    const out = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      const at = i * T;
      for (let slot = 0; slot < S; slot++) {
        const j = i + slot - 2;
        const v = j < 0 ? edges[0] : j >= n ? edges[1] : vectors[wordOf[j]];
        for (let t = 0, base = slot * T; t < T; t++) out[at + t] += v[base + t];
      }
      for (let k = offsets[i]; k < offsets[i + 1]; k++) this.addRow(hashes[k], out, at);
    }
    return out;
  }

  /** The best tag of each token, and the scores; tokens that are line breaks are never in a name. */
  tag(doc: WinkTokens, features: DocFeatures): { tags: Uint8Array; scores: Float64Array } {
    const scores = this.scores(features);
    return { tags: viterbi(scores, doc.tokens.length, this.transitions, blankMask(doc)), scores };
  }
}

/** Allowed tags per token: only O on whitespace tokens. */
export function blankMask(doc: WinkTokens): Uint16Array {
  const mask = new Uint16Array(doc.tokens.length).fill((1 << T) - 1);
  for (let i = 0; i < mask.length; i++) if (doc.types[i] === 'tabCRLF') mask[i] = 1;
  return mask;
}
