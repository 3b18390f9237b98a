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
      assert.deepStrictEqual(icon.color, new vscode.ThemeColor(`corpusLens.${node.kind === 'type' ? node.type.toLowerCase() : ''}.foreground`));
    }
  });

  it('#17.7 a new Entity Explorer hides the types outside corpusLens.listTypes: numbers, amounts, durations', async () => {
    lens.explorer.panel?.dispose();
    const listed = lens.settings.value.listTypes;
    assert.deepStrictEqual(ENTITY_TYPES.filter(t => !listed.has(t)), ['DURATION', 'MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL']);
    const panel = lens.explorer.open();
    assert.match(panel.webview.html, /data-hidden-types="DURATION MONEY PERCENT CARDINAL ORDINAL"/);
    await waitFor(() => panel.visible && panel.active, 'the panel shown'); // disposed while opening, it upsets the workbench
    panel.dispose();
  });
});
