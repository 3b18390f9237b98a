import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeDocument, analyzerVersion } from '../../../../src/core/recognition/analyzer';
import { readWink, endOf } from '../../../../src/core/recognition/wink/winkDocument';
import { findLearnedNames } from '../../../../src/core/recognition/learned/learnedNames';
import { ModelData, Tagger } from '../../../../src/core/recognition/learned/tagger';
import { TOKEN_KEY_WIDTH, docFeatures } from '../../../../src/core/recognition/learned/docFeatures';
import { vocabulary } from '../../../../src/core/recognition/learned/vocabulary';
import { findNamedEntities } from '../../../../src/core/recognition/names/namedEntities';
import modelData from '../../../../src/core/recognition/learned/nerModel.json';
import { Trainer } from '../../../../scripts/nerTrainer';
import { buildDoc } from '../../../../scripts/nerCorpus';

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', '..', 'seeds', '000_a4262604377c852d.txt'), 'utf8');
const TRICKY =
  'PARIS 1996-12-06\nPerth radio station 6PR said the Russia-Ukraine talks in Geneva failed, ' +
  "U.S. President Bill Clinton's aide told Reuters.\nNEW YORK (Reuters) - Shares of IBM rose.\n";

const typedIn = (text: string): string[] => analyzeDocument(text).mentions.map(m => `${m.type} ${m.text}`);

describe('the learned recogniser', () => {
  it('is the default, and stamps analyses apart from the rule layer', () => {
    assert.strictEqual(analyzeDocument('Angela Merkel spoke.').analyzer, analyzerVersion('learned'));
    assert.strictEqual(analyzeDocument('Angela Merkel spoke.', { recognizer: 'rules' }).analyzer, analyzerVersion('rules'));
    assert.notStrictEqual(analyzerVersion('learned'), analyzerVersion('rules'));
  });

  for (const [name, text] of [
    ['the sample', SAMPLE],
    ['datelines and glued words', TRICKY],
  ]) {
    it(`slices back to the text and never starts or ends a name inside a word (${name})`, () => {
      const doc = readWink(text);
      const starts = new Set(doc.starts);
      const ends = new Set(doc.tokens.map((_, i) => endOf(doc, i)));
      const isWordChar = (i: number): boolean => /[\p{L}\p{N}]/u.test(text[i] ?? ' ');
      for (const m of analyzeDocument(text).mentions) {
        assert.strictEqual(m.text, text.slice(m.start, m.end));
        if (m.type === 'PERSON' || m.type === 'ORG' || m.type === 'PLACE' || m.type === 'NORP' || m.type === 'MISC') {
          assert.ok(starts.has(m.start) && ends.has(m.end), `${m.text} on token boundaries`);
          assert.ok(!(isWordChar(m.start - 1) && isWordChar(m.start)), `${m.text} starts inside a word`);
          assert.ok(!(isWordChar(m.end - 1) && isWordChar(m.end)), `${m.text} ends inside a word`);
        }
      }
    });
  }

  it('takes "6PR" (two wink tokens, one word) as one name or none', () => {
    const at = TRICKY.indexOf('6PR');
    const over = analyzeDocument(TRICKY).mentions.filter(m => m.start < at + 3 && at < m.end && m.type !== 'CARDINAL');
    assert.ok(over.length === 0 || (over.length === 1 && over[0].start === at && over[0].end === at + 3), over.map(m => m.text).join(', '));
  });

  it('types the place of a dateline ("PARIS 1996-12-06", "NEW YORK (Reuters) -")', () => {
    const found = typedIn(TRICKY);
    assert.ok(found.includes('PLACE PARIS'), found.join(', '));
    assert.ok(found.includes('PLACE NEW YORK'), found.join(', '));
  });

  it('splits hyphenated known places ("Russia-Ukraine") and leaves titles and possessives out', () => {
    const found = typedIn(TRICKY);
    assert.ok(found.includes('PLACE Russia') && found.includes('PLACE Ukraine'), found.join(', '));
    assert.ok(found.includes('PERSON Bill Clinton'), found.join(', '));
  });

  it('finds people, places and organisations in short texts, names wink splits kept whole', () => {
    const found = [
      'He studied at the University of Oxford before moving to Nairobi with the World Bank.',
      'Turkish President Recep Tayyip Erdoğan met Novak Đoković in Łódź.',
      'She spoke to Imran Khan before she flew to Kabul.',
    ].flatMap(typedIn);
    for (const want of [
      'PLACE Nairobi',
      'ORG World Bank',
      'NORP Turkish',
      'PERSON Recep Tayyip Erdoğan',
      'PERSON Novak Đoković',
      'PERSON Imran Khan',
      'PLACE Kabul',
    ]) {
      assert.ok(found.includes(want), `${want} in ${found.join(', ')}`);
    }
  });

  it('runs no name across a full stop ("Berlin. Petersburg" in the rotated samples of the scale test)', () => {
    const sentences = SAMPLE.split(/(?<=\.)\s+/);
    sentences.forEach((_, k) => {
      const text = [`Report ${k} from Berlin.`, ...sentences.slice(k), ...sentences.slice(0, k)].join(' ');
      const berlin = analyzeDocument(text).mentions.find(m => m.start === text.indexOf('Berlin'));
      assert.strictEqual(`${berlin?.type} ${berlin?.text}`, 'PLACE Berlin', `rotation ${k}`);
    });
  });

  it('gives the same output for the same document, from a freshly loaded model too', () => {
    assert.deepStrictEqual(analyzeDocument(SAMPLE), analyzeDocument(SAMPLE));
    const doc = readWink(TRICKY);
    const fresh = new Tagger(modelData as ModelData);
    assert.deepStrictEqual(findLearnedNames(doc, fresh), findLearnedNames(doc));
    const features = docFeatures(doc, findNamedEntities(doc));
    assert.deepStrictEqual(fresh.tag(doc, features).tags, new Tagger(modelData as ModelData).tag(doc, features).tags);
  });
});

describe("the tagger's word cache", () => {
  it('scores a document alike after the word numbering started over (more than 100,000 words seen)', () => {
    const doc = readWink(TRICKY);
    const tagger = new Tagger(modelData as ModelData);
    const before = tagger.scores(docFeatures(doc, findNamedEntities(doc)));
    const generation = vocabulary.generation;
    // A document of 110,000 distinct words (the other features left empty) fills the vocabulary.
    const n = 110_000;
    const words = Array.from({ length: n }, (_, i) => `Word${i}`);
    vocabulary.reserve(n + 2);
    tagger.scores({
      wordOf: Int32Array.from(words, (_, i) => i),
      words,
      wordIds: Int32Array.from(words, w => vocabulary.id(w)),
      posKeys: new Int32Array(n),
      contextKeys: new Uint32Array(n),
      runKeys: new Uint32Array(n),
      tokenKeys: new Uint32Array(n * TOKEN_KEY_WIDTH),
      hashes: new Uint32Array(0),
      offsets: new Int32Array(n + 1),
    });
    assert.deepStrictEqual(tagger.scores(docFeatures(doc, findNamedEntities(doc))), before);
    assert.strictEqual(vocabulary.generation, generation + 2);
  });
});

describe('the trainer', () => {
  const tokens = (line: string): { word: string; tag: string }[] =>
    line.split(' ').map(t => {
      const [word, tag = 'O'] = t.split('/');
      return { word, tag };
    });
  const corpus = [
    buildDoc([tokens('Anna/B-PER Smith/I-PER visited Oslo/B-LOC with Acme/B-ORG Corp/I-ORG staff .')], true),
    buildDoc([tokens('The Oslo/B-LOC office of Acme/B-ORG hired Peter/B-PER Berg/I-PER .'), tokens('He is Norwegian/B-MISC .')], true),
    buildDoc([tokens('Peter/B-PER flew to Bergen/B-LOC on Monday .')], false),
  ];
  const train = (): string => JSON.stringify(new Trainer().train(corpus, { epochs: 3, minCount: 1, seed: 1, manifest: { date: 'fixed' } }));

  it('writes the same model bytes from the same data', () => {
    const first = train();
    assert.strictEqual(train(), first);
    const model = JSON.parse(first) as ModelData;
    assert.ok((model.manifest.featureCount as number) > 0);
    const doc = readWink('Anna Smith visited Oslo.');
    const names = findLearnedNames(doc, new Tagger(model)).map(c => `${c.type} ${c.surface}`);
    assert.ok(names.includes('PERSON Anna Smith') && names.includes('PLACE Oslo'), names.join(', '));
  });
});
