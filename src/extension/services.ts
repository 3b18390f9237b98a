import type * as vscode from 'vscode';
import type { CorpusIndex } from '../core/index/corpusIndex';
import type { CorpusService } from './corpus/corpusService';
import type { CorrectionsStore } from './curation/correctionsStore';
import type { SettingsStore } from './settings';

/** What every view, provider and command is built from. One index feeds them all. */
export interface Services {
  context: vscode.ExtensionContext;
  index: CorpusIndex;
  corpus: CorpusService;
  settings: SettingsStore;
  log: vscode.LogOutputChannel;
  /** The workspace's corrections (.corpus-lens/corrections.json), applied by the corpus service. */
  corrections: CorrectionsStore;
}
