// The averaged structured perceptron behind train-ner: documents prepared with the analyzer's own
// wink pipeline and features, trained sentence by sentence in a fixed-seed order, then pruned and
// quantised into the model data the tagger loads.
import { readWink } from '../src/core/recognition/wink/winkDocument';
import { findNamedEntities } from '../src/core/recognition/names/namedEntities';
import { docFeatures, tokenFeatures } from '../src/core/recognition/learned/docFeatures';
import { AFTER, BEFORE, SLOTS, wordFeatures } from '../src/core/recognition/learned/wordFeatures';
import { O, TAG_COUNT, beginOf, insideOf, isInside, typeOfTag, viterbi } from '../src/core/recognition/learned/tagset';
import { ModelData, blankMask } from '../src/core/recognition/learned/tagger';
import { mix } from '../src/core/recognition/learned/hashing';
import { GoldDoc, GoldType } from './nerCorpus';

const T = TAG_COUNT;
const TYPE_OF: Record<GoldType, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };
const MISC_TAGS = (1 << beginOf(3)) | (1 << insideOf(3));

interface Prepared {
  words: Int32Array;
  /** Raw hashes until indexed, then feature indexes (-1: pruned). */
  feats: Int32Array;
  offsets: Int32Array;
  gold: Uint8Array;
  /** The tags allowed per token as the target (partial labels: an O may be MISC). */
  mask: Uint16Array;
  blank: Uint16Array;
  sentences: [number, number][];
  weight: number;
}

export interface TrainOptions {
  epochs: number;
  /** Features seen fewer times are dropped before training. */
  minCount: number;
  seed: number;
  /** The share of features hidden from each training sentence (0: none), against leaning on a few. */
  dropout?: number;
  /** Called after each epoch with the averaged weights, e.g. to score the dev sets. */
  onEpoch?: (epoch: number, model: ModelData) => void;
  manifest: Record<string, unknown>;
}

/** Gold tag per token: a token starting a span is B-, one starting inside it I-. */
export function goldTags(starts: Int32Array, doc: GoldDoc): Uint8Array {
  const tags = new Uint8Array(starts.length);
  let k = 0;
  for (const span of doc.gold) {
    while (k < starts.length && starts[k] < span.start) k++;
    const type = TYPE_OF[span.type];
    for (let j = k; j < starts.length && starts[j] < span.end; j++) tags[j] = j === k ? beginOf(type) : insideOf(type);
  }
  return tags;
}

/** Mulberry32: a small seeded generator, so every run shuffles alike. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Trainer {
  private readonly wordIds = new Map<string, number>();
  private readonly wordHashes: number[][] = [];
  private wordFeats: Int32Array[] = [];
  private readonly counts = new Map<number, number>();
  private index = new Map<number, number>();
  private w = new Float32Array(0);
  private u = new Float32Array(0);
  private readonly trans = new Float64Array((T + 1) * T);
  private readonly transU = new Float64Array((T + 1) * T);
  private c = 1;
  /** Features with a hash below this, mixed with the update count, are hidden from the current sentence. */
  private dropBelow = 0;

  /** Prepares a document; it is scored with the same pipeline as the analyzer's. */
  prepare(doc: GoldDoc): Prepared {
    const wink = readWink(doc.text);
    const f = docFeatures(wink, findNamedEntities(wink));
    const words = Int32Array.from(f.wordOf, w => this.wordId(f.words[w]));
    for (const w of words) for (const h of this.wordHashes[w]) if (h >= 0) this.counts.set(h, (this.counts.get(h) ?? 0) + 1);
    const hashes: number[] = [];
    const offsets = new Int32Array(words.length + 1);
    for (let i = 0; i < words.length; i++) {
      offsets[i] = hashes.length;
      tokenFeatures(f, i, hashes);
    }
    offsets[words.length] = hashes.length;
    for (const h of hashes) this.counts.set(h, (this.counts.get(h) ?? 0) + 1);
    const gold = goldTags(wink.starts, doc);
    const blank = blankMask(wink);
    const mask = new Uint16Array(gold.length);
    for (let i = 0; i < gold.length; i++) mask[i] = ((1 << gold[i]) | (!doc.annotatesMisc && gold[i] === O ? MISC_TAGS : 0)) & blank[i];
    const sentences = wink.sentences.map((s): [number, number] => [s.first, s.last]);
    return { words, feats: Int32Array.from(hashes), offsets, gold, mask, blank, sentences, weight: doc.weight ?? 1 };
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.wordHashes.length;
      this.wordIds.set(word, id);
      const hashes: number[] = [];
      // Slot in the top bits of the list: each slot's hashes are kept apart below.
      for (let slot = 0; slot < SLOTS; slot++) {
        const from = hashes.length;
        wordFeatures(word, slot, hashes);
        hashes.splice(from, 0, -1 - (hashes.length - from));
      }
      this.wordHashes.push(hashes);
    }
    return id;
  }

  /** Keeps the features seen at least `minCount` times and turns every hash into its index. */
  private indexFeatures(docs: Prepared[], minCount: number): void {
    for (const [h, count] of this.counts) if (count >= minCount) this.index.set(h, this.index.size);
    const idx = (h: number): number => this.index.get(h >>> 0) ?? -1;
    this.wordFeats = [];
    for (const hashes of this.wordHashes) {
      for (let k = 0; k < hashes.length;) {
        const len = -1 - hashes[k];
        this.wordFeats.push(Int32Array.from(hashes.slice(k + 1, k + 1 + len), idx));
        k += len + 1;
      }
    }
    for (const d of docs) for (let k = 0; k < d.feats.length; k++) d.feats[k] = idx(d.feats[k]);
    this.w = new Float32Array(this.index.size * T);
    this.u = new Float32Array(this.index.size * T);
  }

  private features(d: Prepared, i: number, n: number, visit: (f: number) => void): void {
    // The same features are hidden in a sentence's decoding and its update (both at update count c).
    const use = this.dropBelow === 0 ? visit : (f: number): void => void (mix(f, this.c) >= this.dropBelow && visit(f));
    for (let slot = 0; slot < SLOTS; slot++) {
      const j = i + slot - 2;
      const word = j < 0 ? (this.wordIds.get(BEFORE) ?? -1) : j >= n ? (this.wordIds.get(AFTER) ?? -1) : d.words[j];
      if (word >= 0) for (const f of this.wordFeats[word * SLOTS + slot]) if (f >= 0) use(f);
    }
    for (let k = d.offsets[i]; k < d.offsets[i + 1]; k++) if (d.feats[k] >= 0) use(d.feats[k]);
  }

  private decode(d: Prepared, a: number, b: number, mask: Uint16Array, weights: Float32Array, trans: ArrayLike<number>): Uint8Array {
    const n = d.words.length;
    const scores = new Float64Array((b - a + 1) * T);
    for (let i = a; i <= b; i++) {
      const at = (i - a) * T;
      this.features(d, i, n, f => {
        for (let t = 0; t < T; t++) scores[at + t] += weights[f * T + t];
      });
    }
    return viterbi(scores, b - a + 1, trans, mask.subarray(a, b + 1), a === 0 ? T : O);
  }

  private update(d: Prepared, a: number, predicted: Uint8Array, target: Uint8Array): void {
    const n = d.words.length;
    const { w, u } = this;
    const step = d.weight;
    const c = this.c * step;
    for (let k = 0; k < predicted.length; k++) {
      const p = predicted[k];
      const g = target[k];
      const prevRow = k === 0 ? (a === 0 ? T : O) : -1;
      const pp = prevRow >= 0 ? prevRow : predicted[k - 1];
      const gp = prevRow >= 0 ? prevRow : target[k - 1];
      if (pp !== gp || p !== g) {
        this.trans[gp * T + g] += step;
        this.transU[gp * T + g] += c;
        this.trans[pp * T + p] -= step;
        this.transU[pp * T + p] -= c;
      }
      if (p === g) continue;
      this.features(d, a + k, n, f => {
        w[f * T + g] += step;
        u[f * T + g] += c;
        w[f * T + p] -= step;
        u[f * T + p] -= c;
      });
    }
  }

  /** The averaged weights. */
  private averaged(): { weights: Float32Array; trans: Float64Array } {
    const weights = new Float32Array(this.w.length);
    for (let k = 0; k < weights.length; k++) weights[k] = this.w[k] - this.u[k] / this.c;
    const trans = new Float64Array(this.trans.length);
    for (let k = 0; k < trans.length; k++) trans[k] = this.trans[k] - this.transU[k] / this.c;
    return { weights, trans };
  }

  train(docs: GoldDoc[], options: TrainOptions): ModelData {
    const prepared = docs.map(d => this.prepare(d));
    this.wordId(BEFORE);
    this.wordId(AFTER);
    this.indexFeatures(prepared, options.minCount);
    const units: [number, number, number][] = [];
    prepared.forEach((d, k) => {
      for (const [a, b] of d.sentences) units.push([k, a, b]);
    });
    const rand = random(options.seed);
    this.dropBelow = Math.round((options.dropout ?? 0) * 2 ** 32);
    let model = this.model(options.manifest, 0);
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      for (let k = units.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [units[k], units[j]] = [units[j], units[k]];
      }
      for (const [doc, a, b] of units) {
        const d = prepared[doc];
        const predicted = this.decode(d, a, b, d.blank, this.w, this.trans);
        const target = this.decode(d, a, b, d.mask, this.w, this.trans);
        this.update(d, a, predicted, target);
        this.c++;
      }
      model = this.model(options.manifest, epoch);
      options.onEpoch?.(epoch, model);
    }
    return model;
  }

  /** The averaged weights, pruned and quantised to one signed byte per tag. */
  private model(manifest: Record<string, unknown>, epochs: number): ModelData {
    const { weights, trans } = this.averaged();
    const magnitudes = Float32Array.from(weights, Math.abs)
      .filter(x => x > 0)
      .sort();
    const scale = (magnitudes[magnitudes.length - 1] ?? 1) / 127 || 1;
    const kept: [number, Int8Array][] = [];
    for (const [hash, f] of this.index) {
      const q = new Int8Array(T);
      let any = false;
      for (let t = 0; t < T; t++) {
        q[t] = Math.max(-127, Math.min(127, Math.round(weights[f * T + t] / scale)));
        if (q[t] !== 0) any = true;
      }
      if (any) kept.push([hash, q]);
    }
    kept.sort((x, y) => x[0] - y[0]);
    const features = Uint32Array.from(kept, ([h]) => h);
    const quantised = new Int8Array(kept.length * T);
    kept.forEach(([, q], k) => quantised.set(q, k * T));
    const b64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    return {
      manifest: { ...manifest, epochs, featureCount: kept.length },
      scale,
      features: b64(features),
      weights: b64(quantised),
      transitions: Array.from(trans, x => Math.round(x * 1000) / 1000),
    };
  }
}

/** Token spans "first:last:type" of a tag sequence. */
export function tagSpans(tags: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === O) continue;
    let last = i;
    while (last + 1 < tags.length && isInside(tags[last + 1]) && typeOfTag(tags[last + 1]) === typeOfTag(tags[i])) last++;
    out.push(`${i}:${last}:${typeOfTag(tags[i])}`);
    i = last;
  }
  return out;
}
