// Issue #17 in the extension host: the type colours on the Entities view's type rows (#17.5) and
// the types a new Entity Explorer hides (#17.7). The rendering is checked in test/ui/legibility.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ENTITY_TYPES } from '../../src/core/types';
import type { CorpusLensApi } from '../../src/extension/extension';
import { api, waitFor } from './helpers';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';

describe('legibility (#17, in-host)', () => {
  let lens: CorpusLensApi;

  before(async function () {
    this.timeout(180000);
    lens = await api();
    const sample = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, SAMPLE).toString();
    await waitFor(() => lens.index.hasDocument(sample), 'the sample indexed', 120000);
    await lens.corpus.whenIdle();
  });

  it('#17.5 each type row of the Entities view has its icon in the type colour', async () => {
    const provider = lens.entityTree.provider;
    provider.clearFilter(); // every type that has entities
    const rows = ((await provider.getChildren()) ?? []).filter(node => node.kind === 'type');
    assert.ok(rows.length > 3, `${rows.length} type rows`);
    for (const node of rows) {
      const icon = (provider.getTreeItem(node) as vscode.TreeItem).iconPath;
      assert.ok(icon instanceof vscode.ThemeIcon, `${node.kind === 'type' && node.type}: a theme icon`);
      assert.deepStrictEqual(
        icon.color,
        new vscode.ThemeColor(`corpusLens.${node.kind === 'type' ? node.type.toLowerCase() : ''}.foreground`),
      );
    }
  });

  describe('#17.7 the Entities view lists the types of corpusLens.listTypes', () => {
    const typeRows = async () =>
      ((await lens.entityTree.provider.getChildren()) ?? []).flatMap(node => (node.kind === 'type' ? [node.type] : []));
    const setListTypes = (value: string[] | undefined) =>
      vscode.workspace.getConfiguration('corpusLens').update('listTypes', value, vscode.ConfigurationTarget.Workspace);
    afterEach(async () => {
      await setListTypes(undefined);
      lens.entityTree.provider.clearFilter();
    });

    it('#17.7 numbers are not listed at first, with no filter shown; one command shows them', async () => {
      const { provider, view } = lens.entityTree;
      provider.clearFilter();
      assert.ok(lens.index.stats().byType.CARDINAL > 0, 'the sample has numbers');
      const first = await typeRows();
      assert.ok(first.includes('PERSON') && !first.some(t => ['CARDINAL', 'ORDINAL', 'DURATION'].includes(t)), first.join(' '));
      assert.strictEqual(view.description, undefined);
      assert.strictEqual(view.message, undefined);

      await vscode.commands.executeCommand('corpusLens.toggleTreeTypes', [...ENTITY_TYPES]);
      assert.ok((await typeRows()).includes('CARDINAL'));
      assert.strictEqual(view.description, 'all types');
      await vscode.commands.executeCommand('corpusLens.clearTreeFilter');
      assert.deepStrictEqual(await typeRows(), first);
    });

    it('#17.7 revealing a number shows its type', async () => {
      const cardinal = lens.index.entities({ types: ['CARDINAL'] })[0];
      assert.ok(await lens.entityTree.revealEntity(cardinal.id, { focus: false, force: true }), cardinal.id);
      assert.ok((await typeRows()).includes('CARDINAL'));
      assert.strictEqual(lens.entityTree.view.selection[0]?.kind, 'entity');
    });

    it('#17.7 the view follows a change of the setting', async () => {
      await setListTypes(['PERSON', 'CARDINAL']);
      await waitFor(async () => (await typeRows()).join(' ') === 'PERSON CARDINAL', 'PERSON and CARDINAL listed');
      assert.strictEqual(lens.entityTree.view.description, undefined);
    });
  });

  it('#17.7 a new Entity Explorer hides the types outside corpusLens.listTypes: numbers, amounts, durations', async () => {
    lens.explorer.panel?.dispose();
    const listed = lens.settings.value.listTypes;
    assert.deepStrictEqual(
      ENTITY_TYPES.filter(t => !listed.has(t)),
      ['DURATION', 'MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL'],
    );
    const panel = lens.explorer.open();
    assert.match(panel.webview.html, /data-hidden-types="DURATION MONEY PERCENT CARDINAL ORDINAL"/);
    await waitFor(() => panel.visible && panel.active, 'the panel shown'); // disposed while opening, it upsets the workbench
    panel.dispose();
  });
});
