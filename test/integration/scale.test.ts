import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, lagMonitor, waitFor } from './helpers';

const COUNT = 1000;

/** Runs fixtures/writeDocuments.js in a process of its own (ELECTRON_RUN_AS_NODE: desktop VS Code's executable is Electron). */
function writeDocuments(folder: string, sample: string, count: number): Promise<void> {
  const script = path.join(
    vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath,
    'test',
    'integration',
    'fixtures',
    'writeDocuments.js',
  );
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, folder, sample, String(count)], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, error =>
      error ? reject(error) : resolve(),
    );
  });
}

describe('scale: 1,000 documents', function () {
  this.timeout(600000);
  const folder = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'seeds', 'bulk');

  after(async () => {
    await fs.rm(folder(), { recursive: true, force: true });
  });

  it('indexes them off the event loop and forgets them when the folder goes', async () => {
    const { index, corpus } = await api();
    await corpus.whenIdle();
    const bulk = () => index.documentIds().filter(id => id.includes('/seeds/bulk/'));
    assert.ok(
      index.hasDocument(vscode.Uri.file(path.join(folder(), '..', '000_a4262604377c852d.txt')).toString()),
      'the sample is indexed first',
    );
    const lag = lagMonitor();
    const started = performance.now();
    await writeDocuments(folder(), path.join(folder(), '..', '000_a4262604377c852d.txt'), COUNT);
    // A watcher may report a file before it is all written: wait for every document's full analysis.
    await waitFor(
      () => bulk().length === COUNT && bulk().every(id => index.mentionsIn(id).length > 0),
      `${COUNT} documents indexed`,
      540000,
    );
    const seconds = (performance.now() - started) / 1000;
    const stall = lag.stop();
    console.log(`      [scale] ${COUNT} documents indexed in ${seconds.toFixed(1)} s; longest extension-host stall ${stall.toFixed(0)} ms`);

    assert.ok(index.entities({ prefix: 'berlin', types: ['PLACE'] }).some(e => e.documentCount >= COUNT));

    await fs.rm(folder(), { recursive: true, force: true });
    await waitFor(() => bulk().length === 0, 'the deleted folder forgotten', 60000);
  });
});
