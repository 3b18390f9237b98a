import * as assert from 'assert';
import { countsInRange } from '../../../src/core/analytics/dateFilter';
import { Timeline, resolvedPeriod, timeline } from '../../../src/core/analytics/timeline';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { DocumentAnalysis, Mention } from '../../../src/core/types';
import { PUTIN, XI, analysedIndex, seedTexts } from './corpus';

describe('analytics: timeline', () => {
  let index: CorpusIndex;
  /** Xi Jinping's mentions in one copy of the seed. */
  let perCopy: number;

  before(() => {
    index = analysedIndex(seedTexts());
    perCopy = index.mentionsIn('jan.txt').filter(m => m.entityId === XI).length;
    assert.ok(perCopy > 1);
  });

  it('counts an entity per month of the documents’ dates, undated documents last under null', () => {
    const { by, of, rows } = timeline(index, 'month', [XI]);
    assert.strictEqual(by, 'month');
    assert.strictEqual(of, 'documents');
    assert.deepStrictEqual(rows, [
      { period: '2023-01', entity: XI, mentions: perCopy, documents: 1 },
      { period: '2023-02', entity: XI, mentions: perCopy, documents: 1 },
      { period: '2023-03', entity: XI, mentions: perCopy, documents: 1 },
      { period: null, entity: XI, mentions: 1, documents: 1 },
    ]);
  });

  it('cuts dates to days or years', () => {
    assert.deepStrictEqual(
      timeline(index, 'day', [XI]).rows.map(r => r.period),
      ['2023-01-15', '2023-02-15', '2023-03-15', null],
    );
    const [year] = timeline(index, 'year', [XI]).rows;
    assert.deepStrictEqual(year, { period: '2023', entity: XI, mentions: 3 * perCopy, documents: 3 });
  });

  it('lists every entity when none is named, by period then id', () => {
    const { rows } = timeline(index, 'month');
    const total = rows.reduce((sum, row) => sum + row.mentions, 0);
    assert.strictEqual(total, index.stats().mentions);
    const january = rows.filter(r => r.period === '2023-01').map(r => r.entity);
    assert.deepStrictEqual(january, [...january].sort());
    assert.ok(january.includes(PUTIN) && january.includes(XI));
    assert.deepStrictEqual(
      timeline(index, 'month', [PUTIN, XI]).rows.map(r => r.entity),
      [PUTIN, XI, PUTIN, XI, PUTIN, XI, XI],
    );
  });
});

describe('analytics: timeline by resolved date, and within a date range', () => {
  // Hand-made DATE mentions with their resolved values, in documents of 2023-01 and 2023-02.
  function dateIndex(): CorpusIndex {
    const index = new CorpusIndex();
    const doc = (date: string | null, dates: [text: string, value: string | null][]): [string, DocumentAnalysis] => {
      const text = dates.map(([t]) => t).join('. ') + '.';
      let at = 0;
      const mentions: Mention[] = dates.map(([t, value]) => {
        const start = text.indexOf(t, at);
        at = start + t.length;
        const name = value ?? t;
        return { start, end: at, text: t, type: 'DATE', entityKey: `DATE:${name}`, name, value };
      });
      return [text, { analyzer: 'test', date, tokens: 0, sentences: [], mentions }];
    };
    const docs: Record<string, [string, DocumentAnalysis]> = {
      'a.txt': doc('2023-01-10', [
        ['last year', '2022'],
        ['December 2022', '2022-12'],
        ['December 5, 2022', '2022-12-05'],
        ['year-end', null],
      ]),
      'b.txt': doc('2023-02-10', [
        ['2022', '2022'],
        ['last week', '2023-W05'],
        ['spring', '2023-03/2023-05'],
      ]),
      'c.txt': doc(null, [['2022', '2022']]),
    };
    for (const [id, [text, analysis]] of Object.entries(docs)) index.setDocument(id, text, analysis);
    return index;
  }

  const periods = (t: Timeline) => t.rows.map(r => [r.period, r.entity, r.mentions, r.documents]);

  it('counts DATE mentions by the period their value names; coarser or unresolved values under null', () => {
    const index = dateIndex();
    const byYear = timeline(index, 'year', undefined, { of: 'dates' });
    assert.strictEqual(byYear.of, 'dates');
    assert.deepStrictEqual(periods(byYear), [
      ['2022', 'DATE:2022', 3, 3],
      ['2022', 'DATE:2022-12', 1, 1],
      ['2022', 'DATE:2022-12-05', 1, 1],
      ['2023', 'DATE:2023-03/2023-05', 1, 1],
      ['2023', 'DATE:2023-w05', 1, 1],
      [null, 'DATE:year-end', 1, 1],
    ]);
    assert.deepStrictEqual(periods(timeline(index, 'month', ['DATE:2022', 'DATE:2022-12-05', 'DATE:2023-03/2023-05'], { of: 'dates' })), [
      ['2022-12', 'DATE:2022-12-05', 1, 1],
      ['2023-03', 'DATE:2023-03/2023-05', 1, 1],
      [null, 'DATE:2022', 3, 3],
    ]);
    assert.deepStrictEqual(timeline(index, 'day', ['DATE:2022-12-05'], { of: 'dates' }).rows[0].period, '2022-12-05');
    assert.deepStrictEqual(periods(timeline(index, 'year', undefined, { of: 'dates', as: '*' })), [
      ['2022', '*', 5, 3],
      ['2023', '*', 2, 1],
      [null, '*', 1, 1],
    ]);
  });

  it('leaves out entities that are not dates', () => {
    const index = analysedIndex(seedTexts());
    assert.deepStrictEqual(timeline(index, 'year', [XI], { of: 'dates' }).rows, []);
    const all = timeline(index, 'year', undefined, { of: 'dates' }).rows;
    assert.ok(all.length > 0 && all.every(r => r.entity.startsWith('DATE:')));
  });

  it('counts only documents dated in the range, either way', () => {
    const index = dateIndex();
    assert.deepStrictEqual(periods(timeline(index, 'year', ['DATE:2022'], { of: 'dates', range: { from: '2023-02', to: '' } })), [
      ['2022', 'DATE:2022', 1, 1],
    ]);
    const seed = analysedIndex(seedTexts());
    const perCopy = seed.mentionsIn('feb.txt').filter(m => m.entityId === XI).length;
    assert.deepStrictEqual(timeline(seed, 'month', [XI], { range: { from: '2023-02-01', to: '2023-02-28' } }).rows, [
      { period: '2023-02', entity: XI, mentions: perCopy, documents: 1 },
    ]);
    assert.strictEqual(timeline(seed, 'month', [XI], { range: { from: '2024', to: '' } }).rows.length, 0);
  });

  it('resolvedPeriod cuts a value to the period, intervals by their start, weeks only to a year', () => {
    assert.strictEqual(resolvedPeriod('2022-12-05', 'month'), '2022-12');
    assert.strictEqual(resolvedPeriod('2023-03/2023-05', 'month'), '2023-03');
    assert.strictEqual(resolvedPeriod('2023-W05', 'month'), null);
    assert.strictEqual(resolvedPeriod('2023-W05', 'year'), '2023');
    assert.strictEqual(resolvedPeriod('2022', 'day'), null);
    assert.strictEqual(resolvedPeriod(null, 'year'), null);
  });
});

describe('analytics: entity counts within a date range', () => {
  it('counts mentions and documents of the documents dated in the range only', () => {
    const index = analysedIndex(seedTexts());
    const perCopy = index.mentionsIn('feb.txt').filter(m => m.entityId === XI).length;
    const february = countsInRange(index, { from: '2023-02-01', to: '2023-02-28' });
    assert.deepStrictEqual(february.get(XI), { mentions: perCopy, documents: 1 });
    assert.deepStrictEqual(countsInRange(index, { from: '2023-02', to: '' }).get(XI), { mentions: 2 * perCopy, documents: 2 });
    assert.strictEqual(countsInRange(index, { from: '', to: '2022' }).size, 0, 'the undated note is never in a range');
    const total = [...february.values()].reduce((n, c) => n + c.mentions, 0);
    assert.strictEqual(total, index.mentionsIn('feb.txt').length);
  });
});
