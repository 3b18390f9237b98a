import * as assert from 'assert';
import * as vscode from 'vscode';
import { CORRECTIONS_FILE, parseCorrections } from '../../src/core/corrections/corrections';
import { parseCsv } from '../../src/core/text/csv';
import { matchesQuery } from '../../src/shared/search';
import type { CorpusLensApi } from '../../src/extension/extension';
import { CorrectionsStore } from '../../src/extension/curation/correctionsStore';
import type { TreeNode } from '../../src/extension/views/entities/nodes';
import { api, waitFor } from './helpers';

const SAMPLE = 'seeds/000_a4262604377c852d.txt';
const SECOND = 'seeds/zz_curation_second.txt';

function folder(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

function at(path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), path);
}

const correctionsUri = () => at(CORRECTIONS_FILE);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** No corrections: the file and its folder gone, the store and the index back to the recogniser's. */
async function resetCorrections(lens: CorpusLensApi): Promise<void> {
  const dir = at('.corpus-lens');
  if (await exists(dir)) await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
  await lens.corrections.reload();
  await lens.corpus.whenIdle();
  assert.strictEqual(lens.corrections.corrections.corrections.length, 0);
  assert.strictEqual(lens.corrections.error, undefined);
}

async function openSample(lens: CorpusLensApi): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(at(SAMPLE));
  const editor = await vscode.window.showTextDocument(doc);
  await waitFor(() => lens.index.mentionsIn(doc.uri.toString()).length > 0, 'the sample in the index');
  return { doc, editor };
}

function rangeOf(doc: vscode.TextDocument, needle: string): vscode.Range {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is in the sample`);
  return new vscode.Range(doc.positionAt(i), doc.positionAt(i + needle.length));
}

async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Runs a curation command and waits until the corpus has taken the correction in. */
async function curate(lens: CorpusLensApi, command: string, ...args: unknown[]): Promise<boolean> {
  const done = await vscode.commands.executeCommand<boolean>(command, ...args);
  await lens.corpus.whenIdle();
  return done;
}

/** Every mention in the corpus as "doc start end type entity". */
function snapshot(lens: CorpusLensApi): string[] {
  return lens.index
    .documentIds()
    .sort()
    .flatMap(docId => lens.index.mentionsIn(docId).map(m => `${docId} ${m.start} ${m.end} ${m.type} ${m.entityId}`));
}

function mentionSet(lens: CorpusLensApi, entityId: string): string[] {
  return lens.index
    .mentionsOf(entityId)
    .map(m => `${m.docId} ${m.start} ${m.end}`)
    .sort();
}

describe('curation: corrections and export', function () {
  let lens: CorpusLensApi;

  before(async () => {
    lens = await api();
    await lens.corpus.whenIdle();
  });

  beforeEach(async () => {
    await resetCorrections(lens);
  });

  after(async () => {
    // Other suites see the plain recogniser and the one sample document.
    if (await exists(at(SECOND))) await vscode.workspace.fs.delete(at(SECOND), { useTrash: false });
    await resetCorrections(lens);
    await waitFor(() => !lens.index.hasDocument(at(SECOND).toString()), 'the second document gone');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('retypes TASS from ORG to MISC: index, hover, tree, decorations and the file on disk', async () => {
    const { doc, editor } = await openSample(lens);
    assert.ok(lens.index.entity('ORG:tass'), 'the recogniser finds ORG TASS');
    assert.ok(await curate(lens, 'corpusLens.changeEntityType', 'ORG:tass', 'MISC'));

    await waitFor(() => lens.index.entity('MISC:tass') && !lens.index.entity('ORG:tass'), 'MISC TASS in the index');
    assert.ok(!lens.index.entities().some(e => e.type === 'ORG' && e.name === 'TASS'), 'no ORG TASS left');
    const tassMentions = lens.index.mentionsOf('MISC:tass');
    assert.ok(tassMentions.length >= 2, 'every TASS mention moved');
    assert.ok(tassMentions.every(m => m.type === 'MISC'));

    const hover = await hoverAt(doc, rangeOf(doc, 'TASS').start.translate(0, 1));
    assert.match(hover, /\*\*TASS\*\* \u00b7 MISC\b/, hover);

    const { provider } = lens.entityTree;
    provider.clearFilter();
    provider.setHiddenTypes([]);
    const groups = provider.getChildren();
    const group = (type: string) => groups.find((n): n is Extract<TreeNode, { kind: 'type' }> => n.kind === 'type' && n.type === type);
    const miscRows = provider.getChildren(group('MISC'));
    assert.ok(
      miscRows.some(n => n.kind === 'entity' && n.entityId === 'MISC:tass'),
      'the MISC group lists TASS',
    );
    const orgGroup = group('ORG');
    const orgRows = orgGroup ? provider.getChildren(orgGroup) : [];
    assert.ok(!orgRows.some(n => n.kind === 'entity' && n.entityId.endsWith(':tass')), 'the ORG group does not');

    await waitFor(
      () => (lens.editor.decorations.stateOf(editor).ranges.get('MISC') ?? []).some(r => doc.getText(r) === 'TASS'),
      'TASS decorated as MISC',
    );
    assert.ok(!(lens.editor.decorations.stateOf(editor).ranges.get('ORG') ?? []).some(r => doc.getText(r) === 'TASS'), 'and not as ORG');

    const onDisk = parseCorrections(await readText(correctionsUri()));
    assert.ok('corrections' in onDisk, JSON.stringify(onDisk));
    assert.deepStrictEqual(onDisk.corrections.corrections, [{ op: 'retype', entity: 'ORG:tass', type: 'MISC' }]);

    // "Survives a reload": the file is what activation reads; a fresh store reads the same list.
    const fresh = new CorrectionsStore(lens.log);
    try {
      await fresh.ready;
      assert.strictEqual(fresh.error, undefined);
      assert.deepStrictEqual(fresh.corrections, lens.corrections.corrections);
    } finally {
      fresh.dispose();
    }
  });

  it('"not an entity" on a selected word removes it everywhere', async () => {
    const { doc, editor } = await openSample(lens);
    const word = 'Beijing';
    const hasWord = () => lens.index.documentIds().some(id => lens.index.mentionsIn(id).some(m => m.text === word));
    assert.ok(hasWord(), 'the recogniser finds Beijing');
    editor.selection = new vscode.Selection(rangeOf(doc, word).start, rangeOf(doc, word).end);
    assert.ok(await curate(lens, 'corpusLens.notAnEntity'));

    await waitFor(() => !hasWord(), 'Beijing gone from the index');
    assert.ok(!lens.index.entities().some(e => e.name === word || e.aliases.includes(word)), 'no entity named Beijing');
    assert.ok(!(await hoverAt(doc, rangeOf(doc, word).start.translate(0, 2))).includes('mentions in'), 'no hover');
    const decorated = () => [...lens.editor.decorations.stateOf(editor).ranges.values()].flat();
    await waitFor(() => !decorated().some(r => doc.getText(r) === word), 'no decoration');
    const onDisk = parseCorrections(await readText(correctionsUri()));
    assert.ok('corrections' in onDisk && onDisk.corrections.corrections.some(c => c.op === 'notEntity' && c.text === word));
  });

  it('"add entity" on a selection marks every identical span in every document', async () => {
    const text = 'economic forum';
    const secondText = `Delegates met at the economic forum in June.\nThe economic forum closed early; an economic forums list followed.\n`;
    await vscode.workspace.fs.writeFile(at(SECOND), new TextEncoder().encode(secondText));
    const second = at(SECOND).toString();
    await waitFor(() => lens.index.hasDocument(second), 'the second document indexed');
    await lens.corpus.whenIdle();
    const { doc, editor } = await openSample(lens);
    editor.selection = new vscode.Selection(rangeOf(doc, text).start, rangeOf(doc, text).end);
    assert.ok(await curate(lens, 'corpusLens.addEntity', undefined, 'ORG'));

    const id = `ORG:${text}`;
    await waitFor(() => lens.index.entity(id)?.documentCount === 2, 'the added entity in both documents');
    for (const docId of [doc.uri.toString(), second]) {
      const content = lens.index.text(docId)!;
      const expected: string[] = [];
      for (const m of content.matchAll(/economic forum(?![\p{L}\p{N}])/gu)) expected.push(`${m.index} ${m.index! + text.length}`);
      assert.ok(expected.length > 0);
      const found = lens.index
        .mentionsIn(docId)
        .filter(m => m.entityId === id)
        .map(m => `${m.start} ${m.end}`);
      assert.deepStrictEqual(found, expected, `every "${text}" in ${docId}`);
      assert.ok(
        lens.index
          .mentionsIn(docId)
          .filter(m => m.entityId === id)
          .every(m => m.type === 'ORG'),
      );
    }
    assert.strictEqual(lens.index.mentionsIn(second).filter(m => m.entityId === id).length, 2, '"economic forums" is not a match');
  });

  it('merging two entities leaves one whose mentions are the union', async () => {
    const places = lens.index.entities({ types: ['PLACE'] });
    assert.ok(places.length >= 2, 'two places to merge');
    const [into, from] = places;
    const union = [...mentionSet(lens, from.id), ...mentionSet(lens, into.id)].sort();
    assert.ok(await curate(lens, 'corpusLens.mergeEntities', from.id, into.id));

    await waitFor(() => !lens.index.entity(from.id), `${from.id} merged away`);
    await waitFor(() => mentionSet(lens, into.id).length === union.length, 'the merged mentions');
    assert.deepStrictEqual(mentionSet(lens, into.id), union);
    const merged = lens.index.entity(into.id)!;
    assert.strictEqual(merged.name, into.name);
    const isAlias = merged.aliases.includes(from.name) || (from.aliases.length > 0 && from.aliases.every(a => merged.aliases.includes(a)));
    assert.ok(isAlias, `${from.name} is another name of ${into.name}`);
  });

  it('undo restores the previous state, for the index and the file', async () => {
    await lens.corpus.whenIdle();
    const before = snapshot(lens);
    assert.ok(await curate(lens, 'corpusLens.changeEntityType', 'ORG:tass', 'PERSON'));
    await waitFor(() => lens.index.entity('PERSON:tass'), 'retyped');
    assert.notDeepStrictEqual(snapshot(lens), before);
    assert.ok(await curate(lens, 'corpusLens.undoCorrection'));
    await waitFor(() => lens.index.entity('ORG:tass') && !lens.index.entity('PERSON:tass'), 'undone');
    assert.deepStrictEqual(snapshot(lens), before);
    const onDisk = parseCorrections(await readText(correctionsUri()));
    assert.ok('corrections' in onDisk);
    assert.deepStrictEqual(onDisk.corrections.corrections, []);
    assert.strictEqual(await curate(lens, 'corpusLens.undoCorrection'), false, 'nothing left to undo');
  });

  it('picks up a hand edit live; reports an invalid file and never overwrites it', async () => {
    // A valid hand edit applies without a command.
    const valid = '{\n  "version": 1,\n  "corrections": [\n    { "op": "retype", "entity": "ORG:TASS", "type": "MISC" }\n  ]\n}\n';
    await vscode.workspace.fs.writeFile(correctionsUri(), new TextEncoder().encode(valid));
    await waitFor(() => lens.index.entity('MISC:tass'), 'the hand edit applied');

    const invalid =
      '{\n  "version": 1,\n  "corrections": [\n' +
      '    { "op": "retype", "entity": "ORG:tass", "type": "MISC" },\n    { "op": "retype", "entity": "ORG:tass" }\n  ]\n}\n';
    const bytes = new TextEncoder().encode(invalid);
    await vscode.workspace.fs.writeFile(correctionsUri(), bytes);
    const error = (await waitFor(() => lens.corrections.error, 'the invalid file reported'))!;
    assert.strictEqual(error.line, 5, JSON.stringify(error));
    assert.match(error.message, /correction 2/);

    assert.strictEqual(await curate(lens, 'corpusLens.changeEntityType', 'MISC:tass', 'PLACE'), false, 'retype refused');
    assert.strictEqual(await curate(lens, 'corpusLens.addEntity', 'economic forum', 'ORG'), false, 'add refused');
    assert.strictEqual(await curate(lens, 'corpusLens.undoCorrection'), false, 'undo refused');
    assert.deepStrictEqual([...(await vscode.workspace.fs.readFile(correctionsUri()))], [...bytes], 'the file is byte-for-byte unchanged');
    assert.ok(lens.index.entity('MISC:tass') && !lens.index.entity('PLACE:tass'), 'the last valid corrections stay applied');

    // Fixed by hand: commands work again.
    await vscode.workspace.fs.writeFile(correctionsUri(), new TextEncoder().encode('{ "version": 1, "corrections": [] }\n'));
    await waitFor(() => !lens.corrections.error && lens.index.entity('ORG:tass'), 'the fixed file applied');
    assert.ok(await curate(lens, 'corpusLens.changeEntityType', 'ORG:tass', 'PLACE'));
    await waitFor(() => lens.index.entity('PLACE:tass'), 'a command after the fix');
  });

  it('deleting the .corpus-lens folder by hand drops its corrections', async () => {
    assert.ok(await curate(lens, 'corpusLens.changeEntityType', 'ORG:tass', 'MISC'));
    await waitFor(() => lens.index.entity('MISC:tass'), 'retyped');
    // VS Code reports the folder's deletion, not its file's: the store must notice all the same.
    await vscode.workspace.fs.delete(at('.corpus-lens'), { recursive: true, useTrash: false });
    await waitFor(() => lens.index.entity('ORG:tass') && !lens.index.entity('MISC:tass'), "the recogniser's ORG TASS back");
    assert.deepStrictEqual(lens.corrections.corrections.corrections, []);
  });

  it('exports a CSV whose rows match the filter (command and panel)', async () => {
    const target = at('out/entities.csv');
    const filter = { types: ['PLACE', 'PERSON'], search: 's' }; // St. Petersburg, Sergey Lavrov, United States; not Russia
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('corpusLens.export', target, 'entities', 'csv', filter);
    assert.ok(written, 'written');
    const rows = parseCsv(await readText(target));
    assert.deepStrictEqual(rows[0], ['id', 'type', 'name', 'aliases', 'mentions', 'documents']);
    const expected = lens.index
      .entities()
      .filter(e => filter.types.includes(e.type) && [e.name, ...e.aliases].some(n => matchesQuery(n, filter.search)))
      .map(e => e.id)
      .sort();
    assert.ok(expected.length > 0, 'the filter keeps some entities');
    assert.deepStrictEqual(
      rows
        .slice(1)
        .filter(r => r.length > 1)
        .map(r => r[0])
        .sort(),
      expected,
    );
    for (const row of rows.slice(1).filter(r => r.length > 1)) assert.ok(filter.types.includes(row[1]), row.join(','));

    // The panel's export: its filter (types shown, search), mentions with workspace-relative paths.
    const mentionsTarget = at('out/mentions.csv');
    const message = { type: 'export', what: 'mentions', format: 'csv', filter: { types: ['PERSON'], search: 'xi' } };
    const ok = await lens.explorer.handleMessage(message, mentionsTarget);
    assert.ok(ok, 'the panel export accepted');
    const mentionRows = parseCsv(await readText(mentionsTarget))
      .slice(1)
      .filter(r => r.length > 1);
    const people = new Set(
      lens.index
        .entities({ types: ['PERSON'] })
        .filter(e => [e.name, ...e.aliases].some(n => matchesQuery(n, 'xi')))
        .map(e => e.id),
    );
    const expectedMentions = [...people].reduce((n, id) => n + lens.index.mentionsOf(id).length, 0);
    assert.ok(expectedMentions > 0);
    assert.strictEqual(mentionRows.length, expectedMentions);
    for (const row of mentionRows) {
      assert.strictEqual(row[0], SAMPLE, 'a workspace-relative path');
      assert.strictEqual(row[5], 'PERSON');
      assert.ok(people.has(row[6]), row.join(','));
    }
    assert.strictEqual(
      await lens.explorer.handleMessage(
        { type: 'export', what: 'mentions', format: 'json', filter: { types: [], search: '' } },
        mentionsTarget,
      ),
      false,
      'an export the core cannot make is refused',
    );
    await vscode.workspace.fs.delete(at('out'), { recursive: true, useTrash: false });
  });
});
