import * as assert from 'assert';
import { collocates, spansNear } from '../../../src/core/analytics/collocates';
import { mutualInformation, signedLogLikelihood } from '../../../src/core/analytics/association';
import { STOP_WORDS, words } from '../../../src/core/analytics/words';
import { XI, analysedIndex, handMade, handMadeIndex, seedTexts } from './corpus';

describe('analytics: collocates', () => {
  const TEXTS = {
    'a.txt': 'The cat saw Alice near the red barn. Then a dog chased Alice home quickly.',
    'b.txt': 'The cat and the dog slept.',
  };
  const ALICE = 'PERSON:alice';

  it('counts the words within the window either side of each mention, not the mention’s own', () => {
    const result = collocates(handMadeIndex(TEXTS, ['Alice']), ALICE, { window: 2, keepStopwords: true });
    assert.strictEqual(result.entity, ALICE);
    assert.strictEqual(result.window, 2);
    assert.deepStrictEqual(result.rows.map(r => r.word).sort(), ['cat', 'chased', 'dog', 'home', 'near', 'quickly', 'saw', 'the']);
    assert.ok(result.rows.every(r => r.count === 1));
    for (let i = 1; i < result.rows.length; i++) assert.ok(result.rows[i - 1].llr >= result.rows[i].llr);
  });

  it('scores each word against its frequency in the whole corpus', () => {
    // 19 words besides Alice's, 8 of them in windows; "cat" once in a window, twice in all.
    const cat = collocates(handMadeIndex(TEXTS, ['Alice']), ALICE, { window: 2 }).rows.find(r => r.word === 'cat');
    const table = { k11: 1, k12: 7, k21: 1, k22: 10 };
    assert.deepStrictEqual(cat, { word: 'cat', count: 1, llr: signedLogLikelihood(table), mi: mutualInformation(table) });
  });

  it('spansNear: the mentions whose window holds the collocate, as collocates counts windows', () => {
    const index = handMadeIndex({ 'a.txt': 'Alice fed the cat. Later, far away, Alice slept.' }, ['Alice']);
    const spans = index.spansIn('a.txt', ALICE);
    const near = (word: string, window: number) => spansNear(index, 'a.txt', ALICE, spans, word, window).map(s => s.start);
    const [first, second] = spans.map(s => s.start);
    assert.deepStrictEqual(near('cat', 3), [first], 'three words right of the first');
    assert.deepStrictEqual(near('cat', 2), [], 'out of a window of two');
    assert.deepStrictEqual(near('away', 2), [second], 'left of the second');
    assert.deepStrictEqual(near('slept', 1), [second]);
    assert.deepStrictEqual(near('alice', 5), [], 'never the entity’s own words');
    // On the seed: every collocate of Xi Jinping is near at least one mention, and at most `count` of them.
    const seed = analysedIndex(seedTexts());
    for (const { word, count } of collocates(seed, XI, { window: 3 }).rows) {
      const found = seed.documentsMentioning(XI).flatMap(d => spansNear(seed, d, XI, seed.spansIn(d, XI), word, 3));
      assert.ok(found.length >= 1 && found.length <= count, `${word}: ${found.length} mentions for ${count}`);
    }
  });

  it('drops stop words unless asked to keep them', () => {
    const index = handMadeIndex(TEXTS, ['Alice']);
    assert.ok(!collocates(index, ALICE, { window: 2 }).rows.some(r => r.word === 'the'));
    assert.ok(collocates(index, ALICE, { window: 2, keepStopwords: true }).rows.some(r => r.word === 'the'));
  });

  it('follows the corpus as documents come, change and go (its word counts are kept per index)', () => {
    const index = handMadeIndex(TEXTS, ['Alice']);
    const cat = () => collocates(index, ALICE, { window: 2 }).rows.find(r => r.word === 'cat');
    const fresh = (texts: Record<string, string>) =>
      collocates(handMadeIndex(texts, ['Alice']), ALICE, { window: 2 }).rows.find(r => r.word === 'cat');
    assert.deepStrictEqual(cat(), fresh(TEXTS));
    const more = { ...TEXTS, 'c.txt': 'A cat, a cat, a cat.' };
    index.setDocument('c.txt', more['c.txt'], handMade(more['c.txt'], ['Alice']));
    assert.deepStrictEqual(cat(), fresh(more), 'a new document counts');
    assert.notDeepStrictEqual(fresh(more), fresh(TEXTS), 'and changes the score');
    index.removeDocument('c.txt');
    assert.deepStrictEqual(cat(), fresh(TEXTS), 'a removed one no longer does');
  });

  it('leaves out the date header: its "date" is no word near a mention at the text’s start', () => {
    const index = handMadeIndex({ 'a.txt': 'date 2023-01-05\nAlice slept. The date was set.' }, ['Alice']);
    const rows = collocates(index, ALICE, { window: 5 }).rows;
    assert.deepStrictEqual(rows.map(r => r.word).sort(), ['date', 'set', 'slept']);
    const date = rows.find(r => r.word === 'date')!;
    assert.strictEqual(date.count, 1, 'the sentence’s "date" only');
    assert.deepStrictEqual(spansNear(index, 'a.txt', ALICE, index.spansIn('a.txt', ALICE), 'date', 1), [], 'not the header’s');
  });

  it('counts a word in two overlapping windows once', () => {
    const rows = collocates(handMadeIndex({ 'a.txt': 'Alice met Alice today.' }, ['Alice']), ALICE, { window: 1 }).rows;
    assert.deepStrictEqual(rows.map(r => [r.word, r.count]).sort(), [
      ['met', 1],
      ['today', 1],
    ]);
  });

  it('lists plain words around Xi Jinping in the seed, not only entity names', () => {
    const index = analysedIndex(seedTexts());
    const { window, rows } = collocates(index, XI);
    assert.strictEqual(window, 5);
    const named = new Set(index.documentIds().flatMap(id => index.mentionsIn(id).flatMap(m => words(m.text).map(w => w.form))));
    assert.ok(
      rows.some(r => !named.has(r.word)),
      'a word outside every entity name',
    );
    assert.ok(!rows.some(r => r.word === 'jinping' || r.word === 'xi'));
    assert.ok(!rows.some(r => STOP_WORDS.has(r.word)));
    assert.ok(collocates(index, XI, { keepStopwords: true }).rows.some(r => STOP_WORDS.has(r.word)));
  });
});
