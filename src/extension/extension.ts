import * as os from 'os';
import * as vscode from 'vscode';
import { AnalysisCache } from '../core/node/analysisCache';
import { analyzerVersion } from '../core/recognition/analyzerVersion';
import type { Recognizer } from '../core/types';
import { CorpusIndex } from '../core/index/corpusIndex';
import { AnalysisPool } from '../core/node/analysisPool';
import { CorpusService } from './corpus/corpusService';
import { registerCorpusCommands } from './commands/corpusCommands';
import { registerCuration } from './commands/curationCommands';
import { registerDecorationCommands } from './commands/decorationCommands';
import { registerEntityCommands } from './commands/entityCommands';
import { registerNavigation } from './commands/navigation';
import { registerTreeCommands } from './commands/treeCommands';
import { CorrectionsStore } from './curation/correctionsStore';
import { registerEditor } from './editor/registerEditor';
import type { Services } from './services';
import { SettingsStore } from './settings';
import { EntitiesView, registerEntitiesView } from './views/entities/entitiesView';
import { ExplorerPanel, registerExplorerPanel } from './views/explorerPanel';

/** What the extension hands to its in-host tests: the services and what each view registered. */
export interface CorpusLensApi extends Omit<Services, 'context'> {
  entityTree: EntitiesView;
  editor: ReturnType<typeof registerEditor>;
  explorer: ExplorerPanel;
  curation: ReturnType<typeof registerCuration>;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const log = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const settings = new SettingsStore();
  const index = new CorpusIndex();
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  const pool = new AnalysisPool(workerPath, Math.max(1, os.cpus().length - 1), message => log.warn(message));
  const corrections = new CorrectionsStore(log);
  const corpus = new CorpusService(index, pool, settings, log, corrections, analysisCache(context, log));
  context.subscriptions.push(log, settings, { dispose: () => pool.dispose() }, corpus, corrections);
  const services: Services = { context, index, corpus, settings, log, corrections };

  // Each view, provider and group of commands registers itself (and its disposables) from the shared services.
  const entityTree = registerEntitiesView(services);
  const explorer = registerExplorerPanel(services);
  const treeSelection = () => entityTree.view.selection[0];
  registerNavigation(services, treeSelection);
  registerTreeCommands(services, entityTree);
  registerEntityCommands(services, explorer, treeSelection);
  registerDecorationCommands(services);
  registerCorpusCommands(services);
  const api: CorpusLensApi = {
    index,
    corpus,
    settings,
    log,
    corrections,
    entityTree,
    editor: registerEditor(services),
    explorer,
    curation: registerCuration(services),
  };

  void corpus.rescan().then(() => {
    const s = index.stats();
    log.info(`indexed ${s.documents} documents: ${s.entities} entities, ${s.mentions} mentions`);
  });
  return api;
}

/** Analyses cached in the workspace's storage, so a reopened corpus re-analyses only what changed. */
function analysisCache(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ((r: Recognizer) => AnalysisCache) | undefined {
  if (context.storageUri?.scheme !== 'file') return undefined;
  const dir = vscode.Uri.joinPath(context.storageUri, 'analyses').fsPath;
  const caches = new Map<Recognizer, AnalysisCache>();
  const discard = (file: string, reason: string) => log.warn(`discarded cache entry ${file}: ${reason}`);
  return recognizer => {
    let cache = caches.get(recognizer);
    if (!cache) caches.set(recognizer, (cache = new AnalysisCache(dir, analyzerVersion(recognizer), discard)));
    return cache;
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
