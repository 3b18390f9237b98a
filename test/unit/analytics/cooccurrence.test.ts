import * as assert from 'assert';
import { signedLogLikelihood } from '../../../src/core/analytics/association';
import { cooccurrenceNetwork, sharedSentences } from '../../../src/core/analytics/cooccurrence';
import { PUTIN, XI, analysedIndex, handMadeIndex, seedTexts } from './corpus';

describe('analytics: co-occurrence network', () => {
  it('links Xi Jinping and Vladimir Putin in the seed copies, pairs ordered by id, best score first', () => {
    const { measure, edges } = cooccurrenceNetwork(analysedIndex(seedTexts()));
    assert.strictEqual(measure, 'log-likelihood');
    const edge = edges.find(e => e.a === PUTIN && e.b === XI);
    assert.ok(edge, 'an edge Putin–Xi');
    assert.strictEqual(edge.documents, 3);
    assert.strictEqual(edge.sentences % 3, 0, 'as many shared sentences in each copy');
    for (const e of edges) assert.ok(e.a < e.b, `${e.a} < ${e.b}`);
    for (let i = 1; i < edges.length; i++) assert.ok(edges[i - 1].score >= edges[i].score);
  });

  it('counts shared sentences and documents and scores them over all sentences', () => {
    const index = handMadeIndex(
      {
        'a.txt': 'Alice met Bob. Alice met Bob again. Carol stayed home. Dave and Alice talked.',
        'b.txt': 'Bob met Carol. Carol came. Carol left.',
      },
      ['Alice', 'Bob', 'Carol', 'Dave'],
    );
    // 7 sentences: Alice in 3, Bob in 3, both in 2; Carol in 4.
    const { edges } = cooccurrenceNetwork(index);
    const byPair = new Map(edges.map(e => [`${e.a}+${e.b}`, e]));
    assert.deepStrictEqual([...byPair.keys()].sort(), ['PERSON:alice+PERSON:bob', 'PERSON:alice+PERSON:dave', 'PERSON:bob+PERSON:carol']);
    assert.deepStrictEqual(byPair.get('PERSON:alice+PERSON:bob'), {
      a: 'PERSON:alice',
      b: 'PERSON:bob',
      sentences: 2,
      documents: 1,
      score: signedLogLikelihood({ k11: 2, k12: 1, k21: 1, k22: 3 }),
    });
    // Bob and Carol share 1 sentence where chance predicts 3 × 4 / 7: a negative score.
    assert.strictEqual(byPair.get('PERSON:bob+PERSON:carol')!.score, signedLogLikelihood({ k11: 1, k12: 2, k21: 3, k22: 1 }));
    assert.ok(byPair.get('PERSON:bob+PERSON:carol')!.score < 0);

    assert.deepStrictEqual(
      cooccurrenceNetwork(index, 2).edges.map(e => [e.a, e.b]),
      [['PERSON:alice', 'PERSON:bob']],
    );
  });
});

describe('analytics: shared sentences', () => {
  it('lists the sentences holding both entities, as many as the edge counts, with mentions that slice back to the names', () => {
    const texts = seedTexts();
    const index = analysedIndex(texts);
    const edge = cooccurrenceNetwork(index).edges.find(e => e.a === PUTIN && e.b === XI)!;
    const shared = sharedSentences(index, XI, PUTIN);
    assert.strictEqual(shared.length, edge.sentences);
    assert.deepStrictEqual([...new Set(shared.map(s => s.docId))], ['feb.txt', 'jan.txt', 'mar.txt']);
    for (const s of shared) {
      const text = texts[s.docId];
      const sentence = text.slice(s.start, s.end);
      assert.ok(/Xi|Jinping/.test(sentence) && sentence.includes('Putin'), sentence);
      assert.deepStrictEqual([...new Set(s.mentions.map(m => m.entityId))].sort(), [PUTIN, XI]);
      for (const m of s.mentions) {
        assert.ok(m.start >= s.start && m.start < s.end, 'the mention starts in the sentence');
        assert.strictEqual(text.slice(m.start, m.end), m.text);
        assert.match(m.text, m.entityId === XI ? /Xi|Jinping/ : /Putin/);
      }
    }
    assert.deepStrictEqual(sharedSentences(index, PUTIN, XI), shared, 'either order');
    assert.deepStrictEqual(sharedSentences(index, XI, PUTIN, 2), shared.slice(0, 2));
  });

  it('counts a sentence once however many times it names each, and none for unknown or identical ids', () => {
    const index = handMadeIndex({ 'a.txt': 'Alice met Bob and Alice. Bob left. Alice stayed.' }, ['Alice', 'Bob']);
    const shared = sharedSentences(index, 'PERSON:alice', 'PERSON:bob');
    assert.deepStrictEqual(
      shared.map(s => [s.start, s.end, s.mentions.map(m => m.text)]),
      [[0, 24, ['Alice', 'Bob', 'Alice']]],
    );
    assert.deepStrictEqual(sharedSentences(index, 'PERSON:alice', 'PERSON:nobody'), []);
    assert.deepStrictEqual(sharedSentences(index, 'PERSON:alice', 'PERSON:alice'), []);
  });
});
