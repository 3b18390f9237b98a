import * as assert from 'assert';
import { concordance } from '../../../src/core/analytics/concordance';
import { XI, analysedIndex, handMadeIndex, seedTexts } from './corpus';

/** The n-th word of a context, from the mention outwards, as a reader would pick it. */
function nthWord(context: string, side: 'L' | 'R', n: number): string {
  const found = context.match(/\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*/gu) ?? [];
  const ordered = side === 'L' ? found.reverse() : found;
  return (ordered[n - 1] ?? '').toLowerCase();
}

function assertSorted(keys: string[]): void {
  for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1] <= keys[i], `${keys[i - 1]} before ${keys[i]}`);
}

describe('analytics: concordance', () => {
  const TEXTS = {
    'b.txt': 'Zed met Alice yesterday.\nAlice arrived late. Bob called Alice at noon.',
    'a.txt': 'Then ALICE ate. Carol and Alice Spoke.',
  };

  it('lists mentions in context by document and offset, lines 1-based', () => {
    const index = handMadeIndex(TEXTS, ['Alice', 'ALICE']);
    const { rows, ...rest } = concordance(index, 'PERSON:alice', { width: 8 });
    assert.deepStrictEqual(rest, { entity: 'PERSON:alice', width: 8, sort: 'doc' });
    assert.deepStrictEqual(
      rows.map(r => [r.document, r.line, r.keyword]),
      [
        ['a.txt', 1, 'ALICE'],
        ['a.txt', 1, 'Alice'],
        ['b.txt', 1, 'Alice'],
        ['b.txt', 2, 'Alice'],
        ['b.txt', 2, 'Alice'],
      ],
    );
    assert.deepStrictEqual(rows[2], { left: 'Zed met ', keyword: 'Alice', right: ' yesterd', document: 'b.txt', line: 1 });
    assert.deepStrictEqual(rows[3].left, 'terday. ', 'context on one line');
  });

  it('sorts by the first or second word either side, ignoring case', () => {
    const index = handMadeIndex(TEXTS, ['Alice', 'ALICE']);
    const keywordsBy = (sort: 'L1' | 'L2' | 'R1' | 'R2') =>
      concordance(index, 'PERSON:alice', { sort, width: 30 }).rows.map(r =>
        nthWord(sort[0] === 'L' ? r.left : r.right, sort[0] as 'L' | 'R', Number(sort[1])),
      );
    assert.deepStrictEqual(keywordsBy('R1'), ['arrived', 'at', 'ate', 'spoke', 'yesterday']);
    assert.deepStrictEqual(keywordsBy('L1'), ['and', 'called', 'met', 'then', 'yesterday']);
    assert.deepStrictEqual(keywordsBy('L2'), ['', 'alice', 'bob', 'carol', 'zed']);
    assertSorted(keywordsBy('R2'));
  });

  it('orders Xi Jinping’s lines in the seed by the first word to the right', () => {
    const rows = concordance(analysedIndex(seedTexts()), XI, { sort: 'R1', width: 60 }).rows;
    assert.ok(rows.length > 3);
    assertSorted(rows.map(r => nthWord(r.right, 'R', 1)));
    assert.ok(rows.every(r => r.left.length <= 60 && r.right.length <= 60));
  });
});
