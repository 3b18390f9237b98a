import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/views/entities/nodes';
import { api, waitFor } from './helpers';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';
const XI = 'PERSON:xi jinping';

function sampleUri(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, SAMPLE);
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Entities tree', () => {
  let ext: CorpusLensApi;
  const tree = () => ext.entityTree.provider;
  const view = () => ext.entityTree.view;
  const children = async (node?: TreeNode) => (await tree().getChildren(node)) ?? [];
  const item = (node: TreeNode) => tree().getTreeItem(node) as vscode.TreeItem;
  /** The child of `node` whose label is `label`. */
  const child = async (label: string, node?: TreeNode) => {
    const rows = await children(node);
    const found = rows.find(row => labelOf(item(row)) === label);
    assert.ok(found, `no row "${label}" among ${rows.map(row => labelOf(item(row))).join(' | ')}`);
    return found;
  };
  const setTreeSetting = (key: string, value: unknown) =>
    vscode.workspace.getConfiguration('corpusLens.tree').update(key, value, vscode.ConfigurationTarget.Global);

  before(async function () {
    // Run alone (CORPUS_LENS_TEST_GREP), this hook waits for activation and the first scan.
    this.timeout(180000);
    ext = await api();
    await waitFor(() => ext.index.hasDocument(sampleUri().toString()), 'the sample indexed', 120000);
    await ext.corpus.whenIdle();
    await vscode.commands.executeCommand('corpusLens.entities.focus');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('corpusLens.clearTreeFilter');
    await setTreeSetting('groupBy', undefined);
    await setTreeSetting('followCursor', undefined);
    await waitFor(() => tree().settings.groupBy === 'type' && !tree().settings.followCursor, 'tree settings reset');
  });

  it('lists PERSON → Xi Jinping with his 5 mentions, each with line and snippet', async () => {
    const person = await child('PERSON');
    const xi = await child('Xi Jinping', person);
    const xiItem = item(xi);
    assert.strictEqual(xiItem.description, '5');
    assert.strictEqual(xiItem.id, JSON.stringify(['entity', XI]));
    assert.ok(xiItem.tooltip instanceof vscode.MarkdownString);
    assert.ok(!xiItem.tooltip.isTrusted, 'the tooltip is not trusted');
    assert.match(xiItem.tooltip.value, /PERSON/);
    assert.match(xiItem.tooltip.value, /Also: Jinping/);

    const mentions = await children(xi);
    const texts = mentions.map(row => (row.kind === 'mention' ? row.mention.text : ''));
    assert.deepStrictEqual([...texts].sort(), ['Jinping', 'Jinping', 'Xi Jinping', 'Xi Jinping', 'Xi Jinping']);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri()));
    for (const row of mentions) {
      assert.ok(row.kind === 'mention');
      const { label, highlights } = item(row).label as vscode.TreeItemLabel;
      assert.ok(label.startsWith(`L${row.mention.line + 1}  `), label);
      // The highlighted part of the label is the mention's text, as it stands in the document.
      const [from, to] = highlights![0];
      assert.strictEqual(label.slice(from, to), row.mention.text);
      assert.strictEqual(text.slice(row.mention.start, row.mention.end), row.mention.text);
      assert.strictEqual(item(row).description, '000_a4262604377c852d.txt');
    }
  });

  it('opens a mention with exactly its range selected', async () => {
    const xi = await child('Xi Jinping', await child('PERSON'));
    const mentions = await children(xi);
    // Not the first: a mention further down, on another line than the first.
    const row = mentions[3];
    assert.ok(row.kind === 'mention' && row.mention.line > 0, 'a mention past the first line');
    const command = item(row).command!;
    assert.strictEqual(command.command, 'corpusLens.openMention');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    assert.strictEqual(editor.document.uri.toString(), sampleUri().toString());
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), row.mention.start);
    assert.strictEqual(editor.document.offsetAt(editor.selection.end), row.mention.end);
    assert.strictEqual(editor.document.getText(editor.selection), row.mention.text);
    assert.ok(
      editor.visibleRanges.some(r => r.contains(editor.selection)),
      'the mention is in view',
    );
  });

  it('filters by name or alias prefix, per type, and clears the filter', async () => {
    const all = (await children()).length;
    assert.ok(all > 3, `${all} type rows`);
    await vscode.commands.executeCommand('corpusLens.filterTree', 'jin');
    assert.deepStrictEqual(
      (await children()).map(row => labelOf(item(row))),
      ['PERSON'],
    );
    assert.deepStrictEqual(
      (await children(await child('PERSON'))).map(row => labelOf(item(row))),
      ['Xi Jinping'],
    );
    assert.match(view().description ?? '', /jin/);

    await vscode.commands.executeCommand('corpusLens.filterTree', 'zzzz');
    assert.deepStrictEqual(await children(), []);
    assert.strictEqual(view().message, 'Filter: zzzz · no entities match');

    await vscode.commands.executeCommand('corpusLens.clearTreeFilter');
    assert.strictEqual((await children()).length, all);
    assert.strictEqual(view().description, undefined);
    assert.strictEqual(view().message, undefined);

    await vscode.commands.executeCommand('corpusLens.toggleTreeTypes', ['PLACE', 'ORG']);
    assert.deepStrictEqual(
      (await children()).map(row => labelOf(item(row))),
      ['ORG', 'PLACE'],
    );
    assert.match(view().description ?? '', /types? hidden/);
  });

  it('shows the number of entities as the view badge', () => {
    const n = ext.index.stats().entities;
    assert.ok(n > 0);
    assert.deepStrictEqual(view().badge, { value: n, tooltip: `${n} entities` });
  });

  it('groups by document when corpusLens.tree.groupBy is "document"', async () => {
    await setTreeSetting('groupBy', 'document');
    await waitFor(() => tree().settings.groupBy === 'document', 'the setting read');
    const docs = await children();
    assert.ok(docs.length > 0 && docs.every(row => row.kind === 'document'), `rows: ${docs.map(r => r.kind).join(', ')}`);
    const doc = await child(SAMPLE);
    assert.strictEqual(item(doc).resourceUri?.toString(), sampleUri().toString());
    const xi = await child('Xi Jinping', await child('PERSON', doc));
    assert.strictEqual(item(xi).description, '5');
    assert.strictEqual((await children(xi)).length, 5);
  });

  it('keeps row ids and refreshes from the root when the index changes', async () => {
    const before = item(await child('Xi Jinping', await child('PERSON'))).id;
    const fired: Array<TreeNode | undefined | null> = [];
    const sub = tree().onDidChangeTreeData(e => fired.push(e as TreeNode | undefined));
    const doc = await vscode.workspace.openTextDocument(sampleUri());
    const editor = await vscode.window.showTextDocument(doc);
    const changed = new Promise<void>(resolve => {
      const s = ext.index.onDidChange(() => {
        s.dispose();
        resolve();
      });
    });
    try {
      await editor.edit(b => b.insert(doc.positionAt(doc.getText().length), '\nAngela Merkel met Xi Jinping.'));
      await changed;
      assert.ok(fired.length > 0 && fired.every(e => e === undefined), 'onDidChangeTreeData fired for the root only');
      const xi = await child('Xi Jinping', await child('PERSON'));
      assert.strictEqual(item(xi).id, before);
      assert.strictEqual(item(xi).description, '6');
    } finally {
      sub.dispose();
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(() => !doc.isDirty && ext.index.entity(XI)?.mentionCount === 5, 'the sample reverted');
    }
  });

  it('reveals the entity under the cursor, or a given one, and follows the cursor when asked', async () => {
    const doc = await vscode.workspace.openTextDocument(sampleUri());
    const editor = await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const put = (offset: number) => (editor.selection = new vscode.Selection(doc.positionAt(offset), doc.positionAt(offset)));
    const selected = () => {
      const row = view().selection[0];
      return row?.kind === 'entity' ? row.entityId : undefined;
    };

    put(text.indexOf('Lavrov') + 2);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.revealInTree'), true);
    await waitFor(() => selected() === 'PERSON:sergey lavrov', 'Lavrov selected in the tree');

    // A filter that hides the entity is cleared to show it.
    await vscode.commands.executeCommand('corpusLens.filterTree', 'putin');
    await vscode.commands.executeCommand('corpusLens.revealInTree', XI);
    await waitFor(() => selected() === XI, 'Xi Jinping selected in the tree');
    assert.strictEqual(tree().filter, '');

    await vscode.window.showTextDocument(doc); // the reveal focused the tree
    await setTreeSetting('followCursor', true);
    await waitFor(() => tree().settings.followCursor, 'the setting read');
    assert.ok(view().visible, 'the view is visible');
    put(text.indexOf('Putin') + 1);
    await waitFor(() => selected() === 'PERSON:vladimir putin', 'the tree following the cursor to Putin');
  });

  it('lists skipped files under "Skipped (N)" with the reason, and shows indexing progress', async () => {
    const binary = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'seeds', 'zz_binary.txt');
    const messages: Array<string | undefined> = [];
    const sub = ext.corpus.onDidChangeProgress(p => {
      // The view subscribed first: its message already tells this progress.
      if (p) messages.push(view().message);
    });
    try {
      await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x47, 0x49, 0x46, 0, 0, 1, 2, 0, 0x41]));
      const skipped = (await waitFor(async () => (await children()).find(row => row.kind === 'skipped'), 'the Skipped node'))!;
      assert.strictEqual((await children())[0].id, skipped.id, 'Skipped comes first');
      assert.strictEqual(labelOf(item(skipped)), 'Skipped (1)');
      const files = await children(skipped);
      assert.strictEqual(files.length, 1);
      assert.strictEqual(labelOf(item(files[0])), 'seeds/zz_binary.txt');
      assert.match(String(item(files[0]).description), /binary/);
      const progressMessages = messages.every(m => /^Analysing \d+ of \d+ documents…$/.test(m ?? ''));
      assert.ok(messages.length > 0 && progressMessages, `messages: ${messages.join(' | ')}`);
      await ext.corpus.whenIdle();
      await waitFor(() => view().message === undefined, 'no message once idle');
    } finally {
      sub.dispose();
      await vscode.workspace.fs.delete(binary);
    }
    await waitFor(async () => !(await children()).some(row => row.kind === 'skipped'), 'the Skipped node gone');
  });
});
