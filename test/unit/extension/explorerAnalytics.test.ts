import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { collocates } from '../../../src/core/analytics/collocates';
import { sortMentions } from '../../../src/core/analytics/concordance';
import { dispersion } from '../../../src/core/analytics/dispersion';
import { STOP_WORDS } from '../../../src/core/analytics/words';
import { runSteps } from '../../../src/core/analytics/steps';
import {
  collocatesAnswer,
  dispersionAnswer,
  entitiesAnswer,
  mentionsAnswer,
  scopedMentions,
  timelineAnswer,
} from '../../../src/extension/views/explorerAnalytics';
import { ALL_DATES, CompactEntity } from '../../../src/shared/panelMessages';
import { PUTIN, XI, analysedIndex, seedTexts } from '../analytics/corpus';

describe("Entity Explorer's chart answers", () => {
  let index: CorpusIndex;

  before(() => {
    index = analysedIndex(seedTexts());
  });

  it('answers a timeline request with a series per entity, mentions per period of the documents’ dates, undated last', () => {
    const perCopy = index.mentionsIn('jan.txt').filter(m => m.entityId === XI).length;
    const answer = runSteps(
      timelineAnswer(index, { type: 'timeline', requestId: 7, entityIds: [XI, PUTIN], by: 'month', of: 'documents' }),
    );
    assert.strictEqual(answer.requestId, 7);
    assert.deepStrictEqual(
      answer.series.map(s => s.entityId),
      [XI, PUTIN],
    );
    assert.deepStrictEqual(answer.series[0].points, [
      { period: '2023-01', mentions: perCopy, documents: 1 },
      { period: '2023-02', mentions: perCopy, documents: 1 },
      { period: '2023-03', mentions: perCopy, documents: 1 },
      { period: null, mentions: 1, documents: 1 },
    ]);
    assert.deepStrictEqual(
      answer.series[1].points.map(p => p.period),
      ['2023-01', '2023-02', '2023-03'],
    );
    const year = runSteps(timelineAnswer(index, { type: 'timeline', requestId: 8, entityIds: [XI], by: 'year', of: 'documents' }));
    assert.deepStrictEqual(year.series[0].points[0], { period: '2023', mentions: 3 * perCopy, documents: 3 });
  });

  it('answers with no points for an entity the index does not know', () => {
    const answer = runSteps(
      timelineAnswer(index, { type: 'timeline', requestId: 1, entityIds: ['PERSON:nobody'], by: 'day', of: 'documents' }),
    );
    assert.deepStrictEqual(answer.series, [{ entityId: 'PERSON:nobody', points: [] }]);
  });

  it('answers by resolved date with one series over every DATE entity, and within the date filter', () => {
    const request = { type: 'timeline', requestId: 2, entityIds: [], by: 'year', of: 'dates' } as const;
    const answer = runSteps(timelineAnswer(index, request));
    assert.strictEqual(answer.of, 'dates');
    assert.deepStrictEqual(
      answer.series.map(s => s.entityId),
      [ALL_DATES],
    );
    const dates = index.entities({ types: ['DATE'] });
    const total = dates.reduce((n, e) => n + e.mentionCount, 0);
    assert.strictEqual(
      answer.series[0].points.reduce((n, p) => n + p.mentions, 0),
      total,
      'every DATE mention counted once',
    );
    const february = { from: '2023-02-01', to: '2023-02-28' };
    const within = runSteps(timelineAnswer(index, request, february));
    assert.deepStrictEqual(within.range, february);
    const inFebruary = index.mentionsIn('feb.txt').filter(m => m.type === 'DATE').length;
    assert.strictEqual(
      within.series[0].points.reduce((n, p) => n + p.mentions, 0),
      inFebruary,
    );
    const xiInFebruary = runSteps(timelineAnswer(index, { ...request, entityIds: [XI], of: 'documents', by: 'month' }, february));
    assert.deepStrictEqual(
      xiInFebruary.series[0].points.map(p => p.period),
      ['2023-02'],
    );
  });

  it('sends the entities with counts over the documents dated in the filter, and only those mentioned there', () => {
    const perCopy = index.mentionsIn('feb.txt').filter(m => m.entityId === XI).length;
    const all = runSteps(entitiesAnswer(index, false));
    assert.strictEqual(all.range, undefined);
    assert.strictEqual(all.rows.length, index.entities().length);
    const xi = (rows: CompactEntity[]) => rows.find(r => r[0] === XI)!;
    assert.deepStrictEqual(xi(all.rows).slice(3, 5), [3 * perCopy + 1, 4]);
    const february = { from: '2023-02-01', to: '2023-02-28' };
    const filtered = runSteps(entitiesAnswer(index, false, february));
    assert.deepStrictEqual(filtered.range, february);
    assert.deepStrictEqual(xi(filtered.rows).slice(3, 5), [perCopy, 1]);
    const mentioned = new Set(index.mentionsIn('feb.txt').map(m => m.entityId));
    assert.deepStrictEqual(new Set(filtered.rows.map(r => r[0])), mentioned);
  });

  it('scopes a concordance to a period of documents, or to the dates naming a period', () => {
    const february = { from: '2023-02', to: '2023-02' };
    const xi = runSteps(scopedMentions(index, { entityId: XI, within: february }));
    assert.ok(xi.length > 0 && xi.every(m => m.docId === 'feb.txt'));
    assert.deepStrictEqual(runSteps(scopedMentions(index, { entityId: XI, within: february }, { from: '2023-03', to: '' })), []);
    const naming = runSteps(timelineAnswer(index, { type: 'timeline', requestId: 3, entityIds: [], by: 'year', of: 'dates' })).series[0]
      .points[0];
    const dates = runSteps(scopedMentions(index, { entityId: ALL_DATES, naming: naming.period! }));
    assert.strictEqual(dates.length, naming.mentions);
    assert.ok(dates.every(m => index.mentionAt(m.docId, m.start)?.type === 'DATE' && m.value!.startsWith(naming.period!)));
    assert.deepStrictEqual(
      dates.map(m => [m.docId, m.start]),
      [...dates].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start)).map(m => [m.docId, m.start]),
      'in document order',
    );
  });

  it('answers a dispersion request with the core DP and, per mentioning document, each mention’s offsets and position', () => {
    const answer = runSteps(dispersionAnswer(index, { type: 'dispersion', requestId: 2, entityId: XI }, docId => `./${docId}`));
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
    const answer = runSteps(dispersionAnswer(index, { type: 'dispersion', requestId: 3, entityId: 'PERSON:nobody' }, String));
    assert.deepStrictEqual([answer.dp, answer.documents, answer.mentioningDocuments], [null, [], 0]);
  });

  it('answers a collocates request with the core’s rows for that window and stop-word choice, capped at 200', () => {
    const answer = runSteps(collocatesAnswer(index, { type: 'collocates', requestId: 4, entityId: XI, window: 3, keepStopwords: true }));
    const core = collocates(index, XI, { window: 3, keepStopwords: true }).rows;
    assert.deepStrictEqual(answer.rows, core.slice(0, 200));
    assert.ok(
      answer.rows.some(r => STOP_WORDS.has(r.word)),
      'stop words kept',
    );
    const without = runSteps(collocatesAnswer(index, { type: 'collocates', requestId: 5, entityId: XI, window: 3, keepStopwords: false }));
    assert.ok(without.rows.length > 0 && !without.rows.some(r => STOP_WORDS.has(r.word)), 'stop words left out');
  });

  it('answers a concordance request with the lines of the mentions in scope, in the order asked, and their counts', () => {
    const range = { from: '2023-02', to: '' };
    for (const sort of ['doc', 'L1', 'R1'] as const) {
      const answer = runSteps(mentionsAnswer(index, { entityId: XI, sort, width: 20 }, range, docId => `./${docId}`));
      const inRange = index.mentionsOf(XI).filter(m => m.docId === 'feb.txt' || m.docId === 'mar.txt');
      assert.deepStrictEqual(answer.entity, { name: 'Xi Jinping', type: 'PERSON', mentions: inRange.length, documents: 2 });
      const lines = answer.groups.flatMap(g => g.lines.map(line => ({ docId: g.docId, label: g.label, ...line })));
      const expected = sortMentions(index, inRange, sort).map(m => ({
        docId: m.docId,
        label: `./${m.docId}`,
        start: m.start,
        end: m.end,
        line: m.line,
        character: m.character,
        ...index.context(m.docId, m.start, m.end, 20)!,
      }));
      assert.deepStrictEqual(lines, expected, sort);
      assert.deepStrictEqual(answer.range, range);
    }
    const unknown = runSteps(mentionsAnswer(index, { entityId: 'PERSON:nobody', sort: 'doc', width: 20 }, undefined, String));
    assert.deepStrictEqual([unknown.entity, unknown.groups], [undefined, []]);
  });
});
