import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';

function sampleUri(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, SAMPLE);
}

describe('corpus index in the extension host', () => {
  it('analyses the sample in a worker and indexes its entities', async () => {
    const { index, corpus } = await api();
    await corpus.whenIdle();
    const id = sampleUri().toString();
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri()));
    assert.ok(index.hasDocument(id), `indexed documents: ${index.documentIds().join(', ')}`);
    const mentions = index.mentionsIn(id);
    assert.ok(mentions.length > 20, `${mentions.length} mentions`);
    for (const m of mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
    const lavrov = index.entities({ prefix: 'lavrov', types: ['PERSON'] });
    assert.deepStrictEqual(
      lavrov.map(e => e.name),
      ['Sergey Lavrov'],
    );
  });

  it('follows unsaved edits: a new person appears, and goes when the line is deleted', async () => {
    const { index } = await api();
    const doc = await vscode.workspace.openTextDocument(sampleUri());
    const editor = await vscode.window.showTextDocument(doc);
    // This document's own mentions: other suites may leave Angela Merkel elsewhere in the corpus.
    const merkel = () =>
      index
        .mentionsIn(doc.uri.toString())
        .filter(m => m.type === 'PERSON' && m.text === 'Angela Merkel')
        .map(m => m.name);
    assert.deepStrictEqual(merkel(), []);

    // Resolves on the first index change after which `holds` is true (other updates may come first).
    const changedUntil = (holds: () => boolean) =>
      new Promise<void>(resolve => {
        const sub = index.onDidChange(e => {
          if (e.documents.includes(doc.uri.toString()) && holds()) {
            sub.dispose();
            resolve();
          }
        });
      });
    const end = doc.positionAt(doc.getText().length);
    let update = changedUntil(() => merkel().length > 0);
    await editor.edit(b => b.insert(end, '\nAngela Merkel met Putin.'));
    await update;
    assert.deepStrictEqual(merkel(), ['Angela Merkel']);

    update = changedUntil(() => merkel().length === 0);
    await editor.edit(b => b.delete(new vscode.Range(end, doc.positionAt(doc.getText().length))));
    await update;
    assert.deepStrictEqual(merkel(), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !doc.isDirty, 'the sample reverted');
  });

  it('indexes a folder of documents moved into the corpus (one file event, for the folder)', async () => {
    const { index, corpus } = await api();
    await corpus.whenIdle();
    const root = vscode.workspace.workspaceFolders![0].uri;
    const outside = path.join(root.fsPath, 'incoming');
    const inside = path.join(root.fsPath, 'seeds', 'moved-in');
    await fs.mkdir(path.join(outside, 'nested'), { recursive: true });
    const files = ['a.txt', 'b.txt', path.join('nested', 'c.txt')];
    await Promise.all(files.map((f, i) => fs.writeFile(path.join(outside, f), `Report ${i}: Angela Merkel met Emmanuel Macron in Paris.`)));
    try {
      await fs.rename(outside, inside);
      const ids = files.map(f => vscode.Uri.file(path.join(inside, f)).toString());
      await waitFor(() => ids.every(id => index.hasDocument(id)), 'the moved-in documents indexed');
      for (const id of ids) {
        assert.ok(
          index.mentionsIn(id).some(m => m.text === 'Emmanuel Macron'),
          id,
        );
      }
    } finally {
      await fs.rm(inside, { recursive: true, force: true });
      await fs.rm(outside, { recursive: true, force: true });
    }
    await waitFor(() => index.documentIds().every(id => !id.includes('/moved-in/')), 'the removed folder forgotten');
  });
});
