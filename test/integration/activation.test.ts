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

  it('registers its command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('corpusLens.openExplorer'));
  });

  it('registers the Entities view', async () => {
    await vscode.commands.executeCommand('corpusLens.entities.focus');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const tree = ext.exports.entityTree.provider;
    await waitFor(async () => (await tree.getChildren()).length > 0, 'rows in the Entities view');
  });
});
