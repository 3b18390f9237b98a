// Entity-level evaluation of the named-entity layer, exact span and type, per type, with a
// summary of the errors: `npm run eval:ner [-- --recognizer learned|rules] [FILE.conll ...]`.
// Without files: CoNLL-2003 valid, UNER EWT dev (PER/ORG/LOC) and WikiGold, from ../shared
// (NER_TRAIN_DIR overrides ../shared/ner-train). NER_MODEL: a model file to score instead of the
// shipped one (train-ner's NER_OUT), so experiments leave the shipped model alone.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { analyzeDocument } from '../src/core/recognition/analyzer';
import { RECOGNIZERS, Recognizer } from '../src/core/types';
import { GOLD_TYPES, GoldType, readCorpus } from './nerCorpus';
import { formatScores, scoreDocs } from './nerScore';
import { useLearnedModel } from '../src/core/recognition/learned/learnedNames';

const args = process.argv.slice(2);
const at = args.indexOf('--recognizer');
const recognizer = (at >= 0 ? args.splice(at, 2)[1] : 'learned') as Recognizer;
if (!RECOGNIZERS.includes(recognizer)) {
  console.error(`usage: npm run eval:ner -- [--recognizer ${RECOGNIZERS.join('|')}] [FILE.conll ...]`);
  process.exit(2);
}

if (process.env.NER_MODEL) useLearnedModel(JSON.parse(readFileSync(process.env.NER_MODEL, 'utf8')));

const train = process.env.NER_TRAIN_DIR ?? join(__dirname, '..', '..', 'shared', 'ner-train');
const sets: [string, GoldType[]][] =
  args.length > 0
    ? args.map((f): [string, GoldType[]] => [f, [...GOLD_TYPES]])
    : [
        [join(train, 'conll2003', 'valid.txt'), [...GOLD_TYPES]],
        [join(train, 'uner', 'ewt-dev.iob2'), ['PER', 'ORG', 'LOC']],
        [join(train, '..', 'ner-dev', 'wikigold.conll'), [...GOLD_TYPES]],
      ];

for (const [path, types] of sets) {
  if (!existsSync(path)) {
    console.log(`${path}: not found, skipped\n`);
    continue;
  }
  const docs = readCorpus(path, true);
  const t0 = performance.now();
  const scores = scoreDocs(docs, text => analyzeDocument(text, { documentDate: null, recognizer }).mentions, types);
  console.log(
    `${path} (${types.join('/')}), --recognizer ${recognizer}: ${docs.length} documents, ${Math.round(performance.now() - t0)} ms`,
  );
  console.log(`${formatScores(scores)}\n`);
}
