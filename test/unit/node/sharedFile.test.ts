import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { parseCorrectionsFile } from '../../../src/core/corrections/corrections';
import { writeFileAtomic } from '../../../src/core/node/atomicWrite';
import { withFileLock } from '../../../src/core/node/fileLock';
import { updateSharedFile } from '../../../src/core/node/sharedFile';

const run = promisify(execFile);
const WRITER = path.join(__dirname, '..', 'fixtures', 'sharedWriter.ts');

describe('shared file writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-shared-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const files = (): string[] => fs.readdirSync(dir, { recursive: true }).map(String).sort();

  it('loses nothing when two processes write at once', async function () {
    this.timeout(120_000);
    const file = path.join(dir, '.corpus-lens', 'corrections.json');
    const writer = (tag: string) => run(process.execPath, ['--import', 'tsx', WRITER, file, dir, '100', tag]);
    await Promise.all([writer('a'), writer('b')]);
    const parsed = parseCorrectionsFile(fs.readFileSync(file));
    assert.ok('corrections' in parsed);
    assert.strictEqual(parsed.corrections.corrections.length, 200);
    assert.deepStrictEqual(files(), ['.corpus-lens', '.corpus-lens/corrections.json'], 'no lock or temporary file left');
  });

  it('writes again on the new content when the file changes during a write', async () => {
    const file = path.join(dir, 'list.txt');
    fs.writeFileSync(file, 'a\n');
    let calls = 0;
    await updateSharedFile(file, dir, bytes => {
      const text = Buffer.from(bytes!).toString();
      if (calls++ === 0) fs.writeFileSync(file, `${text}elsewhere\n`); // another editor, between our read and our rename
      return `${text}ours\n`;
    });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'a\nelsewhere\nours\n');
    assert.strictEqual(calls, 2);
    assert.deepStrictEqual(files(), ['list.txt']);
  });

  it('writes through a link to its target, keeping its mode, and never outside the folder', async () => {
    const target = path.join(dir, 'real.json');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o600);
    const link = path.join(dir, 'link.json');
    fs.symlinkSync('real.json', link);
    assert.ok(await updateSharedFile(link, dir, () => 'new'));
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'new');
    assert.strictEqual(fs.statSync(target).mode & 0o777, 0o600);

    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-outside-'));
    try {
      const root = path.join(dir, 'workspace');
      fs.mkdirSync(root);
      fs.symlinkSync(outside, path.join(root, '.corpus-lens')); // a linked folder
      fs.symlinkSync(path.join(outside, 'x.json'), path.join(root, 'direct.json')); // a linked file
      for (const file of [path.join(root, '.corpus-lens', 'corrections.json'), path.join(root, 'direct.json')]) {
        await assert.rejects(
          updateSharedFile(file, root, () => 'x'),
          /outside/,
        );
      }
      assert.deepStrictEqual(fs.readdirSync(outside), []);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('removes the temporary file of a failed or refused write', async () => {
    const file = path.join(dir, 'f.txt');
    fs.writeFileSync(file, 'kept');
    assert.strictEqual(await writeFileAtomic(file, 'new', async () => false), false);
    await assert.rejects(
      writeFileAtomic(file, 'new', async () => {
        throw new Error('disk full');
      }),
      /disk full/,
    );
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'kept');
    assert.deepStrictEqual(files(), ['f.txt']);
  });

  it('breaks the lock of a process that died, and waits for a live one', async () => {
    const file = path.join(dir, 'f');
    const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    fs.writeFileSync(`${file}.lock`, `${stdout.trim()} ${os.hostname()}\n`);
    assert.strictEqual(await withFileLock(file, async () => 'ran'), 'ran');
    assert.ok(!fs.existsSync(`${file}.lock`));

    const order: string[] = [];
    let release!: () => void;
    const first = withFileLock(
      file,
      () =>
        new Promise<void>(resolve => {
          order.push('first');
          release = resolve;
        }),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    const second = withFileLock(file, async () => {
      order.push('second');
    });
    await new Promise(resolve => setTimeout(resolve, 100));
    assert.deepStrictEqual(order, ['first'], 'the second waits');
    release();
    await Promise.all([first, second]);
    assert.deepStrictEqual(order, ['first', 'second']);
  });
});
