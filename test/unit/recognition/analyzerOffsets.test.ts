import * as assert from 'assert';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';
import { DocumentAnalysis } from '../../../src/core/types';

/** Every span indexes the text exactly, in order, without overlap, and never covers a BOM. */
function assertWellFormed(text: string, a: DocumentAnalysis): void {
  let previousEnd = 0;
  for (const m of a.mentions) {
    assert.ok(m.start >= previousEnd && m.end > m.start && m.end <= text.length, `bad span ${JSON.stringify(m)}`);
    assert.strictEqual(m.text, text.slice(m.start, m.end));
    assert.ok(!m.text.includes('\uFEFF'), 'a mention includes the BOM');
    assert.strictEqual(m.text, m.text.trim(), `mention with surrounding space: ${JSON.stringify(m.text)}`);
    previousEnd = m.end;
  }
  let sentenceEnd = 0;
  for (const s of a.sentences) {
    assert.ok(s.start >= sentenceEnd && s.end > s.start && s.end <= text.length, `bad sentence ${JSON.stringify(s)}`);
    sentenceEnd = s.end;
  }
}

function analyze(text: string): DocumentAnalysis {
  const a = analyzeDocument(text, { documentDate: '2023-01-31' });
  assertWellFormed(text, a);
  return a;
}

const has = (a: DocumentAnalysis, type: string, text: string): boolean => a.mentions.some(m => m.type === type && m.text === text);

const BASE = 'Angela Merkel met Vladimir Putin in Moscow on Monday. The talks lasted 3 hours.';

describe('analyzer offsets', () => {
  it('finds a person at the start of a plain sentence', () => {
    const a = analyze('Angela Merkel met Putin.');
    assert.ok(has(a, 'PERSON', 'Angela Merkel'));
  });

  const cases: Record<string, string> = {
    CRLF: BASE.replace(/\. /g, '.\r\n'),
    'lone CR': BASE.replace(/\. /g, '.\r'),
    tabs: `\t${BASE.replace(/ (met|in|on) /g, '\t$1\t')}`,
    'form feed': `\f${BASE.replace(/ met /, ' met\f')}`,
    'vertical tab': `\v\v${BASE.replace(/ in /, ' in\v')}`,
    'line and paragraph separators': `Intro\u2028${BASE}\u2029${BASE}`,
    'emoji sequences': `👨‍👩‍👧 family 🇺🇸 flag 👍🏽 tone ❤️ ${BASE} 👩🏽‍💻`,
    CJK: `中文字 東京 ${BASE} 北京`,
    'combining marks': `Cafe\u0301 and Zoe\u0308. ${BASE} Ame\u0301lie.`,
    'BOM prefix': `\uFEFF${BASE}`,
    'a 70,000-space run': `${BASE}${' '.repeat(70_000)}${BASE}`,
    'a 100,000-character token': `${BASE} ${'x'.repeat(100_000)} ${BASE}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`keeps exact offsets with ${name}`, () => {
      const a = analyze(text);
      // The names after the hazard must still be found at their true offsets.
      assert.ok(has(a, 'PERSON', 'Angela Merkel'), `no Angela Merkel: ${JSON.stringify(a.mentions.map(m => m.text))}`);
      assert.ok(has(a, 'PERSON', 'Vladimir Putin'));
      assert.ok(has(a, 'PLACE', 'Moscow'));
      const last = text.lastIndexOf('Moscow');
      assert.ok(
        a.mentions.some(m => m.start === last && m.type === 'PLACE'),
        'the last Moscow is misplaced',
      );
    });
  }

  it('keeps a ZWJ family emoji as one mention', () => {
    const text = 'We 👨‍👩‍👧 it';
    const emoji = analyze(text).mentions.filter(m => m.type === 'EMOJI');
    assert.deepStrictEqual(
      emoji.map(m => m.text),
      ['👨‍👩‍👧'],
    );
  });

  it('analyses a 100,000-character token quickly', () => {
    const t0 = performance.now();
    analyze('y'.repeat(100_000));
    assert.ok(performance.now() - t0 < 1000);
  });

  for (const text of ['', ' ', '\n\n\t  \r\n', '\uFEFF', '\uFEFF  ']) {
    it(`handles ${JSON.stringify(text)}`, () => {
      const a = analyze(text);
      assert.deepStrictEqual(a.mentions, []);
      assert.strictEqual(a.tokens, 0);
    });
  }
});
