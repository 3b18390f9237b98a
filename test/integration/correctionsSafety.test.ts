// A corrections file damaged or shaped by hand is never rewritten or replaced by a command:
// bytes that are not UTF-8, a repeated key, a file over the size limit; a linked file keeps
// its link and its mode.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CORRECTIONS_FILE, MAX_CORRECTIONS_BYTES } from '../../src/core/corrections/corrections';
import type { CorpusLensApi } from '../../src/extension/extension';
import { api, waitFor } from './helpers';

const folder = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const file = (): string => path.join(folder(), CORRECTIONS_FILE);

describe('corrections file safety', function () {
  let lens: CorpusLensApi;

  before(async () => {
    lens = await api();
    await lens.corpus.whenIdle();
  });

  afterEach(async () => {
    fs.rmSync(path.dirname(file()), { recursive: true, force: true });
    await lens.corrections.reload();
    await lens.corpus.whenIdle();
    assert.strictEqual(lens.corrections.error, undefined);
  });

  const retype = () => vscode.commands.executeCommand<boolean>('corpusLens.changeEntityType', 'ORG:tass', 'MISC');

  /** Writes `bytes` as the file, then checks it is reported at `line`:`column` and left as it is by a command. */
  async function refused(bytes: Uint8Array, message: RegExp, line: number, column: number): Promise<void> {
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(file(), bytes);
    await lens.corrections.reload();
    const error = (await waitFor(() => lens.corrections.error, 'the file reported'))!;
    assert.match(error.message, message);
    assert.deepStrictEqual([error.line, error.column], [line, column]);
    assert.strictEqual(await retype(), false, 'the command refused');
    assert.ok(Buffer.from(bytes).equals(fs.readFileSync(file())), 'the file byte for byte as it was');
  }

  it('reports a file that is not UTF-8 and never rewrites it', async () => {
    const head = '{\n  "version": 1,\n  "corrections": [\n    { "op": "addEntity", "text": "Zo';
    const latin1 = Buffer.concat([Buffer.from(head), Buffer.from([0xeb]), Buffer.from('", "type": "PERSON" }\n  ]\n}\n')]);
    await refused(latin1, /not UTF-8/, 4, 37);
  });

  it('reports a repeated key and never rewrites the file', async () => {
    const twice = '{\n  "version": 1,\n  "corrections": [{ "op": "notEntity", "text": "Moscow" }],\n  "corrections": []\n}\n';
    await refused(Buffer.from(twice), /duplicate key "corrections"/, 4, 3);
  });

  it('refuses a file over the size limit', async () => {
    await refused(Buffer.alloc(MAX_CORRECTIONS_BYTES + 1, 0x20), /at most 5\.0 MB/, 1, 1);
  });

  it('writes a linked file through its link, keeping its mode', async () => {
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    const target = path.join(path.dirname(file()), 'shared.json');
    fs.writeFileSync(target, '{ "version": 1, "corrections": [] }\n', { mode: 0o600 });
    fs.chmodSync(target, 0o600);
    fs.symlinkSync('shared.json', file());
    await lens.corrections.reload();
    assert.ok(await retype());
    assert.ok(fs.lstatSync(file()).isSymbolicLink(), 'still a link');
    assert.match(fs.readFileSync(target, 'utf8'), /"op": "retype"/);
    assert.strictEqual(fs.statSync(target).mode & 0o777, 0o600);
  });
});
