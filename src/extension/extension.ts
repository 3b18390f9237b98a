import * as os from 'os';
import * as vscode from 'vscode';
import { AnalysisCache } from '../core/node/analysisCache';
import { ANALYZER_VERSION } from '../core/recognition/analyzerVersion';
import { CorpusIndex } from '../core/index/corpusIndex';
import { AnalysisPool } from '../core/node/analysisPool';
import { CorpusService } from './corpus/corpusService';
import { CorrectionsStore } from './curation/correctionsStore';
import { registerCuration } from './curation/curationCommands';
import { registerEditor } from './editor/registerEditor';
import type { Services } from './services';
import { SettingsStore } from './settings';
import { registerEntityTree } from './views/entityTree';
import { registerExplorerPanel } from './views/explorerPanel';

/** What the extension hands to its in-host tests: the services and what each view registered. */
export interface CorpusLensApi extends Omit<Services, 'context'> {
  entityTree: ReturnType<typeof registerEntityTree>;
  editor: ReturnType<typeof registerEditor>;
  explorer: ReturnType<typeof registerExplorerPanel>;
  curation: ReturnType<typeof registerCuration>;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const log = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const settings = new SettingsStore();
  const index = new CorpusIndex();
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  const pool = new AnalysisPool(workerPath, Math.max(1, os.cpus().length - 1), message => log.warn(message));
  const corrections = new CorrectionsStore(log);
  const corpus = new CorpusService(index, pool, settings, log, analysisCache(context, log), corrections);
  context.subscriptions.push(log, settings, { dispose: () => pool.dispose() }, corpus, corrections);
  const services: Services = { context, index, corpus, settings, log, corrections };

  // Each view or provider registers itself (and its disposables) from the shared services.
  const api: CorpusLensApi = {
    index, corpus, settings, log, corrections,
    entityTree: registerEntityTree(services),
    editor: registerEditor(services),
    explorer: registerExplorerPanel(services),
    curation: registerCuration(services),
  };

  void corpus.rescan().then(() => {
    const s = index.stats();
    log.info(`indexed ${s.documents} documents: ${s.entities} entities, ${s.mentions} mentions`);
  });
  return api;
}

/** Analyses cached in the workspace's storage, so a reopened corpus re-analyses only what changed. */
function analysisCache(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): AnalysisCache | undefined {
  if (context.storageUri?.scheme !== 'file') return undefined;
  const dir = vscode.Uri.joinPath(context.storageUri, 'analyses').fsPath;
  return new AnalysisCache(dir, ANALYZER_VERSION, (file, reason) => log.warn(`discarded cache entry ${file}: ${reason}`));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
