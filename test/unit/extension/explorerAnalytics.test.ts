import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { timelineMessage } from '../../../src/extension/views/explorerAnalytics';
import { XI, analysedIndex, seedTexts } from '../analytics/corpus';

describe("Entity Explorer's chart answers", () => {
  let index: CorpusIndex;

  before(() => {
    index = analysedIndex(seedTexts());
  });

  it('answers a timeline request with the mentions per period of the documents’ dates, undated last', () => {
    const perCopy = index.mentionsIn('jan.txt').filter(m => m.entityId === XI).length;
    const answer = timelineMessage(index, { type: 'timeline', requestId: 7, entityId: XI, by: 'month' });
    assert.deepStrictEqual(answer, {
      type: 'timeline',
      requestId: 7,
      entityId: XI,
      by: 'month',
      points: [
        { period: '2023-01', mentions: perCopy, documents: 1 },
        { period: '2023-02', mentions: perCopy, documents: 1 },
        { period: '2023-03', mentions: perCopy, documents: 1 },
        { period: null, mentions: 1, documents: 1 },
      ],
    });
    assert.deepStrictEqual(timelineMessage(index, { type: 'timeline', requestId: 8, entityId: XI, by: 'year' }).points[0], {
      period: '2023',
      mentions: 3 * perCopy,
      documents: 3,
    });
  });

  it('answers with no points for an entity the index does not know', () => {
    assert.deepStrictEqual(timelineMessage(index, { type: 'timeline', requestId: 1, entityId: 'PERSON:nobody', by: 'day' }).points, []);
  });
});
