// Trains the learned name recogniser: `npm run train:ner [-- DIR]` (DIR, or NER_TRAIN_DIR, holds
// the corpora of ../shared/ner-train; see its README for formats and licences). Writes
// src/core/recognition/learned/nerModel.json. Not shipped, not run in CI.
//   NER_EPOCHS (default 8), NER_MIN_COUNT (2), NER_WITH_VALID=1 adds CoNLL valid to the training
//   data (for the final model, once the settings are chosen on it), NER_OUT: another output file.
//   NER_FOLDS (3; 0: no second pass) folds of first-pass models for the stacked history features,
//   NER_HISTORY_EPOCHS (5), NER_HISTORY_RATE (2); NER_CACHE: a folder keeping the first-pass
//   models between runs (for experiments on the second pass alone).
// WikiGold (../ner-dev) is never trained on: it is scored after each epoch as a clean measure.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { GoldDoc, readCorpus } from './nerCorpus';
import { Trainer, TrainOptions } from './nerTrainer';
import { HistoryTrainer } from './historyTrainer';
import { formatScores, overallF1, scoreDocs } from './nerScore';
import { ModelData, Tagger } from '../src/core/recognition/learned/tagger';
import { findLearnedNames } from '../src/core/recognition/learned/learnedNames';
import { linkEntities } from '../src/core/recognition/names/entityLinking';
import { readWink, endOf } from '../src/core/recognition/wink/winkDocument';

const dir = process.argv[2] ?? process.env.NER_TRAIN_DIR ?? join(__dirname, '..', '..', 'shared', 'ner-train');
const wikigold = join(dir, '..', 'ner-dev', 'wikigold.conll');
const out = process.env.NER_OUT ?? join(__dirname, '..', 'src', 'core', 'recognition', 'learned', 'nerModel.json');
const epochs = Number(process.env.NER_EPOCHS ?? 8);
const minCount = Number(process.env.NER_MIN_COUNT ?? 2);
const withValid = process.env.NER_WITH_VALID === '1';
const folds = Number(process.env.NER_FOLDS ?? 3);
const historyEpochs = Number(process.env.NER_HISTORY_EPOCHS ?? 5);
const historyRate = Number(process.env.NER_HISTORY_RATE ?? 2);
const cache = process.env.NER_CACHE;

/** [path under dir, annotates MISC]. BTC and SEC annotate no MISC; WNUT-17 not CoNLL's (nationalities, events). */
const SOURCES: [string, boolean][] = [
  ['conll2003/train.txt', true],
  ...(withValid ? [['conll2003/valid.txt', true] as [string, boolean]] : []),
  ['uner/ewt-train.iob2', true],
  ...readdirSync(join(dir, 'btc'))
    .sort()
    .map((f): [string, boolean] => [`btc/${f}`, false]),
  ['wnut17/train.conll', false],
  ['wnut17/dev.conll', false],
  ['wnut17/test.conll', false],
  ['sec/train_FIN5.txt', false],
  ['sec/test_FIN3.txt', false],
];

const t0 = performance.now();
const docs: GoldDoc[] = [];
for (const [path, misc] of SOURCES) docs.push(...readCorpus(join(dir, path), misc));
const dev: [string, GoldDoc[], ('PER' | 'ORG' | 'LOC' | 'MISC')[]][] = [
  [
    `CoNLL-2003 valid${withValid ? ' (trained on)' : ''}`,
    readCorpus(join(dir, 'conll2003/valid.txt'), true),
    ['PER', 'ORG', 'LOC', 'MISC'],
  ],
  ['UNER EWT dev (PER/ORG/LOC)', readCorpus(join(dir, 'uner/ewt-dev.iob2'), true), ['PER', 'ORG', 'LOC']],
  ...(existsSync(wikigold)
    ? [
        ['WikiGold (not trained on)', readCorpus(wikigold, true), ['PER', 'ORG', 'LOC', 'MISC']] as [
          string,
          GoldDoc[],
          ('PER' | 'ORG' | 'LOC' | 'MISC')[],
        ],
      ]
    : []),
];
console.log(`${docs.length} training documents from ${SOURCES.length} files`);

const devScores: Record<string, number> = {};
/** Scores the dev sets with `data`, into devScores; `verbose`: with the tables. */
function evaluate(data: ModelData, label: string, verbose: boolean): void {
  const tagger = new Tagger(data);
  const predict = (text: string): { start: number; end: number; type: string }[] => {
    const wink = readWink(text);
    return linkEntities(findLearnedNames(wink, tagger), true).map(e => ({
      start: wink.starts[e.first],
      end: endOf(wink, e.last),
      type: e.type,
    }));
  };
  const line = [`${label} (${Math.round((performance.now() - t0) / 1000)} s)`];
  for (const [name, set, types] of dev) {
    const scores = scoreDocs(set, predict, types);
    devScores[name] = Math.round(overallF1(scores) * 1000) / 1000;
    line.push(`${name} ${devScores[name]}`);
    if (verbose) console.log(`${name}\n${formatScores(scores)}\n`);
  }
  console.log(line.join('  '));
}

/** A first-pass model, read from NER_CACHE when it was trained with the same settings. */
function firstPass(name: string, training: GoldDoc[], options: TrainOptions): ModelData {
  const file = cache && join(cache, `${name}-${training.length}-${epochs}-${minCount}${withValid ? '-valid' : ''}.json`);
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ModelData;
  const model = new Trainer().train(training, options);
  if (file) {
    mkdirSync(cache as string, { recursive: true });
    writeFileSync(file, JSON.stringify(model));
  }
  return model;
}

const options: TrainOptions = {
  epochs,
  minCount,
  seed: 14,
  manifest: {
    sources: SOURCES.map(([p]) => p),
    features:
      'word types at -2..+2 (word, lower, shapes, affixes, cue words, gazetteers); POS -2..+2 and bigrams; line class; sentence and line start; document case evidence; gazetteer and rule-layer spans; wink entities; shape trigram',
    minCount,
    date: new Date().toISOString().slice(0, 10),
  },
};
let model = firstPass('full', docs, { ...options, onEpoch: (epoch, data) => evaluate(data, `epoch ${epoch}`, epoch === epochs && !folds) });
if (folds === 0 && Object.keys(devScores).length === 0) evaluate(model, 'cached', true);
if (folds > 0) {
  // Fold k holds every folds-th document: each corpus is spread over all folds.
  const history = new HistoryTrainer();
  for (let k = 0; k < folds; k++) {
    const held = docs.filter((_, d) => d % folds === k);
    const fold = firstPass(
      `fold${k}of${folds}`,
      docs.filter((_, d) => d % folds !== k),
      options,
    );
    const tagger = new Tagger(fold);
    for (const doc of held) history.add(doc, tagger);
    console.log(`fold ${k + 1}/${folds} tagged (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
  evaluate(model, 'first pass', false);
  history.train(historyEpochs, 14, historyRate);
  model = history.merge(model);
  model.manifest.features += `; second pass: the first pass's majority label and name positions of each capitalised word and recurring capitalised run elsewhere in the document (stacked over ${folds} folds, ${historyEpochs} epochs)`;
  evaluate(model, 'second pass', true);
}
model.manifest.devScores = devScores;
const json = JSON.stringify(model);
writeFileSync(out, json);
console.log(
  `wrote ${out}: ${(json.length / 1e6).toFixed(2)} MB, ${model.manifest.featureCount} features, ${Math.round((performance.now() - t0) / 1000)} s`,
);
