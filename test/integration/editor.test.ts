import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension/extension';
import { colorContributions } from '../../src/extension/editor/entityColors';
import { MAX_MENTION_SYMBOLS } from '../../src/extension/editor/documentSymbolProvider';
import { COOCCURRENCE_LIMIT, COOCCURRENCE_TYPES, HOVER_COMMANDS } from '../../src/extension/editor/hoverProvider';
import { api, lagMonitor, waitFor } from './helpers';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';

function sampleUri(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, SAMPLE);
}

/** Opens the sample in the active editor once the index holds it. */
async function openSample(): Promise<{ lens: CorpusLensApi; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const lens = await api();
  const doc = await vscode.workspace.openTextDocument(sampleUri());
  const editor = await vscode.window.showTextDocument(doc);
  await waitFor(() => lens.index.mentionsIn(doc.uri.toString()).length > 0, 'the sample in the index');
  return { lens, doc, editor };
}

/** The position `into` code units inside the first occurrence of `needle`. */
function positionOf(doc: vscode.TextDocument, needle: string, into = 1, from = 0): vscode.Position {
  const at = doc.getText().indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is in the sample`);
  return doc.positionAt(at + into);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Fires when the index next changes `doc`. */
function indexChanged(lens: CorpusLensApi, doc: vscode.TextDocument): Promise<void> {
  return new Promise(resolve => {
    const sub = lens.index.onDidChange(e => {
      if (e.documents.includes(doc.uri.toString())) {
        sub.dispose();
        resolve();
      }
    });
  });
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('corpusLens').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('editor: hover, references, symbols, navigation', () => {
  it('hovers "Jinping" with Xi Jinping, PERSON as text, counts, company and trusted links only', async () => {
    const { lens, doc } = await openSample();
    const at = positionOf(doc, 'Jinping\u2019s', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /\*\*Xi Jinping\*\*/, text);
    assert.match(text, /\bPERSON\b/, text);
    assert.match(text, /Also: Jinping/, text);
    assert.match(text, /\d+ mentions in 1 document\b/, text);
    const xi = lens.index.mentionAt(doc.uri.toString(), doc.offsetAt(at))!.entityId;
    const company = lens.index
      .cooccurrences(xi, COOCCURRENCE_LIMIT, COOCCURRENCE_TYPES)
      .map(c => `${c.entity.name} (${c.entity.type}, ${c.count} sentence`);
    assert.ok(
      company.some(c => c.startsWith('Moscow (PLACE')),
      company.join(', '),
    );
    const listed = text.match(/same sentence as: (.*)/)?.[1] ?? '';
    let from = 0;
    for (const c of company) {
      from = listed.indexOf(c, from);
      assert.ok(from >= 0, `lists ${c}, in order: ${listed}`);
    }
    for (const command of HOVER_COMMANDS) assert.ok(text.includes(`](command:${command}?`), `links ${command}: ${text}`);
    const md = hovers
      .flatMap(h => h.contents)
      .find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('Xi Jinping'));
    assert.ok(md, 'a MarkdownString');
    assert.ok(!md.supportHtml, 'no HTML');
    if (typeof md.isTrusted === 'object') assert.deepStrictEqual([...md.isTrusted.enabledCommands].sort(), [...HOVER_COMMANDS].sort());
    else assert.notStrictEqual(md.isTrusted, true, 'trusted for the linked commands only');
  });

  it('answers nothing off the entities and for files outside the corpus', async () => {
    const { doc } = await openSample();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'announced', 2),
    );
    assert.ok(!hoverText(hovers).includes('mentions in'), hoverText(hovers));
    const other = await vscode.workspace.openTextDocument({ content: 'Sergey Lavrov met Vladimir Putin.', language: 'plaintext' });
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      other.uri,
      new vscode.Position(0, 2),
    );
    assert.deepStrictEqual(refs ?? [], []);
  });

  it('finds both mentions of Vladimir Putin from "Putin", and highlights them', async () => {
    const { lens, doc } = await openSample();
    const at = positionOf(doc, 'Putin', 2);
    const mention = lens.index.mentionAt(doc.uri.toString(), doc.offsetAt(at));
    assert.strictEqual(mention?.name, 'Vladimir Putin');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
    const inSample = refs.filter(r => r.uri.toString() === doc.uri.toString());
    assert.strictEqual(inSample.length, 2, JSON.stringify(refs));
    assert.deepStrictEqual(
      inSample.map(r => doc.getText(r.range)),
      ['Vladimir Putin', 'Vladimir Putin'],
    );
    const expected = lens.index.mentionsOf(mention!.entityId).map(m => `${m.docId}@${m.start}`);
    assert.deepStrictEqual(refs.map(r => `${r.uri.toString()}@${doc.offsetAt(r.range.start)}`).sort(), expected.sort());

    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, at);
    assert.deepStrictEqual(
      highlights.map(h => doc.getText(h.range)),
      ['Vladimir Putin', 'Vladimir Putin'],
    );
  });

  it('#17.2 outlines the document by paragraph, each with its mentions of PERSON, ORG and PLACE entities', async () => {
    const { lens, doc } = await openSample();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols.length > 1 && symbols.every(p => p.kind === vscode.SymbolKind.String), 'paragraphs');
    const mentions = symbols.flatMap(p => p.children);
    const entityOf = (m: vscode.DocumentSymbol) => lens.index.mentionAt(doc.uri.toString(), doc.offsetAt(m.range.start))!;
    const named = (type: string) =>
      new Set(mentions.filter(m => m.detail.startsWith(type)).map(m => lens.index.entity(entityOf(m).entityId)!.name));
    for (const type of ['PERSON', 'ORG', 'PLACE']) assert.ok(named(type).size > 0, `${type} mentions`);
    assert.deepStrictEqual([...named('PERSON')].sort(), ['Sergey Lavrov', 'Vladimir Putin', 'Xi Jinping']);
    const xi = mentions.filter(m => lens.index.entity(entityOf(m).entityId)?.name === 'Xi Jinping');
    assert.ok(xi.length >= 4, `${xi.length} mentions of Xi Jinping`);
    for (const m of xi) assert.match(doc.getText(m.range), /^(Xi )?Jinping$/);
    assert.ok(named('ORG').has('South China Morning Post'));
  });

  it('finds "Lavrov" as a workspace symbol leading to its first mention', async () => {
    const { doc } = await openSample();
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Lavrov');
    const lavrov = symbols.find(s => s.name === 'Sergey Lavrov');
    assert.ok(lavrov, `symbols: ${symbols.map(s => s.name).join(', ')}`);
    assert.strictEqual(lavrov.containerName, 'PERSON');
    assert.strictEqual(lavrov.location.uri.toString(), doc.uri.toString());
    assert.strictEqual(doc.getText(lavrov.location.range), 'Sergey Lavrov');
    const byAlias = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'SCMP');
    assert.ok(
      byAlias.some(s => s.name.startsWith('South China Morning Post')),
      byAlias.map(s => s.name).join(', '),
    );
  });

  it('moves to the next and previous mention of the entity under the cursor, wrapping around', async () => {
    const { lens, doc, editor } = await openSample();
    const first = positionOf(doc, 'Xi Jinping', 3);
    editor.selection = new vscode.Selection(first, first);
    const here = lens.index.mentionAt(doc.uri.toString(), doc.offsetAt(first))!;
    const all = lens.index.mentionsOf(here.entityId);
    assert.ok(all.length >= 3, `${all.length} mentions`);
    const i = all.findIndex(m => m.start === here.start);
    const selected = () => {
      const sel = vscode.window.activeTextEditor!.selection;
      return `${vscode.window.activeTextEditor!.document.uri.toString()}@${doc.offsetAt(sel.start)}-${doc.offsetAt(sel.end)}`;
    };
    const expect = (k: number) => {
      const m = all[(k + all.length) % all.length];
      return `${m.docId}@${m.start}-${m.end}`;
    };

    await vscode.commands.executeCommand('corpusLens.nextMention');
    assert.strictEqual(selected(), expect(i + 1));
    await vscode.commands.executeCommand('corpusLens.previousMention');
    assert.strictEqual(selected(), expect(i));
    await vscode.commands.executeCommand('corpusLens.previousMention');
    assert.strictEqual(selected(), expect(i - 1), 'wraps around to the last mention');
    await vscode.commands.executeCommand('corpusLens.nextMention');
    assert.strictEqual(selected(), expect(i));
  });

  it('shows corpus text in a hover literally: no links, no HTML from names or aliases', async () => {
    const lens = await api();
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'seeds', 'zz_editor_untrusted.txt');
    const name = '[x](command:foo) <img src=x onerror=alert(1)>';
    const alias = '**bold** [y](https://evil.example) & www.evil.example';
    const text = `Meet ${name} today. Later ${alias} came.`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      // Indexed, and no pass running that could still replace what the test writes next.
      await waitFor(() => lens.index.hasDocument(uri.toString()) && !lens.corpus.currentProgress, 'the new file in the index');
      // The analyzer would not make such names, so the test writes them into the index itself,
      // as an analysis of this file's text (the service keeps it: the file does not change).
      const mention = (surface: string) => {
        const start = text.indexOf(surface);
        return {
          start,
          end: start + surface.length,
          text: surface,
          type: 'PERSON' as const,
          entityKey: 'PERSON:untrusted',
          name,
          value: null,
        };
      };
      lens.index.setDocument(uri.toString(), text, {
        analyzer: 'test',
        date: null,
        tokens: 12,
        sentences: [{ start: 0, end: text.length }],
        mentions: [mention(name), mention(alias)],
      });
      const doc = await vscode.workspace.openTextDocument(uri);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        doc.positionAt(text.indexOf('foo')),
      );
      const value = hoverText(hovers);
      assert.ok(value.includes('PERSON'), value);
      assert.ok(!value.includes('command:foo'), `no command link from the name: ${value}`);
      assert.ok(!value.includes('https://'), `no web link from the alias: ${value}`);
      assert.ok(!/[<>]/.test(value), `no raw HTML: ${value}`);
      // Every link is one of the extension's own command links (other views may add theirs).
      for (const link of value.matchAll(/\]\(([^)\s]*)/g)) assert.match(link[1], /^command:corpusLens\.\w+\?/);
      const unescaped = value.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      assert.ok(unescaped.includes(name), `the name, literally: ${unescaped}`);
      assert.ok(unescaped.includes(alias), `the alias, literally: ${unescaped}`);
    } finally {
      await vscode.workspace.fs.delete(uri);
      await waitFor(() => !lens.index.hasDocument(uri.toString()), 'the file gone from the index');
    }
  });
});

describe('editor: decorations', () => {
  afterEach(async () => {
    for (const key of ['decorations.enabled', 'decorations.types', 'decorations.maxPerEditor', 'decorations.style']) {
      await setSetting(key, undefined);
    }
  });

  it('declares a light, dark and high-contrast colour per type in package.json', () => {
    const declared = vscode.extensions.getExtension('corpus-lens.corpus-lens')!.packageJSON.contributes.colors as unknown[];
    for (const color of colorContributions()) {
      assert.deepStrictEqual(
        declared.find(c => (c as { id: string }).id === color.id),
        color,
      );
    }
  });

  it('decorates the sample by type, follows unsaved edits, and honours the types setting', async () => {
    const { lens, doc, editor } = await openSample();
    const { decorations } = lens.editor;
    const texts = (type: 'PERSON' | 'PLACE' | 'CARDINAL') => (decorations.stateOf(editor).ranges.get(type) ?? []).map(r => doc.getText(r));
    await waitFor(() => texts('PERSON').includes('Sergey Lavrov'), 'Sergey Lavrov decorated');
    assert.ok(texts('PLACE').includes('Moscow'));
    assert.deepStrictEqual(texts('CARDINAL'), [], 'CARDINAL is off by default');

    const end = doc.positionAt(doc.getText().length);
    let changed = indexChanged(lens, doc);
    await editor.edit(b => b.insert(end, '\nAngela Merkel met Putin.'));
    await changed;
    assert.ok(texts('PERSON').includes('Angela Merkel'), texts('PERSON').join(', '));
    changed = indexChanged(lens, doc);
    await editor.edit(b => b.delete(new vscode.Range(end, doc.positionAt(doc.getText().length))));
    await changed;
    assert.ok(!texts('PERSON').includes('Angela Merkel'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !doc.isDirty, 'the sample reverted');

    await setSetting('decorations.types', ['PLACE', 'CARDINAL']);
    await waitFor(() => texts('PERSON').length === 0 && texts('CARDINAL').includes('two'), 'PERSON off, CARDINAL on');
    assert.ok(texts('PLACE').includes('Moscow'));
  });

  it('a 1 MB document: decorations capped around the visible lines, following the scroll; typing keeps the host responsive', async function () {
    this.timeout(180000);
    const lens = await api();
    const { decorations } = lens.editor;
    const sample = await vscode.workspace.fs.readFile(sampleUri());
    const paragraph = `${new TextDecoder().decode(sample).replace(/\s+/g, ' ')}\n`;
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'seeds', 'one-megabyte.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(paragraph.repeat(Math.ceil(1048576 / paragraph.length))));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      const decoratedLines = () => [...decorations.stateOf(editor).ranges.values()].flat().map(r => r.start.line);
      await waitFor(() => decorations.stateOf(editor).total > 5000, 'the 1 MB document analysed and decorated', 120000);
      const cap = vscode.workspace.getConfiguration('corpusLens').get<number>('decorations.maxPerEditor')!;
      assert.strictEqual(decorations.stateOf(editor).shown, cap);
      assert.ok(Math.min(...decoratedLines()) === 0, 'the top of the document, where the editor is, is decorated');

      const middle = Math.floor(doc.lineCount / 2);
      editor.revealRange(new vscode.Range(middle, 0, middle, 0), vscode.TextEditorRevealType.AtTop);
      await waitFor(() => decoratedLines().includes(middle) && Math.min(...decoratedLines()) > 0, 'the decorations followed the scroll');

      // Typing in the middle: the extension host must stay responsive while it re-analyses.
      const lag = lagMonitor();
      editor.selection = new vscode.Selection(middle, 0, middle, 0);
      for (const ch of 'Angela Merkel met Putin. ') {
        await editor.edit(b => b.insert(editor.selection.active, ch));
        await new Promise(r => setTimeout(r, 30));
      }
      const text = doc.getText();
      await waitFor(() => lens.index.text(doc.uri.toString()) === text, 'the edited text re-analysed', 120000);
      await waitFor(
        () =>
          decorations
            .stateOf(editor)
            .ranges.get('PERSON')
            ?.some(r => doc.getText(r) === 'Angela Merkel'),
        'the typed name decorated',
      );
      const stall = lag.stop();
      const outline = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      assert.ok(outline.length > 0 && outline.every(p => p.kind === vscode.SymbolKind.String), 'the outline lists the paragraphs');
      assert.ok(
        outline.every(p => p.children.length === 0),
        `over ${MAX_MENTION_SYMBOLS} mentions, the outline lists paragraphs without their mentions`,
      );
      console.log(
        `      [1 MB] ${doc.lineCount} lines, ${decorations.stateOf(editor).total} mentions, ${cap} decorated; longest extension-host stall while typing and re-analysing: ${stall.toFixed(0)} ms`,
      );
      for (const [type, ranges] of decorations.stateOf(editor).ranges) {
        for (const range of ranges) assert.strictEqual(lens.index.mentionAt(doc.uri.toString(), doc.offsetAt(range.start))?.type, type);
      }
    } finally {
      // Unsaved edits would keep the document in the corpus for the suites that follow.
      const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
      if (open) {
        await vscode.window.showTextDocument(open);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.workspace.fs.delete(uri);
      await waitFor(() => !lens.index.hasDocument(uri.toString()), 'the 1 MB file gone from the index');
    }
  });

  it('toggles with the command and the status-bar item, and says when the cap applies', async () => {
    const { lens, editor } = await openSample();
    const { decorations, statusBar } = lens.editor;
    await waitFor(() => decorations.stateOf(editor).shown > 5, 'decorations');
    assert.strictEqual(statusBar.item.command, 'corpusLens.toggleDecorations');
    assert.match(statusBar.item.text, /Entities: on/);

    await setSetting('decorations.maxPerEditor', 5);
    await waitFor(() => decorations.stateOf(editor).shown === 5, 'the cap applied');
    const total = decorations.stateOf(editor).total;
    assert.ok(total > 5);
    assert.ok(statusBar.item.text.includes(`5 of ${total}`), statusBar.item.text);
    assert.match(String(statusBar.item.tooltip), /maxPerEditor/);

    await vscode.commands.executeCommand('corpusLens.toggleDecorations');
    await waitFor(() => decorations.stateOf(editor).shown === 0, 'decorations off');
    assert.match(statusBar.item.text, /Entities: off/);
    assert.strictEqual(
      vscode.workspace.getConfiguration('corpusLens').inspect('decorations.enabled')?.workspaceValue,
      false,
      'persisted in the workspace',
    );
    await vscode.commands.executeCommand('corpusLens.toggleDecorations');
    await waitFor(() => decorations.stateOf(editor).shown === 5, 'decorations back on');
  });
});
