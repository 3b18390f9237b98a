import * as assert from 'assert';
import { Spellings } from '../../../src/core/analytics/spellings';
import { formOf, wordSpans } from '../../../src/core/analytics/words';

describe('analytics: spellings', () => {
  const numbered = (spellings: Spellings, text: string) => wordSpans(text).map(({ start, end }) => spellings.id(text, start, end));

  it('numbers each spelling once, case and accents apart, and gives it the form formOf gives it', () => {
    const text = "Xi XI xi Jinping’s jinping's Café CAFÉ café 𝒜lpha 𝒜LPHA Ünal ünal Xi";
    const spellings = new Spellings();
    const ids = numbered(spellings, text);
    const slices = wordSpans(text).map(({ start, end }) => text.slice(start, end));
    assert.strictEqual(spellings.size, new Set(slices).size);
    slices.forEach((slice, i) => assert.strictEqual(ids.indexOf(ids[i]), slices.indexOf(slice), `${slice}: the number of its spelling`));
    wordSpans(text).forEach((span, i) => assert.strictEqual(spellings.form(ids[i]), formOf(text, span)));
  });

  it('keeps finding every spelling as it grows to thousands', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `W${i.toString(36)}x`);
    const spellings = new Spellings();
    const first = numbered(spellings, words.join(' '));
    assert.deepStrictEqual(
      first,
      words.map((_, i) => i),
    );
    assert.deepStrictEqual(numbered(spellings, [...words].reverse().join(' ')), [...first].reverse());
    assert.deepStrictEqual(
      first.map(id => spellings.form(id)),
      words.map(w => w.toLowerCase()),
    );
  });
});
