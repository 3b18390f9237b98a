import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

describe('activation', () => {
  it('activates by itself when a workspace with seeds/ opens', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    // Nothing in the suite activates it: workspaceContains:seeds/** must have.
    await waitFor(() => ext.isActive, 'activation');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    const expected = [
      'corpusLens.openExplorer',
      'corpusLens.openMention',
      'corpusLens.filterTree',
      'corpusLens.clearTreeFilter',
      'corpusLens.toggleTreeTypes',
      'corpusLens.revealInTree',
      'corpusLens.chooseCorpusFolder',
    ];
    assert.deepStrictEqual(
      expected.filter(c => !commands.includes(c)),
      [],
      'commands missing',
    );
  });

  it('registers every command package.json contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map(c => c.command);
    assert.ok(contributed.length > 0);
    const commands = await vscode.commands.getCommands(true);
    assert.deepStrictEqual(
      contributed.filter(c => !commands.includes(c)),
      [],
      'contributed but not registered',
    );
  });

  it('registers the Entities view, grouped by entity type', async () => {
    await vscode.commands.executeCommand('corpusLens.entities.focus');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const tree = ext.exports.entityTree.provider;
    const labels = await waitFor(async () => {
      const rows = await tree.getChildren();
      return rows.length > 0 && rows.map((row: unknown) => tree.getTreeItem(row).label);
    }, 'rows in the Entities view');
    assert.ok(labels.includes('PERSON') && labels.includes('PLACE'), `rows: ${labels.join(', ')}`);
  });
});
