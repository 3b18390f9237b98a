import * as assert from 'assert';
import { dispersion } from '../../../src/core/analytics/dispersion';
import { XI, analysedIndex, handMadeIndex, seedTexts } from './corpus';

describe('analytics: dispersion', () => {
  it('has a row per document, by path, with mention starts over the length', () => {
    const texts = seedTexts();
    const index = analysedIndex(texts);
    const result = dispersion(index, XI);
    assert.strictEqual(result.entity, XI);
    assert.deepStrictEqual(
      result.documents.map(d => d.path),
      Object.keys(texts).sort(),
    );
    for (const row of result.documents) {
      assert.strictEqual(row.length, texts[row.path].length);
      const starts = index
        .mentionsIn(row.path)
        .filter(m => m.entityId === XI)
        .map(m => m.start);
      assert.deepStrictEqual(
        row.positions,
        starts.map(start => start / row.length),
      );
      assert.ok(row.positions.every(p => p >= 0 && p < 1));
    }
    assert.ok(result.dp !== null && result.dp > 0 && result.dp < 1);
  });

  it('is 0 when mentions follow document sizes, and the others’ share when one document holds them all', () => {
    const even = handMadeIndex({ 'a.txt': 'Alice came. Bob left.', 'b.txt': 'Bob left. Alice came.' }, ['Alice', 'Bob']);
    assert.strictEqual(dispersion(even, 'PERSON:alice').dp, 0);

    const texts = { 'a.txt': 'Alice came.', 'b.txt': 'Bob left for a long walk.' };
    const skewed = dispersion(handMadeIndex(texts, ['Alice', 'Bob']), 'PERSON:alice');
    assert.strictEqual(skewed.dp, texts['b.txt'].length / (texts['a.txt'].length + texts['b.txt'].length));
    assert.deepStrictEqual(skewed.documents[1], { path: 'b.txt', length: texts['b.txt'].length, positions: [] });
  });

  it('gives no DP for an entity without mentions', () => {
    const result = dispersion(handMadeIndex({ 'a.txt': 'Alice came.' }, ['Alice']), 'PERSON:nobody');
    assert.strictEqual(result.dp, null);
    assert.deepStrictEqual(result.documents[0].positions, []);
  });
});
