import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { collocates } from '../../../src/core/analytics/collocates';
import { dispersion } from '../../../src/core/analytics/dispersion';
import { STOP_WORDS } from '../../../src/core/analytics/words';
import { collocatesMessage, dispersionMessage, timelineMessage } from '../../../src/extension/views/explorerAnalytics';
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

  it('answers a dispersion request with the core DP and, per mentioning document, each mention’s offsets and position', () => {
    const answer = dispersionMessage(index, { type: 'dispersion', requestId: 2, entityId: XI }, docId => `./${docId}`);
    assert.strictEqual(answer.dp, dispersion(index, XI).dp);
    assert.strictEqual(answer.corpusDocuments, 4);
    assert.strictEqual(answer.mentioningDocuments, 4);
    assert.deepStrictEqual(
      answer.documents.map(d => d.label),
      ['./feb.txt', './jan.txt', './mar.txt', './undated.txt'],
    );
    const jan = answer.documents[1];
    const length = index.text('jan.txt')!.length;
    assert.strictEqual(jan.length, length);
    assert.deepStrictEqual(
      jan.mentions,
      index
        .mentionsIn('jan.txt')
        .filter(m => m.entityId === XI)
        .map(m => ({ start: m.start, end: m.end, position: m.start / length })),
    );
  });

  it('answers with no documents and a null DP for an entity the index does not know', () => {
    const answer = dispersionMessage(index, { type: 'dispersion', requestId: 3, entityId: 'PERSON:nobody' }, String);
    assert.deepStrictEqual([answer.dp, answer.documents, answer.mentioningDocuments], [null, [], 0]);
  });

  it('answers a collocates request with the core’s rows for that window and stop-word choice, capped at 200', () => {
    const answer = collocatesMessage(index, { type: 'collocates', requestId: 4, entityId: XI, window: 3, keepStopwords: true });
    const core = collocates(index, XI, { window: 3, keepStopwords: true }).rows;
    assert.deepStrictEqual(answer.rows, core.slice(0, 200));
    assert.ok(
      answer.rows.some(r => STOP_WORDS.has(r.word)),
      'stop words kept',
    );
    const without = collocatesMessage(index, { type: 'collocates', requestId: 5, entityId: XI, window: 3, keepStopwords: false });
    assert.ok(without.rows.length > 0 && !without.rows.some(r => STOP_WORDS.has(r.word)), 'stop words left out');
  });
});
