// The trained tagger at run time: the model's weights behind an open-addressing table of feature
// hashes, the summed weights of each word type and token context cached across documents, and
// Viterbi decoding.
import { WinkTokens } from '../wink/winkDocument';
import {
  DocFeatures,
  POS_COUNT,
  TOKEN_KEY_WIDTH,
  contextFeatures,
  posFarFeatures,
  posTrigramFeatures,
  runFeatures,
  tokenKeyFeatures,
} from './docFeatures';
import { TAG_COUNT, viterbi } from './tagset';
import { AFTER, BEFORE, SLOTS, wordFeatures } from './wordFeatures';
import { vocabulary } from './vocabulary';

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
const P = POS_COUNT;
const KW = TOKEN_KEY_WIDTH;

/** The sums of one token's own feature hashes, reused from token to token (`scores`). */
const EXTRA = new Int32Array(T);

function decodeBase64(b64: string): Uint8Array {
  // atob, as wink's own model reader: no Node-only API in the core.
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

/** Ints per word type: its sums at each of the SLOTS positions (-2..+2, as `scores` reads them). */
const WORD_ROW = SLOTS * T;

/**
 * Summed weights (in Int8 steps) per word type, in one arena: the vocabulary's word number `id`
 * has its WORD_ROW ints at `id * WORD_ROW`. One array keeps the inner loop of `scores` on a single base.
 */
class WordSums {
  arena = new Int32Array(1024 * WORD_ROW);
  /** Per word number, whether its row is filled in the vocabulary's current numbering. */
  private filled = new Uint8Array(1024);
  private generation = vocabulary.generation;

  constructor(private readonly tagger: Tagger) {}

  /** The arena offset of word number `id`, its row filled on first use. */
  offset(id: number): number {
    if (this.generation !== vocabulary.generation) {
      this.filled.fill(0);
      this.generation = vocabulary.generation;
    }
    const at = id * WORD_ROW;
    if (this.filled[id]) return at;
    if (id >= this.filled.length) this.grow(id);
    // A row refilled after the numbering started over still holds an old word's sums.
    this.arena.fill(0, at, at + WORD_ROW);
    const hashes: number[] = [];
    const word = vocabulary.words[id];
    for (let slot = 0; slot < SLOTS; slot++) {
      hashes.length = 0;
      wordFeatures(word, slot, hashes);
      for (const h of hashes) this.tagger.addRow(h, this.arena, at + slot * T);
    }
    this.filled[id] = 1;
    return at;
  }

  private grow(id: number): void {
    let size = this.filled.length;
    while (size <= id) size *= 2;
    const filled = new Uint8Array(size);
    filled.set(this.filled);
    this.filled = filled;
    const arena = new Int32Array(size * WORD_ROW);
    arena.set(this.arena);
    this.arena = arena;
  }
}

/**
 * Summed weights per key of `width` unsigned integers (a token context, a token's shapes and
 * type...), in an open-addressing table of 2^bits slots: `get` returns the offset of the key's row
 * in `sums`. The table starts over when half full.
 */
class KeySums {
  readonly sums: Int32Array;
  private readonly keys: Uint32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  private readonly shift: number;
  private size = 0;
  private readonly hashes: number[] = [];

  constructor(
    private readonly tagger: Tagger,
    private readonly width: number,
    bits: number,
    private readonly features: (keys: Uint32Array, at: number, out: number[]) => void,
  ) {
    this.sums = new Int32Array((1 << bits) * T);
    this.keys = new Uint32Array((1 << bits) * width);
    this.used = new Uint8Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** The row of the key at `keys[at .. at + width)`. */
  get(keys: Uint32Array, at: number): number {
    const { width, used } = this;
    let h = 0;
    for (let w = 0; w < width; w++) h = Math.imul(h ^ keys[at + w], 0x9e3779b1);
    let slot = h >>> this.shift;
    probe: while (used[slot]) {
      for (let w = 0, base = slot * width; w < width; w++) {
        if (this.keys[base + w] !== keys[at + w]) {
          slot = (slot + 1) & this.mask;
          continue probe;
        }
      }
      return slot * T;
    }
    if (this.size > this.mask >> 1) {
      used.fill(0);
      this.size = 0;
      return this.get(keys, at);
    }
    used[slot] = 1;
    this.size++;
    this.keys.set(keys.subarray(at, at + width), slot * width);
    const row = slot * T;
    this.sums.fill(0, row, row + T);
    this.hashes.length = 0;
    this.features(keys, at, this.hashes);
    for (const h of this.hashes) this.tagger.addRow(h, this.sums, row);
    return row;
  }
}

export class Tagger {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  private readonly weights: Int8Array;
  private readonly scale: number;
  readonly transitions: Float64Array;
  /** Per word type, its sums at each of the SLOTS positions. */
  private readonly wordSums = new WordSums(this);
  /** Sums of each POS trigram (filled on first use: `trigramReady`), and of each part of speech two tokens before and after. */
  private readonly posTrigrams = new Int32Array(P ** 3 * T);
  private readonly trigramReady = new Uint8Array(P ** 3);
  private readonly posFar: Int32Array;
  private readonly contextSums = new KeySums(this, 1, 13, (keys, at, out) => contextFeatures(keys[at], out));
  private readonly runSums = new KeySums(this, 1, 13, (keys, at, out) => runFeatures(keys[at], out));
  private readonly tokenSums = new KeySums(this, TOKEN_KEY_WIDTH, 14, tokenKeyFeatures);

  constructor(data: ModelData) {
    const features = new Uint32Array(decodeBase64(data.features).buffer);
    this.weights = new Int8Array(decodeBase64(data.weights).buffer);
    this.scale = data.scale;
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
    this.posFar = new Int32Array(2 * P * T);
    const hashes: number[] = [];
    for (let k = 0; k < 2 * P; k++) {
      hashes.length = 0;
      posFarFeatures(Math.floor(k / P), k % P, hashes);
      for (const h of hashes) this.addRow(h, this.posFar, k * T);
    }
  }

  /** Row `tri` of posTrigrams (the trigram (tri / P², tri / P mod P, tri mod P)). */
  private fillTrigram(tri: number): void {
    const hashes: number[] = [];
    posTrigramFeatures(Math.floor(tri / (P * P)), Math.floor(tri / P) % P, tri % P, hashes);
    for (const h of hashes) this.addRow(h, this.posTrigrams, tri * T);
    this.trigramReady[tri] = 1;
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

  addRow(hash: number, out: Int32Array, at: number): void {
    const r = this.row(hash);
    if (r < 0) return;
    const w = this.weights;
    for (let t = 0, base = r * T; t < T; t++) out[at + t] += w[base + t];
  }

  /**
   * Scores of every tag at every token, in one pass: each token's integer sum (in Int8 steps) is
   * scaled as it is made. Sums are integers, so the order in which cached parts add up never
   * changes a score.
   */
  scores(features: DocFeatures): Float64Array {
    const { wordOf, posKeys, contextKeys, runKeys, tokenKeys, hashes, offsets } = features;
    const n = wordOf.length;
    const wordAt = this.wordOffsets(features);
    const ws = this.wordSums.arena;
    const out = new Float64Array(n * T);
    const { posTrigrams, trigramReady, posFar, scale } = this;
    const contextSums = this.contextSums.sums;
    const runSums = this.runSums.sums;
    const tokenSums = this.tokenSums.sums;
    const extra = EXTRA;
    for (let i = 0; i < n; i++) {
      const at = i * T;
      // Token i's words at -2..+2 are wordAt[i..i + 4], each read at its own slot.
      const w0 = wordAt[i];
      const w1 = wordAt[i + 1] + T;
      const w2 = wordAt[i + 2] + 2 * T;
      const w3 = wordAt[i + 3] + 3 * T;
      const w4 = wordAt[i + 4] + 4 * T;
      const key = posKeys[i];
      const tri = (((key >>> 5) & 31) * P + ((key >>> 10) & 31)) * P + ((key >>> 15) & 31);
      if (!trigramReady[tri]) this.fillTrigram(tri);
      const p = tri * T;
      const before2 = (key & 31) * T;
      const after2 = (P + (key >>> 20)) * T;
      const c = this.contextSums.get(contextKeys, i);
      const u = this.tokenSums.get(tokenKeys, i * KW);
      extra.fill(0);
      for (let k = offsets[i]; k < offsets[i + 1]; k++) this.addRow(hashes[k], extra, 0);
      if (runKeys[i]) {
        const r = this.runSums.get(runKeys, i);
        for (let t = 0; t < T; t++) extra[t] += runSums[r + t];
      }
      for (let t = 0; t < T; t++) {
        const sum =
          ws[w0 + t] +
          ws[w1 + t] +
          ws[w2 + t] +
          ws[w3 + t] +
          ws[w4 + t] +
          posTrigrams[p + t] +
          posFar[before2 + t] +
          posFar[after2 + t] +
          contextSums[c + t] +
          tokenSums[u + t] +
          extra[t];
        out[at + t] = sum * scale;
      }
    }
    return out;
  }

  /** Arena offsets of the words at tokens -2..n+1 (the pseudo-words beyond the ends). */
  private wordOffsets({ wordOf, wordIds }: DocFeatures): Int32Array {
    const n = wordOf.length;
    const sums = this.wordSums;
    const ofWord = new Int32Array(wordIds.length);
    for (let w = 0; w < wordIds.length; w++) ofWord[w] = sums.offset(wordIds[w]);
    const out = new Int32Array(n + 4);
    out[0] = out[1] = sums.offset(vocabulary.id(BEFORE));
    for (let i = 0; i < n; i++) out[i + 2] = ofWord[wordOf[i]];
    out[n + 2] = out[n + 3] = sums.offset(vocabulary.id(AFTER));
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
