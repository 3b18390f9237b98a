import * as assert from 'assert';
import { AddTrie, units } from '../../../src/core/corrections/compileCorrections';

/** The definition units() implements by character codes: words, runs of white space, single other characters. */
function byRegex(text: string): { starts: number[]; keys: string[] } {
  const starts: number[] = [];
  const keys: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+|(\s+)|[^]/gu)) {
    starts.push(m.index);
    keys.push(m[1] !== undefined ? ' ' : m[0] === '\u2019' ? "'" : m[0]);
  }
  starts.push(text.length);
  return { starts, keys };
}

describe('the units additions are matched in', () => {
  const texts = [
    '',
    'Xi Jinping met Vladimir Putin.',
    "Putin's and Putin\u2019s",
    'tabs\tand\r\nCRLF  double',
    'Zoë Saldaña, Citroën 2CV',
    'cafe\u0301 (a combining accent)',
    'non\u00a0breaking\u2028line\u3000ideographic\ufeffBOM',
    '北京 and 東京',
    'math 𝐀𝐁 and emoji 🙂🙂 here',
    'lone \ud800 high and \udc00 low surrogates\ud800',
    '---...!!!',
    '٣٤ Arabic-Indic digits, ² superscript',
  ];
  for (const text of texts) {
    it(`splits ${JSON.stringify(text)} as the regex definition does`, () => {
      assert.deepStrictEqual(units(text), byRegex(text));
    });
  }

  it('finds a text in the trie by its units, whatever its white space', () => {
    const trie = new AddTrie();
    trie.add('New  York Times', { index: 0, type: 'ORG', name: 'New York Times' });
    trie.add('New York', { index: 1, type: 'PLACE', name: 'New York' });
    const walk = (text: string) =>
      units(text).keys.reduce<number | undefined>((node, key) => (node === undefined ? undefined : trie.child(node, key)), 0);
    assert.deepStrictEqual(
      trie.endingAt(walk('New\tYork')!)?.map(op => op.index),
      [1],
    );
    assert.deepStrictEqual(
      trie.endingAt(walk('New York Times')!)?.map(op => op.index),
      [0],
    );
    assert.strictEqual(walk('New Jersey'), undefined);
    assert.strictEqual(trie.endingAt(walk('New')!), undefined, 'a prefix is no addition');
  });
});
