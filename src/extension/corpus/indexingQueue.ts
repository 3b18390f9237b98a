// The indexing queue: documents waiting to be read (or taken from the open editor), analysed by
// the worker pool (or found in the analysis cache), corrected and merged into the index. It holds
// what is known of each document: its text's hash, whether it was skipped and why, and how often
// it was forgotten (an analysis started before a deletion must not bring the document back).
import * as os from 'os';
import * as vscode from 'vscode';
import { applyCorrections, compileCorrections } from '../../core/corrections/corrections';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import { unpackAnalysis } from '../../core/index/packedAnalysis';
import { AnalysisCache, contentHash } from '../../core/node/analysisCache';
import type { Recognizer } from '../../core/types';
import { AnalysisPool, Superseded } from '../../core/node/analysisPool';
import type { CorrectionsStore } from '../curation/correctionsStore';
import { relativePath } from '../paths';
import type { SettingsStore } from '../settings';
import { openDocumentText, readCorpusFile } from './documentReader';
import { MergeBatcher } from './mergeBatcher';
import { ProgressReporter } from './progressReporter';

/** Files read ahead of the workers, so they never wait on the disk. */
const CONCURRENCY = 2 * Math.max(1, os.cpus().length);

export interface IndexingDependencies {
  index: CorpusIndex;
  pool: AnalysisPool;
  settings: SettingsStore;
  log: vscode.LogOutputChannel;
  /** The analysis cache of each recognizer (one never serves the other's analyses). */
  cache?: (recognizer: Recognizer) => AnalysisCache;
  corrections: CorrectionsStore;
}

export class IndexingQueue implements vscode.Disposable {
  private readonly queue = new Map<string, vscode.Uri>();
  private readonly hashes = new Map<string, string>();
  private readonly forgotten = new Map<string, number>();
  /** How often each document was read: only the latest read's analysis may reach the index. */
  private readonly reads = new Map<string, number>();
  private readonly skippedFiles = new Map<string, string>();
  private draining: Promise<void> | undefined;
  private readonly merges: MergeBatcher;
  readonly progress = new ProgressReporter();
  private readonly skippedEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSkipped = this.skippedEmitter.event;

  constructor(private readonly deps: IndexingDependencies) {
    this.merges = new MergeBatcher(deps.index, deps.log);
  }

  get skipped(): ReadonlyMap<string, string> {
    return this.skippedFiles;
  }

  /** The pass under way, if any. */
  get running(): Promise<void> | undefined {
    return this.draining;
  }

  /** Whether anything is queued, analysing or waiting to be merged. */
  get busy(): boolean {
    return !!this.draining || this.queue.size > 0 || this.merges.busy;
  }

  /** Ids of every document indexed, skipped or queued. */
  knownIds(): string[] {
    return [...new Set([...this.deps.index.documentIds(), ...this.skippedFiles.keys(), ...this.queue.keys()])];
  }

  /** The hashes of the texts indexed now (what the analysis cache keeps). */
  currentHashes(): Set<string> {
    return new Set(this.hashes.values());
  }

  /** Whether the index holds the document with exactly this text. */
  holds(id: string, text: string): boolean {
    return this.deps.index.hasDocument(id) && this.hashes.get(id) === contentHash(text);
  }

  /** Forgets every hash, so that each document queued again goes through the analysis (and the corrections) anew. */
  forgetHashes(): void {
    this.hashes.clear();
  }

  enqueue(uris: vscode.Uri[]): void {
    if (!uris.length) return;
    const before = this.queue.size;
    for (const uri of uris) this.queue.set(uri.toString(), uri);
    // A document queued again (created, then changed) is analysed once: counted once.
    this.progress.add(this.queue.size - before);
    this.kick();
  }

  /** The document is gone (deleted, or no longer included): also from the queue and from analyses under way. */
  forget(id: string): void {
    this.unindex(id);
    this.skippedFiles.delete(id);
    if (this.queue.delete(id)) this.progress.add(-1);
    this.forgotten.set(id, (this.forgotten.get(id) ?? 0) + 1);
  }

  /** Tells the views that skipped documents were forgotten. */
  fireSkipped(): void {
    this.skippedEmitter.fire();
  }

  rename(oldId: string, newId: string): void {
    this.deps.index.renameDocument(oldId, newId);
    const hash = this.hashes.get(oldId);
    this.hashes.delete(oldId);
    if (hash) this.hashes.set(newId, hash);
  }

  private unindex(id: string): void {
    this.deps.index.removeDocument(id);
    this.hashes.delete(id);
  }

  /** Starts a pass unless one runs; a pass that ends while more arrived starts another. */
  private kick(): void {
    if (this.draining || !this.queue.size) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.kick();
    });
  }

  private drain(): Promise<void> {
    return this.progress.run(this.queue.size, async token => {
      const running = new Set<Promise<void>>();
      while (this.queue.size || running.size) {
        if (token.isCancellationRequested) this.queue.clear();
        while (this.queue.size && running.size < CONCURRENCY) {
          const [id, uri] = this.queue.entries().next().value as [string, vscode.Uri];
          this.queue.delete(id);
          const job: Promise<void> = this.process(uri).finally(() => {
            running.delete(job);
            this.progress.step();
          });
          running.add(job);
        }
        if (running.size) await Promise.race(running);
      }
      await this.merges.mergeAll();
    });
  }

  /** Reads (or takes the live text of) one document, analyses it and queues the merge. */
  private async process(uri: vscode.Uri): Promise<void> {
    const { index, settings, log, corrections } = this.deps;
    const { recognizer } = settings.value;
    const cache = this.deps.cache?.(recognizer);
    const id = uri.toString();
    const forgotten = this.forgotten.get(id);
    const readNumber = (this.reads.get(id) ?? 0) + 1;
    this.reads.set(id, readNumber);
    // A closed document (VS Code keeps it listed a while) is not the truth any more: its file is.
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === id && !d.isClosed);
    const read = open ? await openDocumentText(open) : await readCorpusFile(uri, settings.value.maxFileSizeMB * 1048576);
    if ('skipped' in read) {
      // A document already forgotten for its deletion is gone, not skipped.
      return this.merges.queue(() => (read.missing && this.forgotten.has(id) ? undefined : this.skip(id, read.skipped)));
    }
    for (const w of read.warnings) log.warn(`${vscode.workspace.asRelativePath(uri)}: ${w}`);
    const hash = contentHash(read.text);
    if (this.hashes.get(id) === hash && index.hasDocument(id)) return;
    let analysis = await cache?.get(hash, read.text);
    if (!analysis) {
      try {
        analysis = await this.deps.pool.analyze(id, read.text, { recognizer });
      } catch (e) {
        if (e instanceof Superseded) return;
        const message = e instanceof Error ? e.message : String(e);
        // A document deleted meanwhile is gone, not skipped.
        return this.merges.queue(() => {
          if (this.forgotten.get(id) === forgotten) this.skip(id, `analysis failed: ${message.split('\n')[0]}`);
        });
      }
      cache?.put(hash, analysis).catch(e => log.warn(`could not write the analysis cache: ${e instanceof Error ? e.message : e}`));
    }
    const result = analysis;
    // The first pass applies the file's corrections already.
    if (!corrections.loaded) await corrections.ready.catch(() => undefined);
    this.merges.queue(() => {
      if (this.forgotten.get(id) !== forgotten) return; // deleted meanwhile
      // Read again meanwhile (an edit): an older text's analysis, finishing late, must not replace the newer one.
      if (this.reads.get(id) !== readNumber) return;
      const current = corrections.corrections;
      // Corrections work on objects; without any, the packed analysis goes to the index as it came.
      if (current.corrections.length) {
        index.setDocument(id, read.text, applyCorrections(read.text, unpackAnalysis(result, read.text), compileCorrections(current)));
      } else {
        index.setPackedDocument(id, read.text, result);
      }
      this.hashes.set(id, hash);
      if (this.skippedFiles.delete(id)) this.skippedEmitter.fire();
    });
  }

  private skip(id: string, reason: string): void {
    if (this.skippedFiles.get(id) !== reason) this.deps.log.warn(`skipped ${relativePath(id)}: ${reason}`);
    this.unindex(id);
    this.skippedFiles.set(id, reason);
    this.skippedEmitter.fire();
  }

  dispose(): void {
    this.queue.clear();
    vscode.Disposable.from(this.merges, this.progress, this.skippedEmitter).dispose();
  }
}
