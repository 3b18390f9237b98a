// Throughput of the analyzer against bare wink on the same text, in the same process:
// `npm run bench:core [-- FILE.conll]`. Prints figures; it is not a test.
import { analyzeDocument } from '../src/core/recognition/analyzer';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ANALYZER_PIPE } from '../src/core/recognition/wink/winkModel';
import { benchTexts } from './benchCorpus';
import { readWink } from '../src/core/recognition/wink/winkDocument';
import { findLearnedNames } from '../src/core/recognition/learned/learnedNames';
import { ModelData, Tagger } from '../src/core/recognition/learned/tagger';
import modelData from '../src/core/recognition/learned/nerModel.json';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
const docs = benchTexts(process.argv[2]);

// Bare wink: readDoc with wink's default pipeline, as a user of wink would call it.
const nlp = winkNLP(model);
// The same with the analyzer's pipeline (no negation, no sentiment), for reference.
const leanNlp = winkNLP(model, ANALYZER_PIPE);
const tokenCount = docs.reduce((n, d) => n + nlp.readDoc(d).tokens().length(), 0);

/** Tokens per second of one pass over all documents. */
function rate(run: (text: string) => unknown): number {
  const t0 = performance.now();
  for (const d of docs) run(d);
  return tokenCount / ((performance.now() - t0) / 1000);
}

// Rounds alternate between the two so that both see the same machine state; the best round counts.
const bareRun = (d: string): unknown => nlp.readDoc(d);
const leanRun = (d: string): unknown => leanNlp.readDoc(d);
const oursRun = (d: string): unknown => analyzeDocument(d);
const rulesRun = (d: string): unknown => analyzeDocument(d, { recognizer: 'rules' });
// The learned layer alone (features, rule spans as features, tagging, post-rules) on documents already read.
const read = docs.map(d => readWink(d));
let next = 0;
const taggerRun = (): unknown => findLearnedNames(read[next++ % read.length]);
// A worker analyses for a long time: warm the JIT up first (the first rounds of each are slow).
for (let r = 0; r < WARMUP; r++) for (const run of [bareRun, leanRun, oursRun, rulesRun, taggerRun]) rate(run);
let bare = 0;
let lean = 0;
let ours = 0;
let rules = 0;
let tagger = 0;
for (let r = 0; r < ROUNDS; r++) {
  bare = Math.max(bare, rate(bareRun));
  lean = Math.max(lean, rate(leanRun));
  ours = Math.max(ours, rate(oursRun));
  rules = Math.max(rules, rate(rulesRun));
  next = 0;
  tagger = Math.max(tagger, rate(taggerRun));
}
const fmt = (x: number): string => Math.round(x).toLocaleString('en').padStart(10);
console.log(`${docs.length} documents, ${tokenCount.toLocaleString('en')} tokens, best of ${ROUNDS} rounds`);
console.log(`wink readDoc     ${fmt(bare)} tokens/s`);
console.log(`wink lean pipe   ${fmt(lean)} tokens/s  (${ANALYZER_PIPE.join(', ')})`);
console.log(`analyzeDocument  ${fmt(ours)} tokens/s  (learned, the default)`);
console.log(`analyzeDocument  ${fmt(rules)} tokens/s  (recognizer: 'rules')`);
console.log(`learned layer    ${fmt(tagger)} tokens/s  = ${(bare / tagger).toFixed(2)}x the time of a bare readDoc (target <= 0.5)`);
console.log(`ratio            ${(ours / bare).toFixed(2)} vs bare readDoc (target >= 0.75, floor 0.6)`);
console.log(`ratio            ${(ours / lean).toFixed(2)} vs readDoc with the analyzer's pipeline`);

const loadStart = performance.now();
new Tagger(modelData as ModelData);
console.log(`model load: ${Math.round(performance.now() - loadStart)} ms (target <= 150)`);

const t0 = performance.now();
analyzeDocument(`Before ${'z'.repeat(100_000)} after.`);
console.log(`one 100,000-char token: ${Math.round(performance.now() - t0)} ms (target < 1000)`);
