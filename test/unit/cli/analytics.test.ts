// The analytics subcommands print what the core computes for the same files: the numbers a
// panel would show from the index are the numbers the CLI gives.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collocates } from '../../../src/core/analytics/collocates';
import { concordance } from '../../../src/core/analytics/concordance';
import { cooccurrenceNetwork } from '../../../src/core/analytics/cooccurrence';
import { dispersion } from '../../../src/core/analytics/dispersion';
import { timeline } from '../../../src/core/analytics/timeline';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { parseCsv } from '../../../src/core/text/csv';
import { PUTIN, XI, analysedIndex, seedTexts } from '../analytics/corpus';
import { cli } from './runCli';

describe('corpus-lens analytics subcommands', function () {
  this.timeout(60_000);
  let dir: string;
  /** The same files, analysed in this process, under the paths the CLI uses as ids. */
  let index: CorpusIndex;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-analytics-'));
    const texts: Record<string, string> = {};
    for (const [name, text] of Object.entries(seedTexts())) {
      fs.writeFileSync(path.join(dir, name), text);
      texts[path.join(dir, name)] = text;
    }
    index = analysedIndex(texts);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const json = (...args: string[]) => {
    const run = cli(...args, '--format', 'json');
    assert.strictEqual(run.status, 0, run.stderr);
    return JSON.parse(run.stdout);
  };

  it('timeline: {version, by, rows} as the core computes it', () => {
    assert.deepStrictEqual(json('timeline', dir, '--by', 'year', '--entity', XI, '--entity', PUTIN), {
      version: 1,
      ...timeline(index, 'year', [XI, PUTIN]),
    });
    const all = json('timeline', dir);
    assert.deepStrictEqual(all, { version: 1, ...timeline(index, 'month') });
    assert.deepStrictEqual(Object.keys(all.rows[0]), ['period', 'entity', 'mentions', 'documents']);
  });

  it('timeline --of dates: DATE mentions by the period they name, as the core computes it', () => {
    const dates = json('timeline', dir, '--of', 'dates', '--by', 'year');
    assert.deepStrictEqual(dates, { version: 1, ...timeline(index, 'year', undefined, { of: 'dates' }) });
    assert.strictEqual(dates.of, 'dates');
    assert.ok(dates.rows.length > 0 && dates.rows.every((r: { entity: string }) => r.entity.startsWith('DATE:')));
    const [one] = dates.rows;
    assert.deepStrictEqual(json('timeline', dir, '--of', 'dates', '--by', 'year', '--entity', one.entity), {
      version: 1,
      ...timeline(index, 'year', [one.entity], { of: 'dates' }),
    });
  });

  it('dispersion: {version, entity, dp, documents}', () => {
    const report = json('dispersion', dir, '--entity', XI);
    assert.deepStrictEqual(report, { version: 1, ...dispersion(index, XI) });
    assert.deepStrictEqual(Object.keys(report), ['version', 'entity', 'dp', 'documents']);
    assert.deepStrictEqual(Object.keys(report.documents[0]), ['path', 'length', 'positions']);
  });

  it('cooccurrence: {version, measure, edges}, filtered by --min', () => {
    const report = json('cooccurrence', dir, '--min', '3');
    assert.deepStrictEqual(report, { version: 1, ...cooccurrenceNetwork(index, 3) });
    assert.deepStrictEqual(Object.keys(report.edges[0]), ['a', 'b', 'sentences', 'documents', 'score']);
  });

  it('collocates: {version, entity, window, rows}, with --window and --keep-stopwords', () => {
    const report = json('collocates', dir, '--entity', XI, '--window', '3', '--keep-stopwords');
    assert.deepStrictEqual(report, { version: 1, ...collocates(index, XI, { window: 3, keepStopwords: true }) });
    assert.deepStrictEqual(Object.keys(report.rows[0]), ['word', 'count', 'llr', 'mi']);
  });

  it('concordance: CSV by default (left,keyword,right,document,line), JSON on request', () => {
    const expected = concordance(index, XI, { width: 20, sort: 'R1' });
    assert.deepStrictEqual(json('concordance', dir, '--entity', XI, '--width', '20', '--sort', 'R1'), { version: 1, ...expected });
    const run = cli('concordance', dir, '--entity', XI, '--width', '20', '--sort', 'R1');
    assert.strictEqual(run.status, 0, run.stderr);
    const [header, ...rows] = parseCsv(run.stdout);
    assert.deepStrictEqual(header, ['left', 'keyword', 'right', 'document', 'line']);
    assert.deepStrictEqual(
      rows,
      expected.rows.map(r => [r.left, r.keyword, r.right, r.document, String(r.line)]),
    );
  });

  it('writes CSV tables of the same rows, undated periods empty', () => {
    const run = cli('timeline', dir, '--entity', XI, '--format', 'csv');
    assert.strictEqual(run.status, 0, run.stderr);
    const [header, ...rows] = parseCsv(run.stdout);
    assert.deepStrictEqual(header, ['period', 'entity', 'mentions', 'documents']);
    assert.deepStrictEqual(
      rows,
      timeline(index, 'month', [XI]).rows.map(r => [r.period ?? '', r.entity, String(r.mentions), String(r.documents)]),
    );
    const [dispersionHeader, first] = parseCsv(cli('dispersion', dir, '--entity', XI, '--format', 'csv').stdout);
    assert.deepStrictEqual(dispersionHeader, ['entity', 'dp', 'path', 'length', 'positions']);
    const { dp, documents } = dispersion(index, XI);
    assert.deepStrictEqual(first, [XI, String(dp), documents[0].path, String(documents[0].length), documents[0].positions.join(' ')]);
  });

  it('--from and --to: every statistic and export over the documents dated in the range, as the panel’s date filter', () => {
    const range = { from: '2023-02', to: '2023-03-15' };
    const dated = ['--from', range.from, '--to', range.to];
    assert.deepStrictEqual(json('timeline', dir, '--entity', XI, ...dated), { version: 1, ...timeline(index, 'month', [XI], { range }) });
    assert.deepStrictEqual(json('dispersion', dir, '--entity', XI, ...dated), { version: 1, ...dispersion(index, XI, range) });
    assert.deepStrictEqual(json('cooccurrence', dir, ...dated), { version: 1, ...cooccurrenceNetwork(index, 1, range) });
    assert.deepStrictEqual(json('collocates', dir, '--entity', XI, ...dated), { version: 1, ...collocates(index, XI, { range }) });
    assert.deepStrictEqual(json('concordance', dir, '--entity', XI, ...dated), { version: 1, ...concordance(index, XI, { range }) });
    assert.strictEqual(dispersion(index, XI, range).documents.length, 2, 'February and March only');
    const run = cli('export', dir, '--what', 'mentions', ...dated);
    assert.strictEqual(run.status, 0, run.stderr);
    const paths = new Set(
      parseCsv(run.stdout)
        .slice(1)
        .map(row => path.basename(row[0])),
    );
    assert.deepStrictEqual(paths, new Set(['feb.txt', 'mar.txt']));
  });

  it('refuses a --from or --to that is not a date, or a range that ends before it starts', () => {
    for (const [args, message] of [
      [['--from', 'February'], /'February' is not a date/],
      [['--to', '2023-2-1'], /'2023-2-1' is not a date/],
      [['--from', '2023-03', '--to', '2023-02'], /--from 2023-03 is after --to 2023-02/],
    ] as const) {
      const run = cli('cooccurrence', dir, ...args);
      assert.strictEqual(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
    assert.match(cli('analyze', dir, '--from', '2023').stderr, /--from is for export, timeline/);
  });

  it('exits 2 on an unknown entity, a missing one, or an option of another command', () => {
    const unknown = cli('dispersion', dir, '--entity', 'PERSON:nobody at all');
    assert.strictEqual(unknown.status, 2);
    assert.strictEqual(unknown.stdout, '');
    assert.match(unknown.stderr, /unknown entity 'PERSON:nobody at all'/);
    for (const args of [
      ['collocates', dir],
      ['concordance', dir, '--entity', XI, '--entity', PUTIN],
      ['timeline', dir, '--by', 'week'],
      ['timeline', dir, '--of', 'mentions'],
      ['dispersion', dir, '--entity', XI, '--of', 'dates'],
      ['cooccurrence', dir, '--min', '0'],
      ['collocates', dir, '--entity', XI, '--window', 'five'],
      ['concordance', dir, '--entity', XI, '--sort', 'L3'],
      ['dispersion', dir, '--entity', XI, '--format', 'jsonl'],
      ['timeline', dir, '--window', '3'],
      ['analyze', dir, '--entity', XI],
    ]) {
      const run = cli(...args);
      assert.strictEqual(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage: corpus-lens analyze/);
      assert.strictEqual(run.stdout, '');
    }
  });
});
