import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_FOLDER_DEPTH } from '../../../src/core/node/corpusWalk';
import { Run, cli, runCli } from './runCli';

const NEWS = 'TASS reported that Xi Jinping met Vladimir Putin in Moscow.\n';
const RETYPE_TASS = '{ "version": 1, "corrections": [{ "op": "retype", "entity": "ORG:tass", "type": "MISC" }] }\n';

const documents = (run: Run): string[] => JSON.parse(run.stdout).documents.map((d: { path: string }) => d.path);
const entityIds = (run: Run): string[] => JSON.parse(run.stdout).entities.map((e: { id: string }) => e.id);

/** Writes `files` (path → text) under `dir`. */
function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

describe('corpus-lens on odd paths', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-odd-'))));
  // rm copes with trees deeper than a path can name (fs.rmSync does not).
  afterEach(() => spawnSync('rm', ['-rf', dir]));

  it('stops at a depth limit in 2,100 nested folders, with a message and no stack', () => {
    write(dir, { 'top.txt': NEWS });
    // Created one level at a time from inside: the full path is longer than the system accepts.
    const nest = "for (let i = 0; i < 2100; i++) { fs.mkdirSync('d'); process.chdir('d'); } fs.writeFileSync('deep.txt', 'x');";
    assert.strictEqual(spawnSync(process.execPath, ['-e', nest], { cwd: dir }).status, 0);
    const run = runCli(['analyze', dir, '--format', 'json'], { timeoutMs: 30_000 });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(documents(run), [path.join(dir, 'top.txt')]);
    const limited = path.join(dir, ...Array(MAX_FOLDER_DEPTH + 1).fill('d'));
    assert.strictEqual(run.stderr, `corpus-lens: ${limited}: skipped: more than ${MAX_FOLDER_DEPTH} nested folders\n`);
  });

  it('reports and skips a FIFO named *.txt, in a folder or named, without waiting on it', () => {
    write(dir, { 'a.txt': NEWS });
    const fifo = path.join(dir, 'fifo.txt');
    assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
    for (const args of [[dir], [fifo, path.join(dir, 'a.txt')]]) {
      const run = runCli(['analyze', ...args, '--format', 'json'], { timeoutMs: 30_000 });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual(documents(run), [path.join(dir, 'a.txt')]);
      assert.strictEqual(run.stderr, `corpus-lens: ${fifo}: skipped: not a regular file (a FIFO)\n`);
    }
  });

  it('refuses a corrections file that is a device or too large, without reading it', () => {
    write(dir, { 'a.txt': NEWS });
    const zero = runCli(['analyze', dir, '--corrections', '/dev/zero'], { timeoutMs: 30_000 });
    assert.strictEqual(zero.status, 2);
    assert.strictEqual(zero.stderr, 'corpus-lens: /dev/zero: cannot read corrections: not a regular file (a device)\n');
    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 6 * 1048576); // sparse: no disk used
    const run = cli('analyze', dir, '--corrections', huge);
    assert.strictEqual(run.status, 2);
    const limit = 'Corpus Lens reads corrections files of at most 5.0 MB';
    assert.strictEqual(run.stderr, `corpus-lens: ${huge}: the file is 6.0 MB: ${limit}\n`);
  });

  it('refuses a corrections file that is not UTF-8 (as the extension does), at its line and column', () => {
    write(dir, { 'a.txt': NEWS });
    const latin1 = path.join(dir, 'latin1.json');
    fs.writeFileSync(latin1, Buffer.from('{ "version": 1,\n  "corrections": [{ "op": "notEntity", "text": "Zo\xeb" }] }\n', 'latin1'));
    const run = cli('analyze', dir, '--corrections', latin1);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, new RegExp(`^corpus-lens: ${latin1}:2:51: invalid corrections: not UTF-8: byte 0xeb`));
  });

  it('skips files over --max-file-size-mb (default 5), and checks the value', () => {
    write(dir, { 'small.txt': NEWS, 'medium.txt': NEWS.repeat(40) });
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 6 * 1048576);
    const byDefault = cli('analyze', dir, '--format', 'json');
    assert.strictEqual(byDefault.status, 0, byDefault.stderr);
    assert.deepStrictEqual(documents(byDefault), [path.join(dir, 'medium.txt'), path.join(dir, 'small.txt')]);
    assert.strictEqual(byDefault.stderr, `corpus-lens: ${big}: skipped: too large: 6.0 MB (--max-file-size-mb is 5)\n`);

    const small = cli('analyze', dir, '--format', 'json', '--max-file-size-mb', '0.001');
    assert.deepStrictEqual(documents(small), [path.join(dir, 'small.txt')]);
    assert.match(small.stderr, /medium\.txt: skipped: too large: 3 KB \(--max-file-size-mb is 0\.001\)/);

    for (const value of ['0', '-1', 'abc', '1e3', '']) {
      const run = cli('analyze', dir, `--max-file-size-mb=${value}`);
      assert.strictEqual(run.status, 2, value);
      assert.ok(run.stderr.startsWith(`corpus-lens: --max-file-size-mb needs a number of megabytes above 0, not '${value}'\n`), run.stderr);
    }
  });

  it('takes --recognizer learned or rules, and nothing else', () => {
    write(dir, { 'a.txt': NEWS });
    for (const recognizer of ['learned', 'rules']) {
      const run = cli('analyze', dir, '--format', 'json', '--recognizer', recognizer);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.ok(entityIds(run).includes('PERSON:xi jinping'), recognizer);
    }
    const bad = cli('analyze', dir, '--recognizer', 'neural');
    assert.strictEqual(bad.status, 2);
    assert.ok(bad.stderr.startsWith("corpus-lens: unknown --recognizer 'neural' (learned or rules)\n\nUsage: "), bad.stderr);
  });
});

describe('corpus-lens looking for corrections', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-lookup-'));
    write(dir, { '.corpus-lens/corrections.json': RETYPE_TASS });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('climbs no higher than the repository holding the corpus', () => {
    write(dir, { 'repo/corpus/news.txt': NEWS });
    fs.mkdirSync(path.join(dir, 'repo', '.git'));
    const run = cli('analyze', path.join(dir, 'repo', 'corpus'), '--format', 'json');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, '');
    assert.ok(entityIds(run).includes('ORG:tass'));
    // The repository's own file applies (a .git file, as in a worktree, marks the top too).
    write(dir, { 'repo/.corpus-lens/corrections.json': RETYPE_TASS, 'worktree/.git': 'gitdir: elsewhere\n', 'worktree/news.txt': NEWS });
    const own = cli('analyze', path.join(dir, 'repo', 'corpus'), path.join(dir, 'worktree'), '--format', 'json');
    const repoFile = path.join(dir, 'repo', '.corpus-lens', 'corrections.json');
    assert.strictEqual(own.stderr, `corpus-lens: applying 1 correction from ${repoFile}\n`);
    assert.deepStrictEqual(
      entityIds(own)
        .filter(id => id.endsWith(':tass'))
        .sort(),
      ['MISC:tass', 'ORG:tass'],
    );
  });

  it('climbs no higher than the home folder', () => {
    write(dir, { 'home/corpus/news.txt': NEWS });
    const run = runCli(['analyze', path.join(dir, 'home', 'corpus'), '--format', 'json'], { env: { HOME: path.join(dir, 'home') } });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, '');
    assert.ok(entityIds(run).includes('ORG:tass'));
    // Below the home folder the search did not start from, the file above applies.
    const elsewhere = runCli(['analyze', path.join(dir, 'home', 'corpus'), '--format', 'json'], { env: { HOME: path.join(dir, 'other') } });
    assert.ok(entityIds(elsewhere).includes('MISC:tass'));
  });

  it('ignores, saying so, a file others can write or that another user owns', () => {
    write(dir, { 'corpus/news.txt': NEWS });
    const file = path.join(dir, '.corpus-lens', 'corrections.json');
    fs.chmodSync(file, 0o666);
    const writable = cli('analyze', path.join(dir, 'corpus'), '--format', 'json');
    assert.strictEqual(writable.status, 0, writable.stderr);
    assert.strictEqual(writable.stderr, `corpus-lens: ignoring ${file}: it is writable by others than its owner\n`);
    assert.ok(entityIds(writable).includes('ORG:tass'));

    fs.chmodSync(file, 0o644);
    fs.chmodSync(path.dirname(file), 0o777);
    const folder = cli('analyze', path.join(dir, 'corpus'), '--format', 'json');
    assert.strictEqual(folder.stderr, `corpus-lens: ignoring ${file}: its folder is writable by others than its owner\n`);
    fs.chmodSync(path.dirname(file), 0o755);

    // Only root can give a file away; as another user, the mode test above stands for both.
    if (process.getuid?.() !== 0) return;
    fs.chownSync(file, 4242, 4242);
    const owned = cli('analyze', path.join(dir, 'corpus'), '--format', 'json');
    assert.strictEqual(owned.stderr, `corpus-lens: ignoring ${file}: it is owned by another user\n`);
    assert.ok(entityIds(owned).includes('ORG:tass'));
  });
});
