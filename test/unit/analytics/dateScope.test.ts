// The panel's filter by document date reaches every statistic: over a range, each one equals the
// same statistic over an index holding only the documents dated in it (a sub-corpus).
import * as assert from 'assert';
import { collocates } from '../../../src/core/analytics/collocates';
import { concordance } from '../../../src/core/analytics/concordance';
import { cooccurrenceNetwork, sharedSentences } from '../../../src/core/analytics/cooccurrence';
import { dispersion } from '../../../src/core/analytics/dispersion';
import { exportCorpus } from '../../../src/core/export/export';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { DateRange } from '../../../src/shared/dateRange';
import { PUTIN, XI, analysedIndex, seedTexts } from './corpus';

describe('analytics: the date filter', () => {
  /** February onwards: the January copy and the undated note are out. */
  const range: DateRange = { from: '2023-02', to: '' };
  let whole: CorpusIndex;
  let sub: CorpusIndex;

  before(() => {
    const texts = seedTexts();
    whole = analysedIndex(texts);
    sub = analysedIndex({ 'feb.txt': texts['feb.txt'], 'mar.txt': texts['mar.txt'] });
  });

  it('dispersion: a row per document in the range, and the sub-corpus’s DP', () => {
    const dated = dispersion(whole, XI, range);
    assert.deepStrictEqual(
      dated.documents.map(d => d.path),
      ['feb.txt', 'mar.txt'],
    );
    assert.deepStrictEqual(dated, dispersion(sub, XI));
    assert.notDeepStrictEqual(dispersion(whole, XI).documents.length, dated.documents.length);
  });

  it('co-occurrence: edges counted over the range’s sentences, and their shared sentences', () => {
    const dated = cooccurrenceNetwork(whole, 1, range);
    assert.deepStrictEqual(dated, cooccurrenceNetwork(sub));
    const edge = (network: typeof dated) => network.edges.find(e => e.a === PUTIN && e.b === XI)!;
    assert.strictEqual(edge(dated).sentences * 3, edge(cooccurrenceNetwork(whole)).sentences * 2);
    const shared = sharedSentences(whole, XI, PUTIN, Infinity, range);
    assert.strictEqual(shared.length, edge(dated).sentences);
    assert.deepStrictEqual(new Set(shared.map(s => s.docId)), new Set(['feb.txt', 'mar.txt']));
  });

  it('collocates: windows and corpus counts of the range only', () => {
    const options = { window: 3, keepStopwords: true };
    assert.deepStrictEqual(collocates(whole, XI, { ...options, range }), collocates(sub, XI, options));
    assert.notDeepStrictEqual(collocates(whole, XI, options).rows, collocates(sub, XI, options).rows);
    // Counts kept for a range do not leak into the whole corpus's (or the other way round).
    assert.deepStrictEqual(collocates(whole, XI, options), collocates(analysedIndex(seedTexts()), XI, options));
  });

  it('concordance: the lines of the range’s documents', () => {
    const dated = concordance(whole, XI, { sort: 'R1', width: 30, range });
    assert.deepStrictEqual(dated, concordance(sub, XI, { sort: 'R1', width: 30 }));
    assert.ok(dated.rows.length > 0 && dated.rows.every(r => r.document !== 'jan.txt'));
  });

  it('export: entities counted in the range, mentions and spans of its documents', () => {
    for (const [what, format] of [
      ['entities', 'csv'],
      ['entities', 'json'],
      ['mentions', 'csv'],
      ['spans', 'jsonl'],
    ] as const) {
      assert.strictEqual(exportCorpus(whole, what, format, { filter: { range } }), exportCorpus(sub, what, format), `${what} ${format}`);
    }
    const types = ['PERSON'] as const;
    assert.strictEqual(
      exportCorpus(whole, 'mentions', 'csv', { filter: { range, types: [...types] } }),
      exportCorpus(sub, 'mentions', 'csv', { filter: { types: [...types] } }),
    );
  });
});
