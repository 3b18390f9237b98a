import * as os from 'os';
import * as vscode from 'vscode';
import { CorpusIndex } from '../core/corpusIndex';
import { AnalysisPool } from './corpus/analysisPool';
import { CorpusService } from './corpus/corpusService';
import type { Services } from './services';
import { SettingsStore } from './settings';
import { registerEntityTree } from './views/entityTree';

/** What the extension hands to its in-host tests: the services and what each view registered. */
export interface CorpusLensApi extends Omit<Services, 'context'> {
  entityTree: ReturnType<typeof registerEntityTree>;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const log = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const settings = new SettingsStore();
  const index = new CorpusIndex();
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  const pool = new AnalysisPool(workerPath, Math.max(1, os.cpus().length - 1), message => log.warn(message));
  const corpus = new CorpusService(index, pool, settings, log);
  context.subscriptions.push(log, settings, { dispose: () => pool.dispose() }, corpus);
  const services: Services = { context, index, corpus, settings, log };

  // Each view or provider registers itself (and its disposables) from the shared services.
  const api: CorpusLensApi = {
    index, corpus, settings, log,
    entityTree: registerEntityTree(services),
  };

  void corpus.rescan().then(() => {
    const s = index.stats();
    log.info(`indexed ${s.documents} documents: ${s.entities} entities, ${s.mentions} mentions`);
  });
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
