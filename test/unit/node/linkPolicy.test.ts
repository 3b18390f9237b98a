import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseCorpusFiles, firstLinkBelow, isWithin } from '../../../src/core/node/linkPolicy';

describe('link policy', () => {
  it('isWithin: the root and what is under it, not a sibling that shares its prefix', () => {
    assert.ok(isWithin('/w', '/w'));
    assert.ok(isWithin('/w', '/w/seeds/a.txt'));
    assert.ok(!isWithin('/w', '/w2/a.txt'));
    assert.ok(!isWithin('/w', '/etc/passwd'));
    assert.ok(!isWithin('/w/seeds', '/w/a.txt'));
  });

  it('chooseCorpusFiles: drops links out of the root, keeps one path per real file, the real one first', () => {
    const choice = chooseCorpusFiles(
      [
        { path: '/w/seeds/a/link.txt', real: '/w/seeds/real.txt' },
        { path: '/w/seeds/out/secret.txt', real: '/etc/secret.txt' },
        { path: '/w/seeds/real.txt', real: '/w/seeds/real.txt' },
        { path: '/w/seeds/broken.txt', real: undefined },
        { path: '/w/seeds/l1/b/x.txt', real: '/w/seeds/l2/x.txt' },
        { path: '/w/seeds/l1/a/x.txt', real: '/w/seeds/l2/x.txt' },
      ],
      '/w',
    );
    assert.deepStrictEqual(choice.kept, ['/w/seeds/real.txt', '/w/seeds/broken.txt', '/w/seeds/l1/a/x.txt']);
    assert.deepStrictEqual(choice.outside, ['/w/seeds/out/secret.txt']);
    assert.deepStrictEqual(choice.duplicates, ['/w/seeds/a/link.txt', '/w/seeds/l1/b/x.txt']);
  });

  describe('firstLinkBelow', () => {
    let root: string;
    let elsewhere: string;
    before(async () => {
      root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'link-policy-')));
      elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'link-policy-elsewhere-'));
      await fs.mkdir(path.join(root, 'plain'));
      await fs.mkdir(path.join(root, 'inside'));
      await fs.writeFile(path.join(root, 'inside', 'target.json'), '{}');
      await fs.writeFile(path.join(elsewhere, 'target.json'), '{}');
      await fs.symlink(elsewhere, path.join(root, 'linked-dir'));
      await fs.symlink(path.join(root, 'inside', 'target.json'), path.join(root, 'plain', 'in.json'));
      await fs.symlink(path.join(elsewhere, 'target.json'), path.join(root, 'plain', 'out.json'));
    });
    after(async () => {
      await fs.rm(root, { recursive: true, force: true });
      await fs.rm(elsewhere, { recursive: true, force: true });
    });

    it('none on the way to a plain file, existing or not', async () => {
      assert.strictEqual(await firstLinkBelow(root, path.join(root, 'plain', 'new.json')), undefined);
      assert.strictEqual(await firstLinkBelow(root, path.join(root, 'new-dir', 'new.json')), undefined);
    });

    it('a linked folder on the way', async () => {
      assert.strictEqual(await firstLinkBelow(root, path.join(root, 'linked-dir', 'c.json')), path.join(root, 'linked-dir'));
    });

    it('the file itself when it links out of the root or nowhere', async () => {
      assert.strictEqual(await firstLinkBelow(root, path.join(root, 'plain', 'in.json')), undefined);
      assert.strictEqual(await firstLinkBelow(root, path.join(root, 'plain', 'out.json')), path.join(root, 'plain', 'out.json'));
      await fs.symlink(path.join(root, 'gone.json'), path.join(root, 'plain', 'dangling.json'));
      assert.strictEqual(await firstLinkBelow(root, path.join(root, 'plain', 'dangling.json')), path.join(root, 'plain', 'dangling.json'));
    });
  });
});
