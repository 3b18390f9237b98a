import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { csvRow } from '../../src/core/csv';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'cli.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
  'a.txt': ' date 2023-01-31 Russian President Vladimir Putin met Xi Jinping in Moscow on Monday.\r\nLater, Jinping said "thank you, Moscow" to SCMP.\n',
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
    assert.deepStrictEqual(report.documents.map((d: { path: string }) => d.path), expectedPaths);

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
    const lines = run.stdout.trimEnd().split('\n').map(line => JSON.parse(line));
    assert.deepStrictEqual(lines.map(d => d.path), [path.join(dir, 'sub/b.md'), path.join(dir, 'sub/deeper/c.txt')]);
    assert.deepStrictEqual(Object.keys(lines[0]), ['path', 'date', 'mentions']);

    const byName = cli('analyze', '--format', 'jsonl', '--include', '*.md', dir);
    assert.deepStrictEqual(byName.stdout.trimEnd().split('\n').map(line => JSON.parse(line).path), [path.join(dir, 'sub/b.md')]);
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
        file, String(mention.start), String(mention.end), mention.text, mention.type, mention.entity, mention.value ?? '',
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
    for (const args of [[], ['analyze'], ['frobnicate', dir], ['analyze', dir, '--format', 'xml'], ['analyze', dir, '--bogus'], ['analyze', dir, '--format']]) {
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

describe('csvRow', () => {
  it('quotes fields with commas, quotes and line breaks, and round-trips them', () => {
    const fields = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf\r\n', '', ' padded '];
    const line = csvRow([...fields, 42, null]);
    assert.strictEqual(line, 'plain,"a,b","say ""hi""","two\nlines","cr\rlf\r\n",, padded ,42,\r\n');
    assert.deepStrictEqual(parseCsv(line), [[...fields, '42', '']]);
  });
});
