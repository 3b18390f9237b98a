import * as assert from 'assert';
import {
  concordance,
  concordanceSteps,
  concordanceTableSteps,
  sortMentions,
  sortMentionsSteps,
} from '../../../src/core/analytics/concordance';
import { runSteps } from '../../../src/core/analytics/steps';
import { words } from '../../../src/core/analytics/words';
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

  it('orders by the words to the left as a stable sort by each document’s whole word list would, and only as far as a limit', () => {
    const index = analysedIndex(seedTexts());
    const mentions = index.mentionsOf(XI);
    for (const sort of ['L1', 'L2'] as const) {
      const key = (m: (typeof mentions)[number]) =>
        words(index.text(m.docId)!)
          .filter(w => w.end <= m.start)
          .reverse()[Number(sort[1]) - 1]?.form ?? '';
      const expected = [...mentions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      assert.deepStrictEqual(sortMentions(index, mentions, sort), expected, sort);
    }
    for (const sort of ['doc', 'L1', 'R2'] as const) {
      assert.deepStrictEqual(runSteps(sortMentionsSteps(index, mentions, sort, 3)), sortMentions(index, mentions, sort).slice(0, 3));
    }
  });

  it('comes in steps of a hundred documents or lines at most, so that a save of thousands of lines does not block', () => {
    const texts = Object.fromEntries(
      Array.from({ length: 450 }, (_, i) => [`d${String(i).padStart(3, '0')}.txt`, `Line one.\nMet Alice x${i}.`]),
    );
    const index = handMadeIndex(texts, ['Alice']);
    const steps = concordanceSteps(index, 'PERSON:alice', { sort: 'R1' });
    let yields = 0;
    let next;
    while (!(next = steps.next()).done) yields++;
    assert.ok(yields >= 8, `450 documents and lines in ${yields + 1} steps`);
    const { rows } = next.value;
    assert.deepStrictEqual(rows, concordance(index, 'PERSON:alice', { sort: 'R1' }).rows);
    assert.deepStrictEqual(rows[0], { left: 'Line one. Met ', keyword: 'Alice', right: ' x0.', document: 'd000.txt', line: 2 });
    assert.deepStrictEqual(
      rows.slice(0, 3).map(r => r.document),
      ['d000.txt', 'd001.txt', 'd010.txt'],
      'by R1 ("x0" < "x1" < "x10")',
    );
    const [header, fields] = runSteps(concordanceTableSteps(index, 'PERSON:alice', { sort: 'R1' }, docId => `corpus/${docId}`));
    assert.deepStrictEqual(header, ['left', 'keyword', 'right', 'document', 'line']);
    assert.deepStrictEqual(
      fields[0],
      ['Line one. Met ', 'Alice', ' x0.', 'corpus/d000.txt', 2],
      'the CSV table: rows as fields, documents named',
    );
  });
});
