import * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import type { AnalysisCache } from '../../core/node/analysisCache';
import type { AnalysisPool } from '../../core/node/analysisPool';
import type { Recognizer } from '../../core/types';
import type { CorrectionsStore } from '../curation/correctionsStore';
import type { SettingsStore } from '../settings';
import { atOrUnder, CorpusFiles, FileChanges } from './corpusFiles';
import { IndexingQueue } from './indexingQueue';
import type { IndexingProgress } from './progressReporter';

export type { IndexingProgress } from './progressReporter';

const EDIT_DEBOUNCE_MS = 150;
/** Cache entries of texts no longer in the corpus go once written this long ago (another branch may want them back). */
const CACHE_KEEP_MS = 30 * 24 * 3600 * 1000;

/**
 * Keeps the corpus index in step with the files and the open editors: the corpus files (found and
 * watched by CorpusFiles) and edits go to the indexing queue; deletions, renames and settings that
 * change the corpus are handled here. Live editor text wins over the file on disk.
 */
export class CorpusService implements vscode.Disposable {
  private readonly files: CorpusFiles;
  private readonly queue: IndexingQueue;
  private readonly editTimers = new Map<string, NodeJS.Timeout>();
  private readonly scans = new Set<Promise<void>>();
  private scanned = { include: '', maxFileSizeMB: 0 };
  private recognizer: Recognizer;
  private cachePruned = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires with the progress of the running pass, and undefined once the corpus is up to date. */
  readonly onDidChangeProgress: vscode.Event<IndexingProgress | undefined>;
  readonly onDidChangeSkipped: vscode.Event<void>;

  constructor(
    readonly index: CorpusIndex,
    pool: AnalysisPool,
    private readonly settings: SettingsStore,
    private readonly log: vscode.LogOutputChannel,
    corrections: CorrectionsStore,
    private readonly cache?: (recognizer: Recognizer) => AnalysisCache,
  ) {
    this.recognizer = settings.value.recognizer;
    this.queue = new IndexingQueue({ index, pool, settings, log, cache, corrections });
    this.files = new CorpusFiles(settings, log, changes => this.onFileChanges(changes));
    this.onDidChangeProgress = this.queue.progress.onDidChange;
    this.onDidChangeSkipped = this.queue.onDidChangeSkipped;
    this.disposables.push(
      this.queue,
      this.files,
      vscode.workspace.onDidChangeTextDocument(e => this.onEdit(e.document)),
      vscode.workspace.onDidOpenTextDocument(doc => this.onOpen(doc)),
      vscode.workspace.onDidCloseTextDocument(doc => this.onClose(doc)),
      vscode.workspace.onDidDeleteFiles(e => this.removeUnder(e.files)),
      vscode.workspace.onDidRenameFiles(e => e.files.forEach(f => this.renameUnder(f.oldUri, f.newUri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      settings.onDidChange(() => this.onSettings()),
      corrections.onDidChange(() => this.reanalyseAll()),
    );
  }

  /**
   * Corrections or the recognizer changed: every document goes through the queue again (the analysis
   * cache makes that cheap), which applies the corrections in effect right before the index takes it.
   * The index keeps only corrected analyses, so there is no second copy of the raw ones.
   */
  private reanalyseAll(): void {
    this.queue.forgetHashes();
    this.queue.enqueue(this.index.documentIds().map(id => vscode.Uri.parse(id, true)));
  }

  /** Finds every corpus file and (re)indexes what changed; drops documents no longer included. */
  async rescan(): Promise<void> {
    await this.track(this.scan());
    await this.whenIdle();
    if (!this.cachePruned) {
      this.cachePruned = true;
      void this.pruneCache();
    }
  }

  /** Once a session, after the first full scan: what older cache formats, edits and deletions left in the cache. */
  private async pruneCache(): Promise<void> {
    const cache = this.cache?.(this.recognizer);
    if (!cache) return;
    try {
      const formats = await cache.removeOtherFormats();
      if (formats.length > 0) this.log.info(`removed analysis cache entries of another format: ${formats.join(', ')}`);
      const removed = await cache.prune(this.queue.currentHashes(), Date.now() - CACHE_KEEP_MS);
      if (removed > 0) this.log.info(`removed ${removed} analysis cache entries of texts no longer in the corpus`);
    } catch (e) {
      this.log.warn(`could not prune the analysis cache: ${e instanceof Error ? e.message : e}`);
    }
  }

  /** whenIdle waits for `scan` too. */
  private track(scan: Promise<void>): Promise<void> {
    const tracked = scan.finally(() => this.scans.delete(tracked));
    this.scans.add(tracked);
    return tracked;
  }

  private async scan(): Promise<void> {
    this.scanned = { include: this.settings.value.include, maxFileSizeMB: this.settings.value.maxFileSizeMB };
    this.files.watch();
    const found = await this.files.find();
    this.index.batch(() => {
      for (const id of [...this.index.documentIds(), ...this.queue.skipped.keys()]) if (!found.has(id)) this.forget(id);
    });
    this.queue.fireSkipped();
    this.queue.enqueue([...found.values()]);
  }

  private onFileChanges({ deleted, changed, added }: FileChanges): void {
    this.removeUnder(deleted);
    this.queue.enqueue(changed);
    if (added) {
      const adding = added.then(uris => this.queue.enqueue(uris));
      void this.track(adding.catch(e => this.log.warn(`could not look into a new folder: ${e instanceof Error ? e.message : e}`)));
    }
  }

  /** Only the settings that decide which files are read call for a new scan (not view settings). */
  private onSettings(): void {
    const { include, maxFileSizeMB, recognizer } = this.settings.value;
    if (recognizer !== this.recognizer) {
      this.recognizer = recognizer;
      this.reanalyseAll();
    }
    if (include === this.scanned.include && maxFileSizeMB === this.scanned.maxFileSizeMB) return;
    void this.rescan();
  }

  /** Resolves once nothing is queued, analysing or waiting to be merged. */
  async whenIdle(): Promise<void> {
    while (this.scans.size || this.queue.busy || this.editTimers.size || this.files.busy) {
      await (this.queue.running ?? [...this.scans][0] ?? new Promise(r => setTimeout(r, 20)));
    }
  }

  get skipped(): ReadonlyMap<string, string> {
    return this.queue.skipped;
  }

  get currentProgress(): IndexingProgress | undefined {
    return this.queue.progress.current;
  }

  /** True for an open document that the `corpusLens.include` glob selects and the link policy keeps. */
  isCorpusDocument(doc: vscode.TextDocument): boolean {
    if (this.index.hasDocument(doc.uri.toString())) return true;
    if (this.files.isExcluded(doc.uri.toString())) return false;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    return !!folder && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, this.settings.value.include) }, doc) > 0;
  }

  dispose(): void {
    for (const t of this.editTimers.values()) clearTimeout(t);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private onEdit(doc: vscode.TextDocument): void {
    if (!this.isCorpusDocument(doc)) return;
    const id = doc.uri.toString();
    clearTimeout(this.editTimers.get(id));
    this.editTimers.set(
      id,
      setTimeout(() => {
        this.editTimers.delete(id);
        this.queue.enqueue([doc.uri]);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /**
   * The editor may hold other text than the file (it normalises mixed line endings, decodes by
   * its own rules): offsets must index the editor's text, so re-analyse when they differ.
   */
  private onOpen(doc: vscode.TextDocument): void {
    const id = doc.uri.toString();
    if (this.index.hasDocument(id) && !this.queue.holds(id, doc.getText())) this.queue.enqueue([doc.uri]);
  }

  /** A document closed with unsaved edits: the file on disk is the truth again. */
  private onClose(doc: vscode.TextDocument): void {
    if (doc.isDirty && this.index.hasDocument(doc.uri.toString())) this.queue.enqueue([doc.uri]);
  }

  /** Forgets the documents at or under the given files and folders, in one pass (a deleted tree may be thousands of events). */
  private removeUnder(uris: readonly vscode.Uri[]): void {
    if (!uris.length) return;
    const under = atOrUnder(uris);
    // Skipped and queued ones too: a read that finds them missing later must not list them as skipped.
    const ids = this.queue.knownIds().filter(under);
    const skipped = ids.some(doc => this.queue.skipped.has(doc));
    this.index.batch(() => ids.forEach(doc => this.forget(doc)));
    if (skipped) this.queue.fireSkipped();
  }

  private renameUnder(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const oldId = oldUri.toString();
    const newId = newUri.toString();
    this.index.batch(() => {
      for (const doc of this.index.documentIds()) {
        if (doc === oldId || doc.startsWith(`${oldId}/`)) this.queue.rename(doc, newId + doc.slice(oldId.length));
      }
    });
  }

  private forget(id: string): void {
    this.queue.forget(id);
    clearTimeout(this.editTimers.get(id));
    this.editTimers.delete(id);
  }
}
