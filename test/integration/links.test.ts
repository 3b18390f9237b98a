// Symbolic links under the corpus (#16): a link out of the workspace folder brings nothing in, a
// fan-out of links to one file is one document, and nothing is written through a linked
// .corpus-lens. Links are made on disk, as another program would.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const dir = () => path.join(root(), 'seeds', 'links');
const idOf = (file: string) => vscode.Uri.file(file).toString();

describe('symbolic links', function () {
  this.timeout(120000);
  let elsewhere: string;
  before(async () => {
    await (await api()).corpus.whenIdle();
    await fs.mkdir(dir(), { recursive: true });
    elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-lens-elsewhere-'));
  });
  after(async () => {
    await fs.rm(dir(), { recursive: true, force: true });
    await fs.rm(elsewhere, { recursive: true, force: true });
    await (await api()).corpus.rescan();
  });

  it('a link out of the workspace folder: nothing behind it is indexed or listed', async () => {
    const { index, corpus } = await api();
    await fs.writeFile(path.join(elsewhere, 'secret.txt'), 'Angela Merkel met Vladimir Putin.');
    await fs.symlink(path.join(elsewhere, 'secret.txt'), path.join(dir(), 'file-link.txt'));
    await fs.symlink(elsewhere, path.join(dir(), 'folder-link'));
    const inside = path.join(dir(), 'inside.txt');
    await fs.writeFile(inside, 'Olaf Scholz met Emmanuel Macron.');
    await corpus.rescan();
    assert.ok(index.hasDocument(idOf(inside)), 'the file beside the links indexed');
    const leaked = [...index.documentIds(), ...corpus.skipped.keys()].filter(
      id => id.includes('/seeds/links/') && !id.endsWith('/inside.txt'),
    );
    assert.deepStrictEqual(leaked, []);
  });

  it('a link created later out of the folder: the watcher does not take it in', async () => {
    const { index, corpus } = await api();
    await fs.writeFile(path.join(elsewhere, 'later.txt'), 'Angela Merkel met Vladimir Putin.');
    await fs.symlink(path.join(elsewhere, 'later.txt'), path.join(dir(), 'later-link.txt'));
    const marker = path.join(dir(), 'after-later-link.txt');
    await fs.writeFile(marker, 'Olaf Scholz spoke.');
    await waitFor(() => index.hasDocument(idOf(marker)), 'a file written after the link indexed');
    await corpus.whenIdle();
    assert.ok(!index.hasDocument(idOf(path.join(dir(), 'later-link.txt'))), 'the link is not indexed');
  });

  it('a fan-out of links to one file: one document', async () => {
    const { index, corpus } = await api();
    // fan/l0/{a,b} -> l1, ..., fan/l5/{a,b} -> l6: 64 paths to fan/l6/x.txt.
    const fan = path.join(dir(), 'fan');
    for (let i = 0; i <= 6; i++) await fs.mkdir(path.join(fan, `l${i}`), { recursive: true });
    for (let i = 0; i < 6; i++) for (const name of ['a', 'b']) await fs.symlink(`../l${i + 1}`, path.join(fan, `l${i}`, name));
    const real = path.join(fan, 'l6', 'x.txt');
    await fs.writeFile(real, 'Angela Merkel met Vladimir Putin.');
    await corpus.rescan();
    assert.deepStrictEqual(
      index.documentIds().filter(id => id.endsWith('/x.txt')),
      [idOf(real)],
    );
  });

  it('a linked .corpus-lens: a correction is refused, says why, and writes nothing behind the link', async () => {
    const lens = await api();
    const link = path.join(root(), '.corpus-lens');
    await fs.symlink(elsewhere, link);
    const warnings: string[] = [];
    const warn = lens.log.warn;
    lens.log.warn = (message: string, ...args: unknown[]) => {
      warnings.push(message);
      warn.call(lens.log, message, ...args);
    };
    try {
      assert.ok(lens.index.entity('ORG:tass'), 'the recogniser finds ORG TASS');
      assert.strictEqual(await vscode.commands.executeCommand('corpusLens.changeEntityType', 'ORG:tass', 'MISC'), false);
      assert.deepStrictEqual(
        (await fs.readdir(elsewhere)).filter(f => !f.endsWith('.txt')),
        [],
        'nothing written behind the link',
      );
      assert.ok(
        warnings.some(w => /^\.corpus-lens is a symbolic link/.test(w)),
        warnings.join('\n'),
      );
    } finally {
      lens.log.warn = warn;
      await fs.rm(link);
      await lens.corrections.reload();
      await lens.corpus.whenIdle();
    }
  });
});
