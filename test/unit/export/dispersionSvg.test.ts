import * as assert from 'assert';
import { dispersion } from '../../../src/core/analytics/dispersion';
import { dispersionSvg, escapeXml } from '../../../src/core/export/dispersionSvg';
import { handMadeIndex } from '../analytics/corpus';

describe('the dispersion plot as SVG', () => {
  const texts = { 'a.txt': 'Alice came. Bob came. Alice left.', 'b.txt': 'Bob stayed.', 'c.txt': 'Then Alice.' };
  const result = dispersion(handMadeIndex(texts, ['Alice', 'Bob']), 'PERSON:alice');

  it('draws a row per document that mentions the entity, a tick per mention at its position', () => {
    const svg = dispersionSvg('Alice', result, path => `corpus/${path}`);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>/);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    const labels = [...svg.matchAll(/<text x="8" y="\d+">([^<]*)<\/text>/g)].map(m => m[1]);
    assert.deepStrictEqual(labels, [`DP ${result.dp!.toFixed(3)}; mentioned in 2 of 3 documents`, 'corpus/a.txt', 'corpus/c.txt']);
    assert.strictEqual([...svg.matchAll(/<line /g)].length, 3, 'two ticks in a.txt, one in c.txt');
    const x = Number(/<line x1="([\d.]+)"/.exec(svg.slice(svg.indexOf('corpus/c.txt')))![1]);
    const strip = /<rect x="(\d+)" y="\d+" width="(\d+)"/.exec(svg.slice(svg.indexOf('corpus/c.txt')))!;
    const position = result.documents.find(d => d.path === 'c.txt')!.positions[0];
    assert.strictEqual(x, Number((Number(strip[1]) + position * Number(strip[2])).toFixed(1)));
  });

  it('escapes corpus text: a hostile path or name is text, never markup', () => {
    const svg = dispersionSvg('<script>alert(1)</script> & "Co"', result, () => '</text><script>x()</script>\u0001');
    assert.ok(!svg.includes('<script'), svg);
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;'));
    assert.ok(!svg.includes('\u0001') && svg.includes('\uFFFD'), 'a control character XML cannot hold');
  });

  it('escapeXml keeps text XML can hold and replaces what it cannot', () => {
    assert.strictEqual(escapeXml(`a<b>&'"é😀`), 'a&lt;b&gt;&amp;&apos;&quot;é😀');
    assert.strictEqual(escapeXml('x\uD800y\uDC00'), 'x\uFFFDy\uFFFD');
  });
});
