import * as assert from 'assert';
import { analyzeDocument } from '../../../src/core/recognition/analyzer';
import { applyCorrections } from '../../../src/core/corrections/corrections';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { csvRow, parseCsv } from '../../../src/core/text/csv';
import {
  EXPORTS,
  ExportWhat,
  entitiesCsv,
  entitiesJson,
  exportCorpus,
  mentionsCsv,
  selectEntities,
  spansJsonl,
} from '../../../src/core/export/export';
import { DocumentAnalysis, ENTITY_TYPES, EntityType, Mention } from '../../../src/core/types';

/** A hand-made analysis, for names no recogniser would produce (quotes, commas, line breaks). */
function analysis(text: string, spans: [string, EntityType, string?][]): DocumentAnalysis {
  const mentions: Mention[] = [];
  let from = 0;
  for (const [surface, type, name = surface.replace(/\s+/g, ' ')] of spans) {
    const start = text.indexOf(surface, from);
    assert.ok(start >= 0, surface);
    from = start + surface.length;
    mentions.push({ start, end: from, text: surface, type, entityKey: `${type}:${name.toLowerCase()}`, name, value: null });
  }
  return { analyzer: 'test', date: null, tokens: 10, sentences: [{ start: 0, end: text.length }], mentions };
}

const ODD_TEXT = 'They sang "Hey,\nJude" with Smith, Jones & Co and the\r\nBand "Of, Sorts" in Zürich.\n';
const EMOJI_TEXT = '🎉🎉 Party at Smith, Jones & Co today, then 👍 Zürich.';
const NEWS_TEXT = 'TASS reported that Xi Jinping met Vladimir Putin in Moscow. Jinping smiled.';

function buildIndex(): CorpusIndex {
  const index = new CorpusIndex();
  index.batch(() => {
    index.setDocument(
      'docs/odd.txt',
      ODD_TEXT,
      analysis(ODD_TEXT, [
        ['"Hey,\nJude"', 'MISC'],
        ['Smith, Jones & Co', 'ORG'],
        ['Band "Of, Sorts"', 'ORG', 'Band "Of,\nSorts"'], // a name with a line break, for the round trip
        ['Zürich', 'PLACE'],
      ]),
    );
    index.setDocument(
      'docs/emoji.txt',
      EMOJI_TEXT,
      analysis(EMOJI_TEXT, [
        ['Smith, Jones & Co', 'ORG'],
        ['Zürich', 'PLACE'],
      ]),
    );
    // Analysed and corrected like the extension does.
    index.setDocument(
      'a/news.txt',
      NEWS_TEXT,
      applyCorrections(NEWS_TEXT, analyzeDocument(NEWS_TEXT), {
        version: 1,
        corrections: [{ op: 'retype', entity: 'ORG:tass', type: 'MISC' }],
      }),
    );
  });
  return index;
}

describe('parseCsv', () => {
  it('reads back what csvRow writes: quotes, commas, CR, LF and CRLF inside fields', () => {
    const rows = [
      ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf\r\n', '', ' padded '],
      ['"', '""', ',', '\r\n', 'x'],
    ];
    assert.deepStrictEqual(parseCsv(rows.map(r => csvRow(r)).join('')), rows);
    assert.deepStrictEqual(parseCsv('a,b\nc,"d\ne"\n'), [
      ['a', 'b'],
      ['c', 'd\ne'],
    ]); // LF row ends too
    assert.deepStrictEqual(parseCsv('a,b'), [['a', 'b']]); // no final row end
    assert.deepStrictEqual(parseCsv(''), []);
    assert.throws(() => parseCsv('"open,\r\n'), /unterminated/);
    assert.throws(() => parseCsv('"closed"x\r\n'), /after a closing quote/);
  });
});

describe('export', () => {
  const index = buildIndex();

  it('writes entities as RFC 4180 CSV that round-trips names with quotes, commas and line breaks', () => {
    const csv = entitiesCsv(index);
    assert.ok(csv.endsWith('\r\n'));
    const [header, ...rows] = parseCsv(csv);
    assert.deepStrictEqual(header, ['id', 'type', 'name', 'aliases', 'mentions', 'documents']);
    const entities = index.entities();
    assert.deepStrictEqual(
      rows,
      entities.map(e => [e.id, e.type, e.name, e.aliases.join('; '), String(e.mentionCount), String(e.documentCount)]),
    );
    const names = rows.map(r => r[2]);
    for (const name of ['"Hey, Jude"', 'Smith, Jones & Co', 'Band "Of,\nSorts"', 'TASS', 'Xi Jinping']) {
      assert.ok(names.includes(name), name);
    }
    assert.deepStrictEqual(rows.find(r => r[2] === 'Smith, Jones & Co')?.slice(4), ['2', '2']);
    assert.deepStrictEqual(rows.find(r => r[2] === 'TASS')?.slice(0, 2), ['MISC:tass', 'MISC']); // corrections show
  });

  it('writes entities as JSON', () => {
    const json = JSON.parse(entitiesJson(index));
    assert.deepStrictEqual(
      json,
      index.entities().map(e => ({
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: e.aliases,
        mentions: e.mentionCount,
        documents: e.documentCount,
      })),
    );
    assert.strictEqual(exportCorpus(index, 'entities', 'json'), entitiesJson(index));
  });

  it('writes mentions as CSV, by document path then offset, with 1-based lines', () => {
    const [header, ...rows] = parseCsv(mentionsCsv(index));
    assert.deepStrictEqual(header, ['path', 'start', 'end', 'line', 'text', 'type', 'entity', 'value']);
    const total = index.stats().mentions;
    assert.strictEqual(rows.length, total);
    assert.deepStrictEqual([...new Set(rows.map(r => r[0]))], ['a/news.txt', 'docs/emoji.txt', 'docs/odd.txt']);
    const texts: Record<string, string> = { 'a/news.txt': NEWS_TEXT, 'docs/emoji.txt': EMOJI_TEXT, 'docs/odd.txt': ODD_TEXT };
    for (const [path, start, end, line, text, type, entity, value] of rows) {
      assert.strictEqual(texts[path].slice(Number(start), Number(end)), text); // UTF-16 offsets
      const mention = index.mentionAt(path, Number(start))!;
      assert.deepStrictEqual([line, type, entity, value], [String(mention.line + 1), mention.type, mention.entityId, mention.value ?? '']);
    }
    const band = rows.find(r => r[4] === 'Band "Of, Sorts"')!;
    assert.strictEqual(band[3], '3');
    // A span over a line break survives too.
    assert.deepStrictEqual(rows.find(r => r[4] === '"Hey,\nJude"')?.slice(1, 4), ['10', '21', '1']);
  });

  it('writes documents as spaCy/Prodigy JSONL whose spans slice back to their text', () => {
    const lines = spansJsonl(index).split('\n');
    assert.strictEqual(lines.pop(), '');
    const docs = lines.map(line => JSON.parse(line));
    assert.deepStrictEqual(
      docs.map(d => d.meta.path),
      ['a/news.txt', 'docs/emoji.txt', 'docs/odd.txt'],
    );
    for (const doc of docs) {
      assert.deepStrictEqual(Object.keys(doc), ['text', 'meta', 'spans']);
      assert.strictEqual(doc.text, index.text(doc.meta.path));
      const mentions = index.mentionsIn(doc.meta.path);
      assert.strictEqual(doc.spans.length, mentions.length);
      const codePoints = Array.from(doc.text as string);
      doc.spans.forEach((span: { start: number; end: number; label: string }, i: number) => {
        assert.deepStrictEqual(Object.keys(span), ['start', 'end', 'label']);
        // Code points, as Python slices: text[start:end].
        assert.strictEqual(codePoints.slice(span.start, span.end).join(''), mentions[i].text);
        assert.strictEqual(span.label, mentions[i].type);
      });
    }
    // Past the emoji, code points and UTF-16 differ: the export must use code points.
    const emoji = docs[1];
    assert.strictEqual(emoji.spans[0].start, EMOJI_TEXT.indexOf('Smith') - 2);
    assert.strictEqual(emoji.spans[1].start, EMOJI_TEXT.indexOf('Zürich') - 3);
    assert.deepStrictEqual(
      docs[0].spans.find((s: { label: string }) => s.label === 'MISC'),
      { start: 0, end: 4, label: 'MISC' },
    );
  });

  it('exports only the filter: types and a search over names and aliases', () => {
    const filter = { types: ['ORG', 'PLACE'] as EntityType[], search: 'SMITH, j' };
    assert.deepStrictEqual(
      selectEntities(index, filter).map(e => e.name),
      ['Smith, Jones & Co'],
    );
    assert.deepStrictEqual(
      selectEntities(index, { types: ['PLACE'] }).map(e => e.type),
      ['PLACE', 'PLACE'],
    );
    // Aliases count: "Jinping" finds Xi Jinping.
    assert.deepStrictEqual(
      selectEntities(index, { search: ' jinping ' }).map(e => e.name),
      ['Xi Jinping'],
    );

    const [, ...entityRows] = parseCsv(entitiesCsv(index, { filter }));
    assert.deepStrictEqual(
      entityRows.map(r => r[2]),
      ['Smith, Jones & Co'],
    );
    const [, ...mentionRows] = parseCsv(mentionsCsv(index, { filter }));
    assert.deepStrictEqual(
      mentionRows.map(r => [r[0], r[4]]),
      [
        ['docs/emoji.txt', 'Smith, Jones & Co'],
        ['docs/odd.txt', 'Smith, Jones & Co'],
      ],
    );
    // Spans: the filter's only, in the documents that have one.
    const docs = spansJsonl(index, { filter: { types: ['MISC'] } })
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    assert.deepStrictEqual(
      docs.map(d => [d.meta.path, d.spans.map((s: { label: string }) => s.label)]),
      [
        ['a/news.txt', ['MISC']],
        ['docs/odd.txt', ['MISC']],
      ],
    );
    assert.strictEqual(entitiesCsv(index, { filter: { search: 'nobody' } }), 'id,type,name,aliases,mentions,documents\r\n');
  });

  it('keeps documents without spans when the filter keeps everything (the panel with nothing filtered)', () => {
    const withEmpty = buildIndex();
    withEmpty.setDocument('docs/plain.txt', 'nothing to see here.', analysis('nothing to see here.', []));
    const everything = spansJsonl(withEmpty, { filter: { types: [...ENTITY_TYPES], search: ' ' } });
    assert.strictEqual(everything, spansJsonl(withEmpty));
    assert.match(everything, /"path":"docs\/plain.txt"/);
  });

  it('writes paths as the caller names them, and refuses formats a kind does not have', () => {
    const [, first] = parseCsv(mentionsCsv(index, { path: id => `file:///w/${id}` }));
    assert.strictEqual(first[0], 'file:///w/a/news.txt');
    assert.match(spansJsonl(index, { path: id => id.toUpperCase() }), /"meta":\{"path":"A\/NEWS.TXT"\}/);
    assert.throws(() => exportCorpus(index, 'spans', 'csv' as never), /spans cannot be exported as csv/);
    for (const what of Object.keys(EXPORTS) as ExportWhat[]) {
      for (const format of EXPORTS[what]) assert.ok(exportCorpus(index, what, format).length > 0);
    }
  });
});
