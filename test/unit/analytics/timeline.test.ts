import * as assert from 'assert';
import { timeline } from '../../../src/core/analytics/timeline';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
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
    const { by, rows } = timeline(index, 'month', [XI]);
    assert.strictEqual(by, 'month');
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
