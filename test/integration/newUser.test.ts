// What a new user tripped over (issue #17): each test names the item it covers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CORRECTIONS_FILE, parseCorrections } from '../../src/core/corrections/corrections';
import type { CorpusLensApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/views/entities/nodes';
import { api, waitFor } from './helpers';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';

const at = (path: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, path);

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

async function openSample(lens: CorpusLensApi): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(at(SAMPLE));
  await vscode.window.showTextDocument(doc);
  await waitFor(() => lens.index.mentionsIn(doc.uri.toString()).length > 0, 'the sample in the index');
  return doc;
}

/** The symbol VS Code's breadcrumb shows at `position`: the innermost one whose range contains it. */
function innermost(symbols: vscode.DocumentSymbol[], position: vscode.Position): vscode.DocumentSymbol | undefined {
  const around = symbols.find(s => s.range.contains(position));
  return around && (innermost(around.children, position) ?? around);
}

function labelOf(item: vscode.TreeItem): { label: string; highlights: [number, number][] } {
  const label = item.label!;
  return typeof label === 'string' ? { label, highlights: [] } : { label: label.label, highlights: label.highlights ?? [] };
}

describe('what a new user trips over (#17)', function () {
  let lens: CorpusLensApi;

  before(async function () {
    this.timeout(180000);
    lens = await api();
    await waitFor(() => lens.index.hasDocument(at(SAMPLE).toString()), 'the sample indexed', 120000);
    await lens.corpus.whenIdle();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('#17.1 notifications of corrections', () => {
    const window = vscode.window as { showInformationMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showInformationMessage;
    /** Each message shown, with a way to click its button. */
    let shown: Array<{ text: string; click: (choice: string | undefined) => void }>;

    const reset = async () => {
      const dir = at('.corpus-lens');
      if (await exists(dir)) await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
      await lens.corrections.reload();
      await lens.corpus.whenIdle();
    };
    const inFile = async () => {
      const parsed = parseCorrections(new TextDecoder().decode(await vscode.workspace.fs.readFile(at(CORRECTIONS_FILE))));
      assert.ok('corrections' in parsed, JSON.stringify(parsed));
      return parsed.corrections.corrections;
    };
    const run = async (command: string, ...args: unknown[]) => {
      const done = await vscode.commands.executeCommand<boolean>(command, ...args);
      await lens.corpus.whenIdle();
      return done;
    };
    /** Clicks Undo on the notification that says `text`, and waits for what it wrote. */
    const clickUndo = async (text: string) => {
      const message = shown.find(m => m.text === text);
      assert.ok(message, `no notification "${text}" among ${shown.map(m => m.text).join(' | ')}`);
      const before = shown.length;
      message.click('Undo');
      await waitFor(() => shown.length > before, 'the answer to Undo');
      await lens.corpus.whenIdle();
      return shown[shown.length - 1].text;
    };

    beforeEach(async () => {
      await reset();
      shown = [];
      window.showInformationMessage = (text: unknown) =>
        new Promise(resolve => {
          shown.push({ text: String(text), click: resolve });
        });
    });

    afterEach(async () => {
      window.showInformationMessage = original;
      await reset();
    });

    it('#17.1 Undo on an older notification undoes that correction; a stale one changes nothing', async () => {
      await openSample(lens);
      const party = lens.index.entities().find(e => e.name === 'Communist Party');
      assert.ok(party, 'the recogniser finds the Communist Party');
      assert.ok(await run('corpusLens.addEntity', 'Russia-Ukraine war', 'MISC'));
      assert.ok(await run('corpusLens.notAnEntity', 'year-end'));
      assert.ok(await run('corpusLens.changeEntityType', party.id, 'NORP'));
      const add = { op: 'addEntity', text: 'Russia-Ukraine war', type: 'MISC' };
      const notEntity = { op: 'notEntity', text: 'year-end' };
      const retype = { op: 'retype', entity: party.id, type: 'NORP' };
      assert.deepStrictEqual(await inFile(), [add, notEntity, retype]);
      assert.deepStrictEqual(
        shown.map(m => m.text),
        [
          'Corpus Lens: add "Russia-Ukraine war" as MISC.',
          'Corpus Lens: "year-end" is not an entity.',
          'Corpus Lens: retype Communist Party as NORP.',
        ],
        'names as the user sees them, no internal keys',
      );

      assert.ok(await run('corpusLens.undoCorrection'));
      assert.deepStrictEqual(await inFile(), [add, notEntity]);
      assert.strictEqual(shown[shown.length - 1].text, 'Corpus Lens: Undo: retype Communist Party as NORP.');

      // The older notification's Undo: the addition goes, "year-end" stays not an entity.
      assert.strictEqual(
        await clickUndo('Corpus Lens: add "Russia-Ukraine war" as MISC.'),
        'Corpus Lens: Undo: add "Russia-Ukraine war" as MISC.',
      );
      assert.deepStrictEqual(await inFile(), [notEntity]);
      assert.ok(!lens.index.entities().some(e => e.name === 'Russia-Ukraine war' && e.type === 'MISC'), 'the added entity is gone');

      // A stale Undo (its correction already undone) says so and writes nothing.
      assert.strictEqual(
        await clickUndo('Corpus Lens: retype Communist Party as NORP.'),
        'Corpus Lens: already undone: retype Communist Party as NORP.',
      );
      assert.deepStrictEqual(await inFile(), [notEntity]);
      assert.ok(
        shown.every(m => !/\b[A-Z]+:[a-z]/.test(m.text)),
        `no keys in ${shown.map(m => m.text).join(' | ')}`,
      );
    });
  });

  it('#17.2 the breadcrumb names the mention under the cursor, or only the paragraph around it', async () => {
    const doc = await openSample(lens);
    const text = doc.getText();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    for (const [word, from] of [
      ['Moscow', text.lastIndexOf('Moscow')],
      ['Beijing', 0],
      ['Uzbekistan', 0],
      ['China', 0],
    ] as const) {
      const offset = text.indexOf(word, from) + 1;
      const mention = lens.index.mentionAt(doc.uri.toString(), offset);
      const symbol = innermost(symbols, doc.positionAt(offset));
      assert.ok(symbol, `a symbol at ${word}`);
      if (!mention) {
        assert.ok(symbols.includes(symbol), `${word} is no mention: its paragraph only`);
        continue;
      }
      assert.strictEqual(symbol.name, mention.text, `the breadcrumb at ${word}`);
      assert.strictEqual(doc.offsetAt(symbol.range.start), mention.start);
      assert.strictEqual(doc.offsetAt(symbol.range.end), mention.end);
    }
    const plain = doc.positionAt(text.indexOf('growing') + 2);
    assert.strictEqual(lens.index.mentionAt(doc.uri.toString(), doc.offsetAt(plain)), undefined, '"growing" is no mention');
    const paragraph = innermost(symbols, plain);
    assert.ok(paragraph && symbols.includes(paragraph), 'a plain word shows its paragraph only');
    assert.ok(paragraph.name.startsWith('The growing ties'), paragraph.name);
    assert.strictEqual(paragraph.range.start.line, plain.line);
    assert.strictEqual(paragraph.range.end.line, plain.line);
  });

  it('#17.2 symbols asked for before the document is indexed appear once it is', async () => {
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(at(SAMPLE)));
    // Long enough to take a while to analyse; should the index still win the race, a fresh file tries again.
    const text = `Angela Merkel met Olaf Scholz in Berlin.\n\n${`${sample}\n\n`.repeat(8)}`;
    for (let attempt = 1; ; attempt++) {
      const uri = at(`seeds/zz_new_user_symbols_${attempt}.txt`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        const early = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        if (lens.index.hasDocument(uri.toString()) && attempt < 3) continue;
        assert.ok(!lens.index.hasDocument(uri.toString()), 'asked before the index held the document');
        assert.deepStrictEqual(early ?? [], []);
        await vscode.window.showTextDocument(doc);
        await waitFor(() => lens.index.hasDocument(uri.toString()), 'the document indexed');
        const names = (await waitFor(async () => {
          const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
          return symbols?.length ? symbols.flatMap(p => p.children).map(m => m.name) : undefined;
        }, 'the symbols, without an edit'))!;
        assert.ok(names.includes('Angela Merkel'), names.join(', '));
        return;
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri);
        await waitFor(() => !lens.index.hasDocument(uri.toString()), 'the document gone');
      }
    }
  });

  it('#17.3 the progress tells the documents done, up to the last one', async () => {
    const folder = at('seeds/zz_new_user_progress');
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(at(SAMPLE)));
    const passes: Array<{ done: number; total: number }> = [];
    let last: { done: number; total: number } | undefined;
    const sub = lens.corpus.onDidChangeProgress(p => {
      if (p) last = { ...p };
      else if (last) passes.push(last);
    });
    try {
      for (let i = 0; i < 30; i++) {
        const text = `Report ${i} from Berlin. ${sample.slice(0, 400 + i)}`;
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `doc-${i}.txt`), new TextEncoder().encode(text));
      }
      await waitFor(async () => {
        await lens.corpus.whenIdle();
        return lens.index.documentIds().filter(id => id.includes('zz_new_user_progress')).length === 30;
      }, 'the 30 documents indexed');
      assert.ok(passes.length > 0, 'a pass was reported');
      for (const pass of passes) assert.strictEqual(pass.done, pass.total, `the last report of a pass: ${JSON.stringify(passes)}`);
    } finally {
      sub.dispose();
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await waitFor(() => !lens.index.documentIds().some(id => id.includes('zz_new_user_progress')), 'the documents gone');
    }
  });

  describe('#17.4 and #17.8 the Entities view', () => {
    const tree = () => lens.entityTree.provider;
    const view = () => lens.entityTree.view;
    const item = (node: TreeNode) => tree().getTreeItem(node);

    afterEach(() => tree().clearFilter());

    for (const filter of ['jin', 'ru']) {
      it(`#17.4 the filter "${filter}" shows in the view's message and opens every group with matches`, async () => {
        tree().clearFilter();
        const collapsed = tree()
          .getChildren()
          .filter(n => n.kind === 'type');
        assert.ok(collapsed.every(n => item(n).collapsibleState === vscode.TreeItemCollapsibleState.Collapsed));
        await vscode.commands.executeCommand('corpusLens.filterTree', filter);
        assert.strictEqual(view().message, `Filter: ${filter}`);
        const groups = tree().getChildren();
        assert.ok(groups.length > 0, 'groups with matches');
        for (const group of groups) {
          assert.strictEqual(item(group).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, labelOf(item(group)).label);
          assert.ok(!collapsed.some(n => n.id === group.id), 'a row of its own, so VS Code opens it whatever it was');
        }
        tree().clearFilter();
        assert.strictEqual(view().message, undefined);
      });
    }

    it('#17.4 the message says when nothing matches, and which filter applies', async () => {
      await vscode.commands.executeCommand('corpusLens.filterTree', 'zzzz');
      assert.strictEqual(view().message, 'Filter: zzzz · no entities match');
      tree().setHiddenTypes(['PLACE']);
      assert.strictEqual(view().message, 'Filter: zzzz · 1 type hidden · no entities match');
    });

    it('#17.8 a mention row keeps its keyword near the start of the label', () => {
      let rows = 0;
      for (const type of tree()
        .getChildren()
        .filter(n => n.kind === 'type')) {
        for (const entity of tree().getChildren(type).slice(0, 5)) {
          for (const mention of tree().getChildren(entity)) {
            if (mention.kind !== 'mention') continue;
            const { label, highlights } = labelOf(item(mention));
            const [start, end] = highlights[0];
            const head = `L${mention.mention.line + 1}  …`.length;
            assert.ok(start <= head + 16, `"${label}": the keyword starts at ${start}`);
            if (end - start <= 32) assert.ok(end <= head + 32, `"${label}": the keyword ends at ${end}`);
            if (mention.mention.text.length <= 60) assert.strictEqual(label.slice(start, end), mention.mention.text);
            rows++;
          }
        }
      }
      assert.ok(rows > 20, `${rows} mention rows`);
    });
  });

  it('#17.11 the editor context menu holds one Corpus Lens submenu; Undo only when there is one', () => {
    const ext = vscode.extensions.getExtension('corpus-lens.corpus-lens')!;
    const { menus, submenus } = ext.packageJSON.contributes as {
      menus: Record<string, Array<{ command?: string; submenu?: string; when?: string }>>;
      submenus: Array<{ id: string; label: string }>;
    };
    const editor = menus['editor/context'].filter(m => (m.command ?? m.submenu)?.startsWith('corpusLens.'));
    assert.strictEqual(editor.length, 1, JSON.stringify(editor));
    const submenu = submenus.find(s => s.id === editor[0].submenu);
    assert.strictEqual(submenu?.label, 'Corpus Lens');
    const items = menus[submenu.id];
    assert.ok(items.length >= 8, `${items.length} items`);
    assert.match(items.find(m => m.command === 'corpusLens.undoCorrection')?.when ?? '', /\bcorpusLens\.canUndo\b/);
  });
});
