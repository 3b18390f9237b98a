// Restricted Mode, with workspace trust on and this workspace not trusted (test/harness/trustOn.js).
// Its .vscode/settings.json would widen the corpus to every file with no size limit, and the
// workspace holds files that only those settings admit (test/harness/workspace.js).
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { RESTRICTED_MODE_MESSAGE } from '../../src/extension/trust';
import { api, waitFor } from '../integration/helpers';

const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const idOf = (relative: string) => vscode.Uri.file(path.join(root(), relative)).toString();
const SAMPLE = 'seeds/000_a4262604377c852d.txt';

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Runs `action` and returns what the extension logged as warnings meanwhile. */
async function warningsOf(action: () => Thenable<unknown>): Promise<string[]> {
  const { log } = await api();
  const warnings: string[] = [];
  const warn = log.warn;
  log.warn = (message: string, ...args: unknown[]) => {
    warnings.push(message);
    warn.call(log, message, ...args);
  };
  try {
    await action();
  } finally {
    log.warn = warn;
  }
  return warnings;
}

describe('Restricted Mode (workspace trust on, the workspace not trusted)', function () {
  this.timeout(120000);
  let workspaceSettings: string;
  before(async () => {
    const { index, corpus } = await api();
    await waitFor(() => index.hasDocument(idOf(SAMPLE)), 'the sample indexed');
    await corpus.whenIdle();
    workspaceSettings = await fs.readFile(path.join(root(), '.vscode', 'settings.json'), 'utf8');
  });

  it('runs in an untrusted workspace whose settings would widen the corpus', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.deepStrictEqual(JSON.parse(workspaceSettings), { 'corpusLens.include': '**/*', 'corpusLens.maxFileSizeMB': 100000 });
  });

  it('ignores the workspace values of the restricted settings', async () => {
    const { settings } = await api();
    assert.strictEqual(settings.value.include, 'seeds/**/*.{txt,md}');
    assert.strictEqual(settings.value.maxFileSizeMB, 5);
    const restricted = vscode.extensions.getExtension('corpus-lens.corpus-lens')!.packageJSON.capabilities.untrustedWorkspaces;
    assert.strictEqual(restricted.supported, 'limited');
    assert.deepStrictEqual(restricted.restrictedConfigurations, ['corpusLens.include', 'corpusLens.maxFileSizeMB']);
  });

  it('reads the corpus, but not the files only the workspace settings admit', async () => {
    const { index, corpus } = await api();
    assert.ok(index.mentionsIn(idOf(SAMPLE)).length > 0, 'the sample analysed');
    assert.ok(!index.hasDocument(idOf('private/outside-seeds.txt')), 'a file outside seeds/ is not indexed');
    assert.ok(!index.hasDocument(idOf('.vscode/settings.json')), 'nor the settings file');
    assert.ok(!corpus.skipped.has(idOf('private/outside-seeds.txt')), 'nor even listed');
    assert.match(corpus.skipped.get(idOf('seeds/above-limit.txt')) ?? '', /^too large: 5\.5 MB/);
  });

  it('a correction writes nothing into the workspace and says why', async () => {
    const lens = await api();
    assert.ok(lens.index.entity('ORG:tass'), 'the recogniser finds ORG TASS');
    let done: boolean | undefined;
    const warnings = await warningsOf(async () => {
      done = await vscode.commands.executeCommand<boolean>('corpusLens.changeEntityType', 'ORG:tass', 'MISC');
    });
    assert.strictEqual(done, false, 'the command reports no correction');
    assert.ok(!(await exists(path.join(root(), '.corpus-lens'))), 'no .corpus-lens folder');
    assert.ok(
      warnings.some(w => /^Restricted Mode: nothing is written into this workspace/.test(w)),
      warnings.join('\n'),
    );
    await lens.corpus.whenIdle();
    assert.ok(lens.index.entity('ORG:tass') && !lens.index.entity('MISC:tass'), 'the index unchanged');
  });

  it('an export into the workspace is refused and says why; one outside it is written', async () => {
    const inside = vscode.Uri.file(path.join(root(), 'entities.csv'));
    let written: vscode.Uri | undefined;
    const warnings = await warningsOf(async () => {
      written = await vscode.commands.executeCommand<vscode.Uri | undefined>('corpusLens.export', inside, 'entities', 'csv');
    });
    assert.strictEqual(written, undefined);
    assert.ok(!(await exists(inside.fsPath)), 'nothing written into the workspace');
    assert.ok(
      warnings.some(w => w.startsWith('Restricted Mode:') && w.includes('entities.csv')),
      warnings.join('\n'),
    );
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'restricted-export-'));
    try {
      const outside = vscode.Uri.file(path.join(dir, 'entities.csv'));
      assert.ok(await vscode.commands.executeCommand('corpusLens.export', outside, 'entities', 'csv'), 'the export outside written');
      assert.match(await fs.readFile(outside.fsPath, 'utf8'), /^id,type,name/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('settings changed by commands go to the user settings, not the workspace', async () => {
    const { settings } = await api();
    const before = settings.value.decorationsEnabled;
    const warnings = await warningsOf(() => vscode.commands.executeCommand('corpusLens.chooseCorpusFolder'));
    assert.ok(
      warnings.some(w => w.startsWith('Restricted Mode:')),
      'Choose Corpus Folder says why it does nothing',
    );
    await vscode.commands.executeCommand('corpusLens.toggleDecorations');
    try {
      await waitFor(() => settings.value.decorationsEnabled === !before, 'decorations toggled');
      assert.strictEqual(await fs.readFile(path.join(root(), '.vscode', 'settings.json'), 'utf8'), workspaceSettings);
      assert.strictEqual(vscode.workspace.getConfiguration('corpusLens').inspect('decorations.enabled')?.globalValue, !before);
    } finally {
      await vscode.commands.executeCommand('corpusLens.toggleDecorations');
      await waitFor(() => settings.value.decorationsEnabled === before, 'decorations back');
    }
  });

  it('the Entities view says so', async () => {
    const { entityTree } = await api();
    assert.ok(entityTree.view.message?.startsWith(RESTRICTED_MODE_MESSAGE), entityTree.view.message);
  });
});
