import * as assert from 'assert';
import { fnv1a } from '../../../src/core/text/fnv1a';
import { forEachWordSpan, formOf, wordSpans, words, wordsBefore, wordsFrom } from '../../../src/core/analytics/words';

/** The definition the scanner follows. */
const WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*/gu;

function reference(text: string): { start: number; end: number; form: string }[] {
  return Array.from(text.matchAll(WORD), m => ({
    start: m.index!,
    end: m.index! + m[0].length,
    form: m[0].toLowerCase().replace(/’/g, "'"),
  }));
}

/** Short random texts over pieces that try the edges: marks, digits, apostrophes, pairs beyond the BMP, lone surrogates. */
function randomTexts(count: number): string[] {
  const pieces = ['a', 'B', 'é', 'e\u0301', '\u0301', '1', '٣', "'", '’', ' ', '.', '-', 'İ', 'ß', '字', '𝐀', '😀', '\uD835', '\uDC00'];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 24) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
  );
}

describe('analytics: words', () => {
  const texts = ["Xi Jinping’s visit: don't, won’t. It's 2023-01 and 3rd; naïve café e\u0301t\u00e9 Ünal's", ...randomTexts(3000)];

  it('scans the words the regex would match, with their forms', () => {
    for (const text of texts) {
      assert.deepStrictEqual(words(text), reference(text), JSON.stringify(text));
      assert.deepStrictEqual(
        wordSpans(text).map(span => formOf(text, span)),
        reference(text).map(w => w.form),
      );
      const visited: { start: number; end: number }[] = [];
      forEachWordSpan(text, (start, end, hash) => {
        visited.push({ start, end });
        assert.strictEqual(hash, fnv1a(text, start, end), 'the hash of the word’s code units');
      });
      assert.deepStrictEqual(visited, wordSpans(text));
    }
  });

  it('finds the words before an offset as the whole text’s words have them, reading only a little before', () => {
    for (const text of texts) {
      const all = words(text);
      for (let offset = 0; offset <= text.length; offset++) {
        for (const count of [1, 2, 5]) {
          assert.deepStrictEqual(
            wordsBefore(text, offset, count),
            all.filter(w => w.end <= offset).slice(-count),
            `${JSON.stringify(text)} at ${offset}`,
          );
        }
      }
    }
    const long = `${'word '.repeat(200)}end`;
    assert.deepStrictEqual(
      wordsBefore(long, long.length, 150).map(w => w.start),
      words(long)
        .slice(-150)
        .map(w => w.start),
      'reaching further back until it has enough',
    );
  });

  it('reads words from an offset on, a word cut by it counting from there', () => {
    assert.deepStrictEqual(
      wordsFrom('Jinping’s visit', 7, 2).map(w => w.form),
      ['s', 'visit'],
    );
  });
});
