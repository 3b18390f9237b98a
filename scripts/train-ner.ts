// Trains the learned name recogniser: `npm run train:ner [-- DIR]` (DIR, or NER_TRAIN_DIR, holds
// the corpora of ../shared/ner-train; see its README for formats and licences). Writes
// src/core/recognition/learned/nerModel.json. Not shipped, not run in CI.
//   NER_EPOCHS (default 8), NER_MIN_COUNT (2), NER_WITH_VALID=1 adds CoNLL valid to the training
//   data (for the final model, once the settings are chosen on it), NER_OUT: another output file.
//   Experiments: NER_WEIGHTS=btc=0.5,conll2003=2 (how much a source's errors count, by path prefix),
//   NER_PARTIAL=0 (no partial labels: an O is O even where the corpus has no MISC), NER_DROPOUT=0.1
//   (the share of features hidden from each training sentence).
// WikiGold (../ner-dev) is never trained on: it is scored after each epoch as a clean measure.
import { existsSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { GoldDoc, readCorpus } from './nerCorpus';
import { Trainer } from './nerTrainer';
import { formatScores, overallF1, scoreDocs } from './nerScore';
import { Tagger } from '../src/core/recognition/learned/tagger';
import { findLearnedNames } from '../src/core/recognition/learned/learnedNames';
import { linkEntities } from '../src/core/recognition/names/entityLinking';
import { readWink, endOf } from '../src/core/recognition/wink/winkDocument';

const dir = process.argv[2] ?? process.env.NER_TRAIN_DIR ?? join(__dirname, '..', '..', 'shared', 'ner-train');
const wikigold = join(dir, '..', 'ner-dev', 'wikigold.conll');
const out = process.env.NER_OUT ?? join(__dirname, '..', 'src', 'core', 'recognition', 'learned', 'nerModel.json');
const epochs = Number(process.env.NER_EPOCHS ?? 8);
const minCount = Number(process.env.NER_MIN_COUNT ?? 2);
const withValid = process.env.NER_WITH_VALID === '1';
const partial = process.env.NER_PARTIAL !== '0';
const dropout = Number(process.env.NER_DROPOUT ?? 0);
const weights = (process.env.NER_WEIGHTS ?? '')
  .split(',')
  .filter(Boolean)
  .map(w => w.split('='))
  .map(([prefix, weight]): [string, number] => [prefix, Number(weight)]);
const weightOf = (path: string): number => weights.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 1;

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
for (const [path, misc] of SOURCES) {
  for (const doc of readCorpus(join(dir, path), misc || !partial)) docs.push({ ...doc, weight: weightOf(path) });
}
const dev: [string, GoldDoc[], ('PER' | 'ORG' | 'LOC' | 'MISC')[]][] = [
  ['CoNLL-2003 valid', readCorpus(join(dir, 'conll2003/valid.txt'), true), ['PER', 'ORG', 'LOC', 'MISC']],
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
const trainer = new Trainer();
const model = trainer.train(docs, {
  epochs,
  minCount,
  seed: 14,
  dropout,
  manifest: {
    sources: SOURCES.map(([p]) => p),
    features:
      'word types at -2..+2 (word, lower case (all-capitals words apart), shapes, affixes, cue words, gazetteers); POS -2..+2 and bigrams; line class; sentence and line start; document case evidence; gazetteer and rule-layer spans; wink entities; shape trigram; runs of capitalised words (first and last word, length, place, head-word and title cues shared across the document, longer runs with the same word)',
    minCount,
    date: new Date().toISOString().slice(0, 10),
  },
  onEpoch: (epoch, data) => {
    const tagger = new Tagger(data);
    const predict = (text: string): { start: number; end: number; type: string }[] => {
      const wink = readWink(text);
      return linkEntities(findLearnedNames(wink, tagger), true).map(e => ({
        start: wink.starts[e.first],
        end: endOf(wink, e.last),
        type: e.type,
      }));
    };
    const line = [`epoch ${epoch} (${Math.round((performance.now() - t0) / 1000)} s)`];
    for (const [name, set, types] of dev) {
      const scores = scoreDocs(set, predict, types);
      devScores[name] = Math.round(overallF1(scores) * 1000) / 1000;
      line.push(`${name} ${devScores[name]}`);
      if (epoch === epochs) console.log(`${name}\n${formatScores(scores)}\n`);
    }
    console.log(line.join('  '));
  },
});
model.manifest.devScores = devScores;
const json = JSON.stringify(model);
writeFileSync(out, json);
console.log(
  `wrote ${out}: ${(json.length / 1e6).toFixed(2)} MB, ${model.manifest.featureCount} features, ${Math.round((performance.now() - t0) / 1000)} s`,
);
