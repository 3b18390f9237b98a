import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Run, cli, runCli } from './runCli';

const NEWS = 'TASS reported that Xi Jinping met Vladimir Putin in Moscow.\n';

const documents = (run: Run): string[] => JSON.parse(run.stdout).documents.map((d: { path: string }) => d.path);

describe('corpus-lens and links', function () {
  this.timeout(60_000);
  let dir: string;
  let corpus: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-links-'));
    corpus = path.join(dir, 'corpus');
    fs.mkdirSync(path.join(corpus, 'seeds'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.writeFileSync(path.join(dir, 'elsewhere', 'secret.txt'), NEWS);
    fs.writeFileSync(path.join(corpus, 'seeds', 'a.txt'), NEWS);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('follows no link leading out of the folder, unless --follow-symlinks', () => {
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(corpus, 'seeds', 'x'));
    fs.symlinkSync(path.join('..', '..', 'elsewhere', 'secret.txt'), path.join(corpus, 'seeds', 'y.txt'));
    const run = cli('analyze', corpus, '--format', 'json');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(documents(run), [path.join(corpus, 'seeds', 'a.txt')]);
    const secret = path.join(fs.realpathSync(dir), 'elsewhere');
    assert.strictEqual(
      run.stderr,
      `corpus-lens: ${path.join(corpus, 'seeds', 'x')}: skipped: symbolic link leading out of the folder ` +
        `(to ${secret}; --follow-symlinks follows it)\n` +
        `corpus-lens: ${path.join(corpus, 'seeds', 'y.txt')}: skipped: symbolic link leading out of the folder ` +
        `(to ${path.join(secret, 'secret.txt')}; --follow-symlinks follows it)\n`,
    );

    const followed = cli('analyze', corpus, '--format', 'json', '--follow-symlinks');
    assert.strictEqual(followed.status, 0, followed.stderr);
    assert.deepStrictEqual(
      documents(followed),
      ['a.txt', 'x/secret.txt'].map(f => path.join(corpus, 'seeds', f)),
    );
    const twice = `${path.join(corpus, 'seeds', 'y.txt')}: skipped: same file as ${path.join(corpus, 'seeds', 'x', 'secret.txt')}`;
    assert.strictEqual(followed.stderr, `corpus-lens: ${twice}\n`);
  });

  it('analyses each real file once, under its own path, whatever links and hard links lead to it', () => {
    fs.mkdirSync(path.join(corpus, 'seeds', 'sub'));
    fs.writeFileSync(path.join(corpus, 'seeds', 'sub', 'c.txt'), NEWS);
    fs.symlinkSync('a.txt', path.join(corpus, 'seeds', '0-alias.txt'));
    fs.linkSync(path.join(corpus, 'seeds', 'a.txt'), path.join(corpus, 'seeds', 'hard.txt'));
    fs.symlinkSync('sub', path.join(corpus, 'seeds', '0-latest'));
    const run = cli('analyze', corpus, path.join(corpus, 'seeds', 'a.txt'), '--format', 'json');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(
      documents(run),
      ['a.txt', 'sub/c.txt'].map(f => path.join(corpus, 'seeds', f)),
    );
    const seeds = (f: string) => path.join(corpus, 'seeds', f);
    assert.strictEqual(
      run.stderr,
      [
        `${seeds('hard.txt')}: skipped: same file as ${seeds('a.txt')}`,
        `${seeds('0-alias.txt')}: skipped: same file as ${seeds('a.txt')}`,
        `${seeds('0-latest')}: skipped: same folder as ${seeds('sub')}`,
      ]
        .map(line => `corpus-lens: ${line}\n`)
        .join(''),
    );
  });

  it('keeps a fan-out of links (each folder linked twice from the one before, 12 levels) one document, fast', () => {
    for (let i = 0; i <= 12; i++) fs.mkdirSync(path.join(corpus, `l${i}`));
    for (let i = 0; i < 12; i++) for (const name of ['a', 'b']) fs.symlinkSync(`../l${i + 1}`, path.join(corpus, `l${i}`, name));
    fs.writeFileSync(path.join(corpus, 'l12', 'doc.txt'), NEWS);
    fs.rmSync(path.join(corpus, 'seeds'), { recursive: true });
    const run = runCli(['analyze', corpus, '--format', 'json'], { timeoutMs: 20_000 });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(documents(run), [path.join(corpus, 'l12', 'doc.txt')]);
    assert.strictEqual(run.stderr.split('\n').filter(line => /skipped: same folder as/.test(line)).length, 24, run.stderr);
  });
});
