// 10,000 tiny files appearing at once in the corpus folder (issue #7): the watcher, the reader and
// the workers must keep up with the count, not with the size, and forget them all again.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

const COUNT = 10000;
const NAMES = ['Angela Merkel', 'Vladimir Putin', 'Olaf Scholz', 'Emmanuel Macron'];

/** File i: a few words, every fourth one with a person's name (and every text different). */
const textOf = (i: number) => (i % 4 === 0 ? `Note ${i}: ${NAMES[(i / 4) % NAMES.length]} called.` : `Note ${i}: nothing new today.`);
const nameOf = (i: number) => `note-${String(i).padStart(5, '0')}.txt`;

describe('scale: 10,000 tiny files', function () {
  this.timeout(600000);
  const folder = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'seeds', 'many');
  const idOf = (i: number) => vscode.Uri.file(path.join(folder(), nameOf(i))).toString();

  after(async () => {
    await fs.rm(folder(), { recursive: true, force: true });
  });

  it('indexes every one with exact offsets, and forgets them when the folder goes', async () => {
    const { index, corpus } = await api();
    await corpus.whenIdle();
    const ours = () => index.documentIds().filter(id => id.includes('/seeds/many/'));
    await fs.mkdir(folder(), { recursive: true });

    const started = performance.now();
    // In batches: 10,000 writes at once would hold as many file descriptors.
    for (let from = 0; from < COUNT; from += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, COUNT - from) }, (_, k) =>
          fs.writeFile(path.join(folder(), nameOf(from + k)), textOf(from + k)),
        ),
      );
    }
    const written = performance.now();
    await waitFor(() => ours().length === COUNT, `${COUNT} documents in the index`, 540000);
    // A watcher may report a file before it is all written: wait for every text in full.
    await waitFor(
      () => Array.from({ length: COUNT }, (_, i) => i).every(i => index.text(idOf(i)) === textOf(i)),
      'every text indexed whole',
      60000,
    );
    const indexed = performance.now();

    // A sample spread over the files (every 97th, so names and plain notes alternate).
    for (let i = 0; i < COUNT; i += 97) {
      const text = textOf(i);
      const mentions = index.mentionsIn(idOf(i));
      for (const m of mentions) assert.strictEqual(text.slice(m.start, m.end), m.text, `${nameOf(i)}: offsets of "${m.text}"`);
      const persons = mentions.filter(m => m.type === 'PERSON').map(m => [m.text, m.start]);
      const name = i % 4 === 0 ? NAMES[(i / 4) % NAMES.length] : undefined;
      assert.deepStrictEqual(persons, name ? [[name, text.indexOf(name)]] : [], `${nameOf(i)}: "${text}"`);
    }
    assert.strictEqual(index.mentionsOf('PERSON:olaf scholz').filter(m => m.docId.includes('/seeds/many/')).length, COUNT / 16);

    await fs.rm(folder(), { recursive: true, force: true });
    await waitFor(
      () => ours().length === 0 && ![...corpus.skipped.keys()].some(id => id.includes('/seeds/many/')),
      'the deleted folder forgotten',
      120000,
    );
    const forgotten = performance.now();
    const s = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    console.log(
      `      [scale] ${COUNT} tiny files: written in ${s(started, written)}, indexed ${s(written, indexed)} later; forgotten ${s(indexed, forgotten)} after the delete`,
    );
  });
});
