import * as assert from 'assert';
import { readWink } from '../../../../src/core/recognition/wink/winkDocument';
import { docFeatures } from '../../../../src/core/recognition/learned/docFeatures';
import { findNamedEntities } from '../../../../src/core/recognition/names/namedEntities';
import { historyFeatures, majorityId, runId, seenId } from '../../../../src/core/recognition/learned/history';
import { beginOf, insideOf, viterbi } from '../../../../src/core/recognition/learned/tagset';
import { ModelData, Tagger, blankMask } from '../../../../src/core/recognition/learned/tagger';
import { findLearnedNames } from '../../../../src/core/recognition/learned/learnedNames';
import modelData from '../../../../src/core/recognition/learned/nerModel.json';
import { HistoryTrainer } from '../../../../scripts/historyTrainer';
import { buildDoc } from '../../../../scripts/nerCorpus';

const PER = 0;
const LOC = 2;
// Positions in a name: alone, first, inside, last.
const LAST = 3;

const TEXT = 'John Smith met the Mayor in New York.\nSmith left New York on Monday.\nThe Mayor was glad.';

/** The document, and the first-pass tags given as [token index, tag] pairs (the rest O). */
function tagged(pairs: [string, number, number][]): { doc: ReturnType<typeof readWink>; tags: Uint8Array } {
  const doc = readWink(TEXT);
  const tags = new Uint8Array(doc.tokens.length);
  for (const [word, occurrence, tag] of pairs) {
    const at = doc.tokens.flatMap((t, i) => (t === word ? [i] : []))[occurrence];
    tags[at] = tag;
  }
  return { doc, tags };
}

function featuresAt(doc: ReturnType<typeof readWink>, tags: Uint8Array, word: string, occurrence: number): number[] {
  const { ids, offsets } = historyFeatures(doc, docFeatures(doc, findNamedEntities(doc)), tags);
  const at = doc.tokens.flatMap((t, i) => (t === word ? [i] : []))[occurrence];
  return Array.from(ids.subarray(offsets[at], offsets[at + 1])).sort((a, b) => a - b);
}

describe('the history features of the second pass', () => {
  // First pass: "John Smith" a person, the first "New York" a place; the second "Smith" and "New York" missed.
  const { doc, tags } = tagged([
    ['John', 0, beginOf(PER)],
    ['Smith', 0, insideOf(PER)],
    ['New', 0, beginOf(LOC)],
    ['York', 0, insideOf(LOC)],
  ]);

  it("gives a word the other occurrences' majority label and the types and positions they had", () => {
    // The second "Smith": its one other occurrence is the last word of a person's name.
    const start = doc.sentenceStart[doc.tokens.lastIndexOf('Smith')];
    assert.deepStrictEqual(featuresAt(doc, tags, 'Smith', 1), [majorityId(1 + PER, 2, start), seenId(PER, LAST)]);
  });

  it("never counts a token's own tag", () => {
    // The first "Smith" was in a name itself, but its only other occurrence was not.
    assert.deepStrictEqual(featuresAt(doc, tags, 'Smith', 0), [majorityId(0, 2, 0)]);
  });

  it('gives a recurring run of capitalised words the tags of its other occurrences, place by place', () => {
    const york = featuresAt(doc, tags, 'New', 1);
    assert.ok(york.includes(runId(beginOf(LOC), true)), york.join());
    assert.ok(featuresAt(doc, tags, 'York', 1).includes(runId(insideOf(LOC), true)));
  });

  it('says nothing of words the first pass never put in a name ("The", "Mayor")', () => {
    assert.deepStrictEqual(featuresAt(doc, tags, 'Mayor', 1), []);
    assert.deepStrictEqual(featuresAt(doc, tags, 'The', 0), []);
    assert.deepStrictEqual(featuresAt(doc, tags, 'met', 0), []);
  });
});

describe('the second pass', () => {
  const text = `${TEXT}\n\nMr Smith met Anna Berg of Acme Corp in Oslo. Berg and Smith went back to Oslo.\nAcme Corp said so.`;

  it('is deterministic, from a freshly loaded model too', () => {
    const doc = readWink(text);
    const features = docFeatures(doc, findNamedEntities(doc));
    const shipped = new Tagger(modelData as ModelData);
    const first = shipped.tag(doc, features);
    assert.deepStrictEqual(shipped.tag(doc, features), first);
    assert.deepStrictEqual(new Tagger(modelData as ModelData).tag(doc, features), first);
    assert.deepStrictEqual(findLearnedNames(doc, shipped), findLearnedNames(doc, new Tagger(modelData as ModelData)));
  });

  it('decodes only the lines whose scores changed, with the same tags as decoding the whole document', () => {
    const doc = readWink(text);
    const features = docFeatures(doc, findNamedEntities(doc));
    const { tags, scores } = new Tagger(modelData as ModelData).tag(doc, features);
    const tagger = new Tagger(modelData as ModelData);
    assert.deepStrictEqual(tags, viterbi(scores, doc.tokens.length, tagger.transitions, blankMask(doc)));
  });

  it('is trained into the same model bytes from the same data', () => {
    const corpus = [
      buildDoc(
        [
          [
            { word: 'Smith', tag: 'B-PER' },
            { word: 'spoke', tag: 'O' },
            { word: '.', tag: 'O' },
          ],
        ],
        true,
      ),
      buildDoc(
        [
          [
            { word: 'Smith', tag: 'B-PER' },
            { word: 'met', tag: 'O' },
            { word: 'Smith', tag: 'B-PER' },
          ],
        ],
        true,
      ),
    ];
    const train = (): string => {
      const history = new HistoryTrainer();
      for (const d of corpus) history.add(d, new Tagger(modelData as ModelData));
      history.train(2, 1, 2);
      return JSON.stringify(history.merge(modelData as ModelData));
    };
    const first = train();
    assert.strictEqual(train(), first);
    assert.strictEqual((JSON.parse(first) as ModelData).secondPass, true);
  });
});
