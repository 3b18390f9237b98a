import * as os from 'os';
import * as vscode from 'vscode';
import { AnalysisCache, contentHash } from '../../core/node/analysisCache';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import { applyCorrections, compileCorrections } from '../../core/corrections/corrections';
import { unpackAnalysis } from '../../core/index/packedAnalysis';
import type { CorrectionsStore } from '../curation/correctionsStore';
import type { SettingsStore } from '../settings';
import { AnalysisPool, Superseded } from '../../core/node/analysisPool';
import { openDocumentText, readCorpusFile } from './documentReader';

export interface IndexingProgress {
  done: number;
  total: number;
}

/** Progress notifications only for passes this large; smaller ones show in the status bar. */
const NOTIFY_FROM = 10;
const EDIT_DEBOUNCE_MS = 150;
const FILE_EVENT_DEBOUNCE_MS = 300;
const MERGE_INTERVAL_MS = 100;
/** A merge slice ends after this long and yields to the event loop (a stall budget, not a batch size). */
const MERGE_SLICE_MS = 20;
/** Progress events (each one a message to the workbench per view) at most this often. */
const PROGRESS_INTERVAL_MS = 100;
/** Files read ahead of the workers, so they never wait on the disk. */
const CONCURRENCY = 2 * Math.max(1, os.cpus().length);
/** Cache entries of texts no longer in the corpus go once written this long ago (another branch may want them back). */
const CACHE_KEEP_MS = 30 * 24 * 3600 * 1000;

/**
 * Keeps the corpus index in step with the files and the open editors: finds the corpus files,
 * reads them, has the worker pool analyse them, and merges the results into the index in
 * batches (one change event per batch). Live editor text wins over the file on disk.
 */
export class CorpusService implements vscode.Disposable {
  private readonly skippedFiles = new Map<string, string>();
  private readonly hashes = new Map<string, string>();
  /** How often each document was forgotten: an analysis started before its deletion must not bring it back. */
  private readonly forgotten = new Map<string, number>();
  private readonly queue = new Map<string, vscode.Uri>();
  private readonly editTimers = new Map<string, NodeJS.Timeout>();
  private readonly fileEvents = { changed: new Map<string, vscode.Uri>(), deleted: new Map<string, vscode.Uri>(), created: new Map<string, vscode.Uri>() };
  private fileEventTimer: NodeJS.Timeout | undefined;
  private pendingMerges: Array<() => void> = [];
  private mergeTimer: NodeJS.Timeout | undefined;
  private progress: IndexingProgress | undefined;
  private progressFired = 0;
  private draining: Promise<void> | undefined;
  private readonly scans = new Set<Promise<void>>();
  private scanned = { include: '', maxFileSizeMB: 0 };
  private cachePruned = false;
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly progressEmitter = new vscode.EventEmitter<IndexingProgress | undefined>();
  private readonly skippedEmitter = new vscode.EventEmitter<void>();
  /** Fires with the progress of the running pass, and undefined once the corpus is up to date. */
  readonly onDidChangeProgress = this.progressEmitter.event;
  readonly onDidChangeSkipped = this.skippedEmitter.event;

  constructor(
    readonly index: CorpusIndex,
    private readonly pool: AnalysisPool,
    private readonly settings: SettingsStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly cache?: AnalysisCache,
    private readonly corrections?: CorrectionsStore,
  ) {
    this.disposables.push(
      this.progressEmitter,
      this.skippedEmitter,
      vscode.workspace.onDidChangeTextDocument(e => this.onEdit(e.document)),
      vscode.workspace.onDidOpenTextDocument(doc => this.onOpen(doc)),
      vscode.workspace.onDidCloseTextDocument(doc => this.onClose(doc)),
      vscode.workspace.onDidDeleteFiles(e => this.removeUnder(e.files)),
      vscode.workspace.onDidRenameFiles(e => e.files.forEach(f => this.renameUnder(f.oldUri, f.newUri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      settings.onDidChange(() => this.onSettings()),
    );
    if (corrections) this.disposables.push(corrections.onDidChange(() => this.reapplyCorrections()));
  }

  /**
   * Corrections changed: every document goes through process() again (the analysis cache makes
   * that cheap), which applies the corrections in effect right before the index takes it. The
   * index keeps only corrected analyses, so there is no second copy of the raw ones.
   */
  private reapplyCorrections(): void {
    this.hashes.clear();
    this.enqueue(this.index.documentIds().map(id => vscode.Uri.parse(id, true)));
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
    if (!this.cache) return;
    try {
      const formats = await this.cache.removeOtherFormats();
      if (formats.length > 0) this.log.info(`removed analysis cache entries of another format: ${formats.join(', ')}`);
      const removed = await this.cache.prune(new Set(this.hashes.values()), Date.now() - CACHE_KEEP_MS);
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
    this.watch();
    const found = await this.corpusFiles();
    this.index.batch(() => {
      for (const id of [...this.index.documentIds(), ...this.skippedFiles.keys()]) if (!found.has(id)) this.forget(id);
    });
    this.skippedEmitter.fire();
    this.enqueue([...found.values()]);
  }

  private async corpusFiles(): Promise<Map<string, vscode.Uri>> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.settings.value.include))) {
        found.set(uri.toString(), uri);
      }
    }
    return found;
  }

  /** A folder moved or copied in whole is one event, for the folder: its corpus files are found here. */
  private async addFolders(created: vscode.Uri[]): Promise<void> {
    const folders: string[] = [];
    for (const uri of created) {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined); // gone again: nothing to add
      if (stat && stat.type & vscode.FileType.Directory) folders.push(`${uri.toString()}/`);
    }
    if (!folders.length) return;
    this.enqueue([...(await this.corpusFiles()).values()].filter(uri => folders.some(f => uri.toString().startsWith(f))));
  }

  /** Only the settings that decide which files are read call for a new scan (not view settings). */
  private onSettings(): void {
    const { include, maxFileSizeMB } = this.settings.value;
    if (include === this.scanned.include && maxFileSizeMB === this.scanned.maxFileSizeMB) return;
    void this.rescan();
  }

  /** Resolves once nothing is queued, analysing or waiting to be merged. */
  async whenIdle(): Promise<void> {
    while (this.scans.size || this.draining || this.queue.size || this.editTimers.size || this.fileEventTimer || this.mergeTimer) {
      await (this.draining ?? [...this.scans][0] ?? new Promise(r => setTimeout(r, 20)));
    }
  }

  get skipped(): ReadonlyMap<string, string> {
    return this.skippedFiles;
  }

  get currentProgress(): IndexingProgress | undefined {
    return this.progress;
  }

  /** True for an open document that the `corpusLens.include` glob selects. */
  isCorpusDocument(doc: vscode.TextDocument): boolean {
    if (this.index.hasDocument(doc.uri.toString())) return true;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    return !!folder && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, this.settings.value.include) }, doc) > 0;
  }

  dispose(): void {
    for (const t of this.editTimers.values()) clearTimeout(t);
    clearTimeout(this.fileEventTimer);
    clearTimeout(this.mergeTimer);
    this.queue.clear();
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
  }

  private watch(): void {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).flatMap(folder => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.settings.value.include));
      watcher.onDidCreate(uri => this.onFileEvent(uri, 'changed'));
      watcher.onDidChange(uri => this.onFileEvent(uri, 'changed'));
      // A folder deleted or moved in is one event for the folder, which the include glob does not match.
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
      folders.onDidCreate(uri => this.onFileEvent(uri, 'created'));
      folders.onDidDelete(uri => this.onFileEvent(uri, 'deleted'));
      return [watcher, folders];
    });
  }

  /**
   * File events arrive in bursts (a branch switch, a copy): batch them into one pass. `created`
   * comes from the watcher of everything, for folders; corpus files come as `changed`.
   */
  private onFileEvent(uri: vscode.Uri, kind: 'changed' | 'deleted' | 'created'): void {
    const id = uri.toString();
    if (kind !== 'created') this.fileEvents[kind === 'changed' ? 'deleted' : 'changed'].delete(id);
    this.fileEvents[kind].set(id, uri);
    clearTimeout(this.fileEventTimer);
    this.fileEventTimer = setTimeout(() => {
      this.fileEventTimer = undefined;
      const deleted = [...this.fileEvents.deleted.values()];
      const changed = [...this.fileEvents.changed.values()];
      const created = [...this.fileEvents.created].filter(([id]) => !this.fileEvents.changed.has(id) && !this.fileEvents.deleted.has(id)).map(([, uri]) => uri);
      this.fileEvents.deleted.clear();
      this.fileEvents.changed.clear();
      this.fileEvents.created.clear();
      this.removeUnder(deleted);
      this.enqueue(changed);
      if (created.length) void this.track(this.addFolders(created).catch(e => this.log.warn(`could not look into a new folder: ${e instanceof Error ? e.message : e}`)));
    }, FILE_EVENT_DEBOUNCE_MS);
  }

  private onEdit(doc: vscode.TextDocument): void {
    if (!this.isCorpusDocument(doc)) return;
    const id = doc.uri.toString();
    clearTimeout(this.editTimers.get(id));
    this.editTimers.set(id, setTimeout(() => {
      this.editTimers.delete(id);
      this.enqueue([doc.uri]);
    }, EDIT_DEBOUNCE_MS));
  }

  /**
   * The editor may hold other text than the file (it normalises mixed line endings, decodes by
   * its own rules): offsets must index the editor's text, so re-analyse when they differ.
   */
  private onOpen(doc: vscode.TextDocument): void {
    const id = doc.uri.toString();
    if (this.index.hasDocument(id) && this.hashes.get(id) !== contentHash(doc.getText())) this.enqueue([doc.uri]);
  }

  /** A document closed with unsaved edits: the file on disk is the truth again. */
  private onClose(doc: vscode.TextDocument): void {
    if (doc.isDirty && this.index.hasDocument(doc.uri.toString())) this.enqueue([doc.uri]);
  }

  /** Forgets the documents at or under the given files and folders, in one pass (a deleted tree may be thousands of events). */
  private removeUnder(uris: readonly vscode.Uri[]): void {
    if (!uris.length) return;
    const gone = new Set(uris.map(uri => uri.toString().replace(/\/$/, '')));
    const under = (doc: string) => {
      for (let at = doc.length; at > 0; at = doc.lastIndexOf('/', at - 1)) if (gone.has(doc.slice(0, at))) return true;
      return false;
    };
    // Skipped and queued ones too: a read that finds them missing later must not list them as skipped.
    const ids = [...new Set([...this.index.documentIds(), ...this.skippedFiles.keys(), ...this.queue.keys()])].filter(under);
    const skipped = ids.some(doc => this.skippedFiles.has(doc));
    this.index.batch(() => ids.forEach(doc => this.forget(doc)));
    if (skipped) this.skippedEmitter.fire();
  }

  private renameUnder(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const oldId = oldUri.toString();
    const newId = newUri.toString();
    this.index.batch(() => {
      for (const doc of this.index.documentIds()) {
        if (doc !== oldId && !doc.startsWith(`${oldId}/`)) continue;
        const renamed = newId + doc.slice(oldId.length);
        this.index.renameDocument(doc, renamed);
        const hash = this.hashes.get(doc);
        this.hashes.delete(doc);
        if (hash) this.hashes.set(renamed, hash);
      }
    });
  }

  /** The document is gone (deleted, or no longer included): also from the queue and from analyses under way. */
  private forget(id: string): void {
    this.unindex(id);
    this.skippedFiles.delete(id);
    if (this.queue.delete(id) && this.progress) this.progress.total--;
    clearTimeout(this.editTimers.get(id));
    this.editTimers.delete(id);
    this.forgotten.set(id, (this.forgotten.get(id) ?? 0) + 1);
  }

  private unindex(id: string): void {
    this.index.removeDocument(id);
    this.hashes.delete(id);
  }

  private enqueue(uris: vscode.Uri[]): void {
    if (!uris.length) return;
    for (const uri of uris) this.queue.set(uri.toString(), uri);
    if (this.progress) this.progress.total += uris.length;
    this.kick();
  }

  /** Starts a pass unless one runs; a pass that ends while more arrived starts another. */
  private kick(): void {
    if (this.draining || !this.queue.size) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    const total = this.queue.size;
    this.progress = { done: 0, total };
    this.fireProgress();
    const work = async (token?: vscode.CancellationToken) => {
      const running = new Set<Promise<void>>();
      while (this.queue.size || running.size) {
        if (token?.isCancellationRequested) this.queue.clear();
        while (this.queue.size && running.size < CONCURRENCY) {
          const [id, uri] = this.queue.entries().next().value as [string, vscode.Uri];
          this.queue.delete(id);
          const job: Promise<void> = this.process(uri).finally(() => {
            running.delete(job);
            this.progress!.done++;
            if (performance.now() - this.progressFired >= PROGRESS_INTERVAL_MS) this.fireProgress();
          });
          running.add(job);
        }
        if (running.size) await Promise.race(running);
      }
      await this.mergeAll();
    };
    try {
      const location = total >= NOTIFY_FROM ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
      await vscode.window.withProgress({ location, title: 'Corpus Lens', cancellable: location === vscode.ProgressLocation.Notification }, async (report, token) => {
        let reported = 0;
        const sub = this.onDidChangeProgress(p => {
          if (!p) return;
          report.report({ message: `Analysing ${p.done} of ${p.total} documents`, increment: ((p.done - reported) / p.total) * 100 });
          reported = p.done;
        });
        try {
          await work(token);
        } finally {
          sub.dispose();
        }
      });
    } finally {
      this.progress = undefined;
      this.progressEmitter.fire(undefined);
    }
  }

  /** Reads (or takes the live text of) one document, analyses it and queues the merge. */
  private async process(uri: vscode.Uri): Promise<void> {
    const id = uri.toString();
    const forgotten = this.forgotten.get(id);
    // A closed document (VS Code keeps it listed a while) is not the truth any more: its file is.
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === id && !d.isClosed);
    const read = open ? await openDocumentText(open) : await readCorpusFile(uri, this.settings.value.maxFileSizeMB * 1048576);
    if ('skipped' in read) {
      // A document already forgotten for its deletion is gone, not skipped.
      return this.queueMerge(() => (read.missing && this.forgotten.has(id) ? undefined : this.skip(id, read.skipped)));
    }
    for (const w of read.warnings) this.log.warn(`${vscode.workspace.asRelativePath(uri)}: ${w}`);
    const hash = contentHash(read.text);
    if (this.hashes.get(id) === hash && this.index.hasDocument(id)) return;
    let analysis = await this.cache?.get(hash, read.text);
    if (!analysis) {
      try {
        analysis = await this.pool.analyze(id, read.text);
      } catch (e) {
        if (e instanceof Superseded) return;
        const message = e instanceof Error ? e.message : String(e);
        // A document deleted meanwhile is gone, not skipped.
        return this.queueMerge(() => {
          if (this.forgotten.get(id) === forgotten) this.skip(id, `analysis failed: ${message.split('\n')[0]}`);
        });
      }
      this.cache?.put(hash, analysis).catch(e => this.log.warn(`could not write the analysis cache: ${e instanceof Error ? e.message : e}`));
    }
    const result = analysis;
    if (this.corrections && !this.corrections.loaded) await this.corrections.ready.catch(() => undefined); // the first pass applies the file's corrections already
    this.queueMerge(() => {
      if (this.forgotten.get(id) !== forgotten) return; // deleted meanwhile
      const corrections = this.corrections?.corrections;
      // Corrections work on objects; without any, the packed analysis goes to the index as it came.
      if (corrections?.corrections.length) {
        this.index.setDocument(id, read.text, applyCorrections(read.text, unpackAnalysis(result, read.text), compileCorrections(corrections)));
      } else {
        this.index.setPackedDocument(id, read.text, result);
      }
      this.hashes.set(id, hash);
      if (this.skippedFiles.delete(id)) this.skippedEmitter.fire();
    });
  }

  private fireProgress(): void {
    this.progressFired = performance.now();
    this.progressEmitter.fire(this.progress);
  }

  private skip(id: string, reason: string): void {
    if (this.skippedFiles.get(id) !== reason) this.log.warn(`skipped ${vscode.workspace.asRelativePath(vscode.Uri.parse(id))}: ${reason}`);
    this.unindex(id);
    this.skippedFiles.set(id, reason);
    this.skippedEmitter.fire();
  }

  /** Results merge into the index in batches, so views refresh a few times a second at most. */
  private queueMerge(merge: () => void): void {
    this.pendingMerges.push(merge);
    this.mergeTimer ??= setTimeout(() => this.flushMerges(), MERGE_INTERVAL_MS);
  }

  /**
   * Merges queued results for at most MERGE_SLICE_MS, as one index batch (one change event);
   * what is left waits for the next slice, after the event loop has had its turn.
   */
  private flushMerges(): void {
    clearTimeout(this.mergeTimer);
    this.mergeTimer = undefined;
    if (!this.pendingMerges.length) return;
    const started = performance.now();
    let merged = 0;
    try {
      this.index.batch(() => {
        while (merged < this.pendingMerges.length && (merged === 0 || performance.now() - started < MERGE_SLICE_MS)) this.pendingMerges[merged++]();
      });
    } catch (e) {
      // A failing view must not stop indexing; the index has notified the others.
      this.log.error(`a view failed on a corpus update: ${e instanceof Error ? e.stack : String(e)}`);
    } finally {
      this.pendingMerges = this.pendingMerges.slice(merged);
      if (this.pendingMerges.length) this.mergeTimer = setTimeout(() => this.flushMerges(), 0);
    }
  }

  /** Merges everything queued, slice by slice. */
  private async mergeAll(): Promise<void> {
    while (this.pendingMerges.length) {
      this.flushMerges();
      await new Promise(resolve => setTimeout(resolve, 0));
    }
  }
}
