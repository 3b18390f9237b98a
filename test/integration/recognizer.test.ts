// corpusLens.recognizer (#14): switching between the learned tagger and the hand-written rules
// re-analyses the corpus with the chosen layer, and switching back restores the first reading.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

// The rules read the capitalised "Officials" at a sentence start before "said" as a person; the tagger does not.
const TEXT = 'Officials said the talks would resume on Monday. Vladimir Putin did not comment.\n';

describe('the recognizer setting', () => {
  const file = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'seeds', 'recognizer-switch.txt');
  const config = () => vscode.workspace.getConfiguration('corpusLens');

  after(async () => {
    await config().update('recognizer', undefined, vscode.ConfigurationTarget.Workspace);
    await fs.rm(file().fsPath, { force: true });
  });

  it('re-analyses the corpus with the rules, and with the tagger again', async () => {
    const { index, corpus } = await api();
    await fs.writeFile(file().fsPath, TEXT);
    const id = file().toString();
    const people = () =>
      index
        .mentionsIn(id)
        .filter(m => m.type === 'PERSON')
        .map(m => m.text);
    await waitFor(() => people().includes('Vladimir Putin'), 'the new document indexed', 60000);
    await corpus.whenIdle();
    assert.deepStrictEqual(people(), ['Vladimir Putin'], 'the learned tagger (the default)');

    await config().update('recognizer', 'rules', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => people().includes('Officials'), 'the rules reading', 60000);
    assert.deepStrictEqual(people(), ['Officials', 'Vladimir Putin']);

    await config().update('recognizer', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => !people().includes('Officials'), 'the learned reading again', 60000);
    assert.deepStrictEqual(people(), ['Vladimir Putin']);
  });
});
