// Stacked training of the second pass (history features, see src/core/.../history.ts). Each
// training document is tagged by a first-pass model that never saw it (cross-validation folds),
// so the history weights learn how far to trust first-pass tags as they are on unseen text, not
// as they are on text the model has learnt by heart. The first pass's weights stay as they are:
// only the history features' weights are learnt, on top of its scores, and the tagger re-decodes.
import { readWink } from '../src/core/recognition/wink/winkDocument';
import { findNamedEntities } from '../src/core/recognition/names/namedEntities';
import { docFeatures } from '../src/core/recognition/learned/docFeatures';
import { HISTORY_FEATURES, historyFeatures, historyHash } from '../src/core/recognition/learned/history';
import { O, TAG_COUNT, viterbi } from '../src/core/recognition/learned/tagset';
import { ModelData, Tagger, blankMask } from '../src/core/recognition/learned/tagger';
import { GoldDoc } from './nerCorpus';
import { goldTags, random, targetMask } from './nerTrainer';

const T = TAG_COUNT;

interface Stacked {
  /** The held-out first pass's scores (real units) and transitions. */
  scores: Float64Array;
  transitions: Float64Array;
  feats: Int32Array;
  offsets: Int32Array;
  mask: Uint16Array;
  blank: Uint16Array;
  sentences: [number, number][];
}

export class HistoryTrainer {
  private readonly docs: Stacked[] = [];
  private w = new Float64Array(0);
  private u = new Float64Array(0);
  private c = 1;

  /** Adds a document as tagged by `firstPass`, a model not trained on it. */
  add(doc: GoldDoc, firstPass: Tagger): void {
    const wink = readWink(doc.text);
    const f = docFeatures(wink, findNamedEntities(wink));
    const scores = firstPass.scores(f);
    const blank = blankMask(wink);
    const tags = viterbi(scores, wink.tokens.length, firstPass.transitions, blank);
    const { ids, offsets } = historyFeatures(wink, f, tags);
    const feats = Int32Array.from(ids);
    const mask = targetMask(goldTags(wink.starts, doc), blank, doc.annotatesMisc);
    const sentences = wink.sentences.map((s): [number, number] => [s.first, s.last]);
    this.docs.push({ scores, transitions: firstPass.transitions, feats, offsets, mask, blank, sentences });
  }

  private decode(d: Stacked, a: number, b: number, mask: Uint16Array): Uint8Array {
    const scores = d.scores.slice(a * T, (b + 1) * T);
    for (let i = a; i <= b; i++) {
      for (let k = d.offsets[i]; k < d.offsets[i + 1]; k++) {
        for (let t = 0; t < T; t++) scores[(i - a) * T + t] += this.w[d.feats[k] * T + t];
      }
    }
    return viterbi(scores, b - a + 1, d.transitions, mask.subarray(a, b + 1), a === 0 ? T : O);
  }

  private update(d: Stacked, a: number, predicted: Uint8Array, target: Uint8Array, rate: number): void {
    for (let k = 0; k < predicted.length; k++) {
      const p = predicted[k];
      const g = target[k];
      if (p === g) continue;
      const i = a + k;
      for (let j = d.offsets[i]; j < d.offsets[i + 1]; j++) {
        const f = d.feats[j] * T;
        this.w[f + g] += rate;
        this.u[f + g] += rate * this.c;
        this.w[f + p] -= rate;
        this.u[f + p] -= rate * this.c;
      }
    }
  }

  /** Averaged perceptron over the sentences, in a fixed-seed order; `rate`: a step in score units. */
  train(epochs: number, seed: number, rate: number): void {
    this.w = new Float64Array(HISTORY_FEATURES * T);
    this.u = new Float64Array(HISTORY_FEATURES * T);
    this.c = 1;
    const units: [number, number, number][] = [];
    this.docs.forEach((d, k) => {
      for (const [a, b] of d.sentences) if (d.offsets[b + 1] > d.offsets[a]) units.push([k, a, b]);
    });
    const rand = random(seed);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (let k = units.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [units[k], units[j]] = [units[j], units[k]];
      }
      for (const [doc, a, b] of units) {
        const d = this.docs[doc];
        this.update(d, a, this.decode(d, a, b, d.blank), this.decode(d, a, b, d.mask), rate);
        this.c++;
      }
    }
  }

  /** `model` with the averaged history weights added, quantised at its scale, and its second pass on. */
  merge(model: ModelData): ModelData {
    const keys = new Uint32Array(Buffer.from(model.features, 'base64').buffer.slice(0));
    const weights = new Int8Array(Buffer.from(model.weights, 'base64').buffer.slice(0));
    const rows = new Map<number, Int8Array>();
    keys.forEach((h, k) => rows.set(h, weights.slice(k * T, (k + 1) * T)));
    let added = 0;
    for (let f = 0; f < HISTORY_FEATURES; f++) {
      const h = historyHash(f);
      const row = rows.get(h) ?? new Int8Array(T);
      let any = false;
      for (let t = 0; t < T; t++) {
        const w = this.w[f * T + t] - this.u[f * T + t] / this.c;
        row[t] = Math.max(-127, Math.min(127, row[t] + Math.round(w / model.scale)));
        if (row[t] !== 0) any = true;
      }
      if (!any || rows.has(h)) continue;
      rows.set(h, row);
      added++;
    }
    const sorted = [...rows.keys()].sort((x, y) => x - y);
    const quantised = new Int8Array(sorted.length * T);
    sorted.forEach((h, k) => quantised.set(rows.get(h) as Int8Array, k * T));
    const b64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    return {
      ...model,
      manifest: { ...model.manifest, featureCount: sorted.length, historyFeatures: added },
      features: b64(Uint32Array.from(sorted)),
      weights: b64(quantised),
      secondPass: true,
    };
  }
}
