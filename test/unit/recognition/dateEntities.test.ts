// Issue #15.1: a DATE entity is its resolved value, named by it, with its wordings as surface
// forms; unresolved dates stay grouped by wording; the document's date header is no mention.
import * as assert from 'assert';
import { applyCorrections, compileCorrections } from '../../../src/core/corrections/corrections';
import { Correction, SPLIT_SUFFIX } from '../../../src/core/corrections/correctionList';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';

/** An index of `docs` (id → text), each analysed with its own header date. */
function indexOf(docs: Record<string, string>, corrections: Correction[] = []): CorpusIndex {
  const compiled = compileCorrections({ version: 1, corrections });
  const index = new CorpusIndex();
  for (const [id, text] of Object.entries(docs)) index.setDocument(id, text, applyCorrections(text, analyzeDocument(text), compiled));
  return index;
}

const dateIds = (index: CorpusIndex): string[] =>
  index
    .entities({ types: ['DATE'] })
    .map(e => e.id)
    .sort();

/** Each mention of `entityId` as [its document's text sliced at its offsets, its text]. */
function slices(index: CorpusIndex, entityId: string): [string, string][] {
  return index.mentionsOf(entityId).map(m => [index.text(m.docId)!.slice(m.start, m.end), m.text]);
}

describe('DATE entities by value', () => {
  const SAME_WORDING = {
    'a.txt': 'date 2023-06-01\nThe mayor resigned last year.\n',
    'b.txt': 'date 2020-06-01\nThe mayor resigned last year.\n',
  };
  const TWO_WORDINGS = 'date 2023-03-01\nPrices rose in 2022. Wages fell last year.\n';

  it('splits one wording by value: "last year" of 2023 and of 2020 are DATE:2022 and DATE:2019', () => {
    const index = indexOf(SAME_WORDING);
    assert.deepStrictEqual(dateIds(index), ['DATE:2019', 'DATE:2022']);
    assert.deepStrictEqual(
      index.mentionsOf('DATE:2022').map(m => [m.docId, m.text, m.value]),
      [['a.txt', 'last year', '2022']],
    );
    assert.deepStrictEqual(
      index.mentionsOf('DATE:2019').map(m => [m.docId, m.text, m.value]),
      [['b.txt', 'last year', '2019']],
    );
    assert.strictEqual(index.entity('DATE:last year'), undefined);
  });

  it('joins wordings of one value: "2022" and "last year" of 2023 are one entity named 2022', () => {
    const index = indexOf({ 'c.txt': TWO_WORDINGS });
    assert.deepStrictEqual(dateIds(index), ['DATE:2022']);
    const entity = index.entity('DATE:2022')!;
    assert.strictEqual(entity.name, '2022');
    // The aliases list the wordings other than the name, as for every entity.
    assert.deepStrictEqual(entity.aliases, ['last year']);
    assert.strictEqual(entity.mentionCount, 2);
    assert.deepStrictEqual(index.entities({ prefix: 'last' }), [entity], 'found by its wording');
  });

  it('keeps offsets exact: each mention slices back to its own wording', () => {
    const index = indexOf({ 'c.txt': TWO_WORDINGS, ...SAME_WORDING });
    assert.deepStrictEqual(slices(index, 'DATE:2022'), [
      ['last year', 'last year'],
      ['2022', '2022'],
      ['last year', 'last year'],
    ]);
    assert.deepStrictEqual(
      index.mentionsOf('DATE:2022').map(m => m.start),
      [SAME_WORDING['a.txt'].indexOf('last year'), TWO_WORDINGS.indexOf('2022'), TWO_WORDINGS.indexOf('last year')],
    );
  });

  it('groups an unresolved date by its wording, as before', () => {
    const undated = 'The mayor resigned last year.\n';
    const index = indexOf({ 'u.txt': undated, 'v.txt': `Another mayor resigned last year.\n`, ...SAME_WORDING });
    const entity = index.entity('DATE:last year')!;
    assert.strictEqual(entity.name, 'last year');
    assert.deepStrictEqual(
      index.mentionsOf(entity.id).map(m => [m.docId, m.value]),
      [
        ['u.txt', null],
        ['v.txt', null],
      ],
    );
    const analysis = analyzeDocument('date 2023-01-31\nThe deal closed at year-end.');
    assert.deepStrictEqual(
      analysis.mentions.filter(m => m.type === 'DATE').map(m => [m.text, m.entityKey, m.name, m.value]),
      [['year-end', 'DATE:year-end', 'year-end', null]],
    );
  });

  it('lets corrections act on the value entity: retype and merge move every wording, notEntity and split one', () => {
    const docs = { 'c.txt': TWO_WORDINGS, ...SAME_WORDING };
    const retyped = indexOf(docs, [{ op: 'retype', entity: 'DATE:2022', type: 'MISC' }]);
    assert.deepStrictEqual(dateIds(retyped), ['DATE:2019']);
    assert.deepStrictEqual(
      retyped.mentionsOf('MISC:2022').map(m => [m.text, m.value]),
      [
        ['last year', null],
        ['2022', null],
        ['last year', null],
      ],
    );
    const merged = indexOf(docs, [{ op: 'merge', entity: 'DATE:2019', into: 'DATE:2022' }]);
    assert.deepStrictEqual(dateIds(merged), ['DATE:2022']);
    assert.strictEqual(merged.entity('DATE:2022')!.mentionCount, 4);
    const notLastYear = indexOf(docs, [{ op: 'notEntity', text: 'last year' }]);
    assert.deepStrictEqual(slices(notLastYear, 'DATE:2022'), [['2022', '2022']]);
    assert.deepStrictEqual(dateIds(notLastYear), ['DATE:2022']);
    const split = indexOf(docs, [{ op: 'split', entity: 'DATE:2022', alias: 'last year' }]);
    assert.deepStrictEqual(slices(split, 'DATE:2022'), [['2022', '2022']]);
    assert.deepStrictEqual(
      split.mentionsOf(`DATE:last year${SPLIT_SUFFIX}`).map(m => [m.docId, m.text]),
      [
        ['a.txt', 'last year'],
        ['c.txt', 'last year'],
      ],
    );
  });
});

describe('the document date header', () => {
  it('dates the document without being a mention, and no longer swallows the date after it', () => {
    const text = 'date 2023-01-15\n\nLast year Angela Merkel met Vladimir Putin.\n';
    const analysis = analyzeDocument(text);
    assert.strictEqual(analysis.date, '2023-01-15');
    assert.ok(
      analysis.mentions.every(m => m.start >= 'date 2023-01-15'.length),
      analysis.mentions.map(m => m.text).join(', '),
    );
    // Before, the header and "Last year" were merged into one unresolved DATE across the blank line.
    const dates = analysis.mentions.filter(m => m.type === 'DATE');
    assert.deepStrictEqual(
      dates.map(m => [m.text, m.entityKey, m.value]),
      [['Last year', 'DATE:2022', '2022']],
    );
    const index = new CorpusIndex();
    index.setDocument('h.txt', text, analysis);
    assert.strictEqual(index.document('h.txt')!.date, '2023-01-15');
  });

  it('is no mention in front matter, nor when the text goes on on its line, nor when its date is impossible', () => {
    const frontMatter = '---\ntitle: Talks\ndate: 2023-01-15\n---\nTalks resumed in 2022.\n';
    const front = analyzeDocument(frontMatter);
    assert.strictEqual(front.date, '2023-01-15');
    assert.deepStrictEqual(
      front.mentions.filter(m => m.type === 'DATE').map(m => m.text),
      ['2022'],
    );
    const inline = analyzeDocument(' date 2023-01-31 Talks resumed on Monday.');
    assert.deepStrictEqual(
      inline.mentions.filter(m => m.type === 'DATE').map(m => [m.text, m.value]),
      [['Monday', '2023-01-30']],
    );
    const impossible = analyzeDocument('date 2023-02-30\nTalks resumed in 2022.\n');
    assert.strictEqual(impossible.date, null);
    assert.deepStrictEqual(
      impossible.mentions.filter(m => m.type === 'DATE').map(m => m.text),
      ['2022'],
    );
  });

  it('stays out of the mentions when options.documentDate overrides it', () => {
    const analysis = analyzeDocument('date 2023-01-15\nThe mayor resigned last year.', { documentDate: '2020-06-01' });
    assert.deepStrictEqual(
      analysis.mentions.filter(m => m.type === 'DATE').map(m => [m.text, m.entityKey]),
      [['last year', 'DATE:2019']],
    );
  });
});
