import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { csvRow } from '../../../src/core/text/csv';
import { Run, cli } from './runCli';

/** Minimal RFC 4180 reader, for checking what the CLI writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.ok(field === '' && row.length === 0, 'CSV must end with CRLF');
  return rows;
}

const TEXTS: Record<string, string> = {
  'a.txt':
    ' date 2023-01-31 Russian President Vladimir Putin met Xi Jinping in Moscow on Monday.\r\n' +
    'Later, Jinping said "thank you, Moscow" to SCMP.\n',
  'sub/b.md': '# Notes\n\nXi Jinping visited Beijing in February 2023, with 3 ministers.\n',
  'sub/deeper/c.txt': 'Emmanuel Macron flew to Paris last year.\n',
};

describe('corpus-lens CLI', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cli-'));
    for (const [name, text] of Object.entries(TEXTS)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    fs.writeFileSync(path.join(dir, 'ignored.json'), '{"Vladimir Putin": 1}');
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'Vladimir Putin');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x00, 0x00, 0x41]));
    fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the exact JSON schema, with offsets that slice the file text', () => {
    const run = cli('analyze', dir, '--format', 'json');
    assert.strictEqual(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepStrictEqual(Object.keys(report), ['version', 'documents', 'entities']);
    assert.strictEqual(report.version, 1);
    const expectedPaths = Object.keys(TEXTS).map(name => path.join(dir, name));
    assert.deepStrictEqual(
      report.documents.map((d: { path: string }) => d.path),
      expectedPaths,
    );

    const entityIds = new Set(report.entities.map((e: { id: string }) => e.id));
    let mentionTotal = 0;
    for (const doc of report.documents) {
      assert.deepStrictEqual(Object.keys(doc), ['path', 'date', 'mentions']);
      const text = fs.readFileSync(doc.path, 'utf8');
      for (const mention of doc.mentions) {
        assert.deepStrictEqual(Object.keys(mention), ['start', 'end', 'text', 'type', 'entity', 'value']);
        assert.strictEqual(mention.text, text.slice(mention.start, mention.end));
        assert.ok(entityIds.has(mention.entity), mention.entity);
        assert.ok(mention.value === null || typeof mention.value === 'string');
      }
      mentionTotal += doc.mentions.length;
    }
    assert.strictEqual(report.documents[0].date, '2023-01-31');
    assert.strictEqual(report.documents[1].date, null);
    assert.ok(mentionTotal > 0);

    for (const entity of report.entities) {
      assert.deepStrictEqual(Object.keys(entity), ['id', 'type', 'name', 'aliases', 'mentions', 'documents']);
      assert.ok(Array.isArray(entity.aliases));
    }
    const sum = report.entities.reduce((n: number, e: { mentions: number }) => n + e.mentions, 0);
    assert.strictEqual(sum, mentionTotal);

    // Cross-document: "Xi Jinping" is one entity over a.txt and b.md.
    const xi = report.entities.find((e: { name: string }) => e.name === 'Xi Jinping');
    assert.ok(xi, 'Xi Jinping found');
    assert.strictEqual(xi.documents, 2);

    assert.match(run.stderr, /binary\.txt: skipped: binary/);
    assert.match(run.stderr, /dangling\.txt: cannot read/);
    assert.match(run.stderr, /loop: skipped: symbolic link loop/);
    assert.doesNotMatch(run.stderr + run.stdout, /hidden|ignored\.json/);
  });

  it('writes one JSON document per line with --format jsonl, and filters with --include', () => {
    const run = cli('analyze', '--format=jsonl', '--include', 'sub/**', dir);
    assert.strictEqual(run.status, 0, run.stderr);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map(line => JSON.parse(line));
    assert.deepStrictEqual(
      lines.map(d => d.path),
      [path.join(dir, 'sub/b.md'), path.join(dir, 'sub/deeper/c.txt')],
    );
    assert.deepStrictEqual(Object.keys(lines[0]), ['path', 'date', 'mentions']);

    const byName = cli('analyze', '--format', 'jsonl', '--include', '*.md', dir);
    assert.deepStrictEqual(
      byName.stdout
        .trimEnd()
        .split('\n')
        .map(line => JSON.parse(line).path),
      [path.join(dir, 'sub/b.md')],
    );
  });

  it('writes one CSV row per mention', () => {
    const file = path.join(dir, 'a.txt');
    const run = cli('analyze', file, '--format', 'csv');
    assert.strictEqual(run.status, 0, run.stderr);
    const [header, ...rows] = parseCsv(run.stdout);
    assert.deepStrictEqual(header, ['path', 'start', 'end', 'text', 'type', 'entity', 'value']);
    const json = JSON.parse(cli('analyze', file, '--format', 'json').stdout);
    assert.strictEqual(rows.length, json.documents[0].mentions.length);
    for (const [row, mention] of rows.map((r, i) => [r, json.documents[0].mentions[i]])) {
      assert.deepStrictEqual(row, [
        file,
        String(mention.start),
        String(mention.end),
        mention.text,
        mention.type,
        mention.entity,
        mention.value ?? '',
      ]);
    }
  });

  it('prints a table by default, and keeps going past unreadable paths', () => {
    const run = cli('analyze', path.join(dir, 'missing.txt'), path.join(dir, 'sub', 'deeper'), path.join(dir, 'sub', 'b.md'));
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, /missing\.txt: cannot read: ENOENT/);
    assert.match(run.stdout, /^2 documents, /);
    assert.match(run.stdout, /^PERSON: \d+ entities/m);
    assert.match(run.stdout, /Xi Jinping/);
  });

  it('reads UTF-16, warns about invalid UTF-8, and exits 1 when nothing could be analysed', () => {
    const utf16 = path.join(dir, 'utf16.txt');
    const latin1 = path.join(dir, 'latin1.txt');
    const text = 'Vladimir Putin met Xi Jinping — again.';
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(latin1, Buffer.from('Caf\xe9 owner Vladimir Putin.', 'latin1'));
    const run = cli('analyze', utf16, latin1, '--format', 'json');
    fs.rmSync(utf16);
    fs.rmSync(latin1);
    assert.strictEqual(run.status, 0, run.stderr);
    const [first, second] = JSON.parse(run.stdout).documents;
    assert.ok(first.mentions.length > 0);
    for (const m of first.mentions) assert.strictEqual(m.text, text.slice(m.start, m.end));
    assert.match(run.stderr, /latin1\.txt: warning: invalid UTF-8/);
    assert.ok(second.mentions.some((m: { text: string }) => m.text === 'Vladimir Putin'));

    const none = cli('analyze', path.join(dir, 'binary.txt'));
    assert.strictEqual(none.status, 1);
    assert.strictEqual(none.stdout, '');
    assert.match(none.stderr, /skipped: binary/);
  });

  it('exits 2 with usage on usage errors, 0 on --help', () => {
    const usageErrors = [[], ['analyze'], ['frobnicate', dir], ['analyze', dir, '--format', 'xml'], ['analyze', dir, '--bogus']];
    for (const args of [...usageErrors, ['analyze', dir, '--format']]) {
      const run = cli(...args);
      assert.strictEqual(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage: corpus-lens analyze/);
      assert.strictEqual(run.stdout, '');
    }
    const help = cli('--help');
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /Usage: corpus-lens analyze/);
  });
});

describe('corpus-lens corrections and export', function () {
  this.timeout(60_000);
  let dir: string;
  // "nornickel" in lower case: a name no recogniser finds, so only the addition makes it an entity.
  const NEWS = 'TASS reported that Xi Jinping met Vladimir Putin in Moscow. Jinping smiled. Officials said nornickel would sign.\n';
  const CORRECTIONS =
    '{\n  "version": 1,\n  "corrections": [\n' +
    '    { "op": "retype", "entity": "ORG:tass", "type": "MISC" },\n' +
    '    { "op": "addEntity", "text": "nornickel", "type": "ORG" }\n  ]\n}\n';

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-corrections-'));
    fs.mkdirSync(path.join(dir, 'corpus', '.corpus-lens'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'corpus', 'sub'));
    fs.writeFileSync(path.join(dir, 'corpus', 'sub', 'news.txt'), NEWS);
    fs.writeFileSync(path.join(dir, 'corpus', '.corpus-lens', 'corrections.json'), CORRECTIONS);
    fs.writeFileSync(path.join(dir, 'other.json'), CORRECTIONS.replace('"MISC"', '"PERSON"'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const entityIds = (run: Run) => JSON.parse(run.stdout).entities.map((e: { id: string }) => e.id);

  it('applies the nearest .corpus-lens/corrections.json above each document, or the one given', () => {
    const file = path.join(dir, 'corpus', 'sub', 'news.txt');
    const found = cli('analyze', file, '--format', 'json');
    assert.strictEqual(found.status, 0, found.stderr);
    assert.ok(entityIds(found).includes('MISC:tass'));
    assert.ok(entityIds(found).includes('ORG:nornickel'));
    assert.ok(!entityIds(found).includes('ORG:tass'));
    assert.match(found.stderr, /applying 2 corrections from .*corpus\/\.corpus-lens\/corrections\.json/);

    const given = cli('analyze', path.join(dir, 'corpus'), '--format', 'json', '--corrections', path.join(dir, 'other.json'));
    assert.strictEqual(given.status, 0, given.stderr);
    assert.ok(entityIds(given).includes('PERSON:tass'));

    const none = cli('analyze', file, '--format', 'json', '--no-corrections');
    assert.ok(entityIds(none).includes('ORG:tass'));
    assert.ok(!entityIds(none).includes('ORG:nornickel'));
    assert.strictEqual(none.stderr, '');
  });

  it('exits 2 naming the file, line and column of an invalid corrections file', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, CORRECTIONS.replace('"type": "MISC"', '"type": MISC'));
    const run = cli('analyze', path.join(dir, 'corpus'), '--corrections', bad);
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stdout, '');
    assert.ok(run.stderr.includes(`${bad}:4:53: invalid corrections: invalid JSON: Unexpected token 'M'`), run.stderr);

    const schema = path.join(dir, 'schema.json');
    fs.writeFileSync(schema, CORRECTIONS.replace('"op": "addEntity"', '"op": "addEntities"'));
    const schemaRun = cli('export', path.join(dir, 'corpus'), '--what', 'entities', '--corrections', schema);
    assert.strictEqual(schemaRun.status, 2);
    assert.ok(schemaRun.stderr.includes(`${schema}:5:5: invalid corrections: correction 2: "op" must be one of`), schemaRun.stderr);

    // Found automatically: the same.
    const found = path.join(dir, 'corpus', '.corpus-lens', 'corrections.json');
    fs.writeFileSync(found, '{\n  "version": 1,\n  "corrections": [\n');
    try {
      const auto = cli('analyze', path.join(dir, 'corpus'));
      assert.strictEqual(auto.status, 2);
      assert.ok(auto.stderr.includes(`${found}:4:1: invalid corrections`), auto.stderr);
    } finally {
      fs.writeFileSync(found, CORRECTIONS);
    }
    const missing = cli('analyze', path.join(dir, 'corpus'), '--corrections', path.join(dir, 'missing.json'));
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /missing\.json: cannot read corrections: ENOENT/);
  });

  it('exports entities, mentions and spans, corrected and filtered, to stdout or --out', () => {
    const corpus = path.join(dir, 'corpus');
    const entities = cli('export', corpus, '--what', 'entities');
    assert.strictEqual(entities.status, 0, entities.stderr);
    const [header, ...rows] = parseCsv(entities.stdout);
    assert.deepStrictEqual(header, ['id', 'type', 'name', 'aliases', 'mentions', 'documents']);
    assert.ok(rows.some(r => r[0] === 'MISC:tass'));

    const filtered = cli('export', corpus, '--what', 'entities', '--format', 'json', '--type', 'PERSON', '--search', 'jinping');
    const json = JSON.parse(filtered.stdout);
    assert.deepStrictEqual(
      json.map((e: { id: string }) => e.id),
      ['PERSON:xi jinping'],
    );
    assert.deepStrictEqual(json[0].aliases, ['Jinping']);

    const mentions = parseCsv(cli('export', corpus, '--what', 'mentions', '--type', 'ORG').stdout);
    assert.deepStrictEqual(
      mentions.slice(1).map(r => [r[3], r[4], r[6]]),
      [['1', 'nornickel', 'ORG:nornickel']],
    );

    const out = path.join(dir, 'spans.jsonl');
    const spans = cli('export', corpus, '--what', 'spans', '--out', out);
    assert.strictEqual(spans.status, 0, spans.stderr);
    assert.strictEqual(spans.stdout, '');
    const [doc] = fs
      .readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map(line => JSON.parse(line));
    assert.strictEqual(doc.text, NEWS);
    assert.strictEqual(doc.meta.path, path.join(corpus, 'sub', 'news.txt'));
    for (const span of doc.spans) assert.ok(NEWS.slice(span.start, span.end).length > 0);
    const labelled = doc.spans.map((s: { start: number; end: number; label: string }) => `${NEWS.slice(s.start, s.end)}/${s.label}`);
    assert.deepStrictEqual(labelled.slice(0, 2), ['TASS/MISC', 'Xi Jinping/PERSON']);
  });

  it('exits 2 on export usage errors', () => {
    for (const args of [
      ['export', dir],
      ['export', dir, '--what', 'people'],
      ['export', dir, '--what', 'spans', '--format', 'csv'],
      ['export', dir, '--what', 'entities', '--type', 'COMPANY'],
      ['analyze', dir, '--what', 'entities'],
      ['analyze', dir, '--type', 'PERSON'],
      ['analyze', dir, '--corrections', 'x.json', '--no-corrections'],
    ]) {
      const run = cli(...args);
      assert.strictEqual(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage: corpus-lens analyze/);
      assert.strictEqual(run.stdout, '');
    }
  });
});

describe('csvRow', () => {
  it('quotes fields with commas, quotes and line breaks, and round-trips them', () => {
    const fields = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf\r\n', '', ' padded '];
    const line = csvRow([...fields, 42, null]);
    assert.strictEqual(line, 'plain,"a,b","say ""hi""","two\nlines","cr\rlf\r\n",, padded ,42,\r\n');
    assert.deepStrictEqual(parseCsv(line), [[...fields, '42', '']]);
  });
});
