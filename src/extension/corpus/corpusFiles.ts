// Finding the corpus files (the include glob in each workspace folder) and watching them. File
// events arrive in bursts (a branch switch, a copy) and are handed on in one batch. VS Code's
// search follows links: the link policy keeps what it finds to files under the workspace folder,
// one document per real file.
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { chooseCorpusFiles } from '../../core/node/linkPolicy';
import type { SettingsStore } from '../settings';

const FILE_EVENT_DEBOUNCE_MS = 300;

/** A batch of file events: files deleted or changed, and corpus files under folders created. */
export interface FileChanges {
  deleted: vscode.Uri[];
  changed: vscode.Uri[];
  /** Resolves to the corpus files under folders created or moved in. */
  added?: Promise<vscode.Uri[]>;
}

/** A test for ids at or under any of `uris`, in one pass up each id (a deleted tree may be thousands of events). */
export function atOrUnder(uris: readonly vscode.Uri[]): (id: string) => boolean {
  const gone = new Set(uris.map(uri => uri.toString().replace(/\/$/, '')));
  return id => {
    for (let at = id.length; at > 0; at = id.lastIndexOf('/', at - 1)) if (gone.has(id.slice(0, at))) return true;
    return false;
  };
}

export class CorpusFiles implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly events = {
    changed: new Map<string, vscode.Uri>(),
    deleted: new Map<string, vscode.Uri>(),
    created: new Map<string, vscode.Uri>(),
  };
  private timer: NodeJS.Timeout | undefined;
  /** Batches being checked against the link policy, one after the other. */
  private flushing: Promise<void> | undefined;
  /** The document id of each real file kept, so that a later link to it adds no document. */
  private readonly owners = new Map<string, string>();
  /** Files found but left out by the link policy: no corpus documents, even when opened in an editor. */
  private readonly excluded = new Set<string>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly onChanges: (changes: FileChanges) => void,
  ) {}

  /** Whether file events wait to be handed on. */
  get busy(): boolean {
    return this.timer !== undefined || this.flushing !== undefined;
  }

  /** Whether the link policy left the file out (a link out of its workspace folder, or a second path to a file). */
  isExcluded(id: string): boolean {
    return this.excluded.has(id);
  }

  /** Every corpus file, by document id. */
  async find(): Promise<Map<string, vscode.Uri>> {
    const found = new Map<string, vscode.Uri>();
    this.owners.clear();
    this.excluded.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.settings.value.include));
      for (const uri of await this.admit(folder, uris)) found.set(uri.toString(), uri);
    }
    return found;
  }

  /**
   * The files of `folder` the link policy keeps: their real file is under the folder's and has no
   * other document yet. A file whose real path cannot be resolved (a broken link) is kept: reading it says why.
   */
  private async admit(folder: vscode.WorkspaceFolder, uris: vscode.Uri[]): Promise<vscode.Uri[]> {
    if (folder.uri.scheme !== 'file' || !uris.length) return uris;
    const realpath = (p: string) => fs.realpath(p).catch(() => undefined);
    const root = (await realpath(folder.uri.fsPath)) ?? folder.uri.fsPath;
    const byPath = new Map(uris.map(uri => [uri.fsPath, uri]));
    const candidates = await Promise.all(uris.map(async uri => ({ path: uri.fsPath, real: await realpath(uri.fsPath) })));
    const realOf = new Map(candidates.map(c => [c.path, c.real]));
    const choice = chooseCorpusFiles(candidates, root);
    const kept: vscode.Uri[] = [];
    const left = [...choice.outside, ...choice.duplicates];
    for (const p of choice.kept) {
      const id = byPath.get(p)!.toString();
      const real = realOf.get(p);
      const owner = real && this.owners.get(real);
      if (owner && owner !== id) left.push(p);
      else {
        if (real) this.owners.set(real, id);
        kept.push(byPath.get(p)!);
      }
    }
    for (const p of left) this.excluded.add(byPath.get(p)!.toString());
    if (choice.outside.length) this.log.info(`${folder.name}: left out ${choice.outside.length} files linked from outside the folder`);
    if (left.length > choice.outside.length) {
      this.log.info(`${folder.name}: left out ${left.length - choice.outside.length} further paths to files already in the corpus`);
    }
    return kept;
  }

  /** The changed files the link policy keeps, once the deleted ones have given up their real files. */
  private async admitChanges(deleted: vscode.Uri[], changed: vscode.Uri[]): Promise<vscode.Uri[]> {
    if (deleted.length) {
      const isGone = atOrUnder(deleted);
      for (const [real, id] of this.owners) if (isGone(id)) this.owners.delete(real);
      for (const id of this.excluded) if (isGone(id)) this.excluded.delete(id);
    }
    const kept: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const inFolder = changed.filter(uri => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString());
      kept.push(...(await this.admit(folder, inFolder)));
    }
    return kept;
  }

  /** Watches the corpus files of the include glob in effect now (again after it changed). */
  watch(): void {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).flatMap(folder => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.settings.value.include));
      watcher.onDidCreate(uri => this.onEvent(uri, 'changed'));
      watcher.onDidChange(uri => this.onEvent(uri, 'changed'));
      // A folder deleted or moved in is one event for the folder, which the include glob does not match.
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
      folders.onDidCreate(uri => this.onEvent(uri, 'created'));
      folders.onDidDelete(uri => this.onEvent(uri, 'deleted'));
      return [watcher, folders];
    });
  }

  /** `created` comes from the watcher of everything, for folders; corpus files come as `changed`. */
  private onEvent(uri: vscode.Uri, kind: 'changed' | 'deleted' | 'created'): void {
    const id = uri.toString();
    const events = this.events;
    if (kind !== 'created') events[kind === 'changed' ? 'deleted' : 'changed'].delete(id);
    events[kind].set(id, uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const deleted = [...events.deleted.values()];
      const changed = [...events.changed.values()];
      const created = [...events.created].filter(([id]) => !events.changed.has(id) && !events.deleted.has(id)).map(([, uri]) => uri);
      events.deleted.clear();
      events.changed.clear();
      events.created.clear();
      const flush = async () => {
        const admitted = await this.admitChanges(deleted, changed);
        this.onChanges({ deleted, changed: admitted, added: created.length ? this.filesUnder(created) : undefined });
      };
      const flushing: Promise<void> = (this.flushing ?? Promise.resolve())
        .then(flush)
        .catch(e => this.log.warn(`could not take in file changes: ${e instanceof Error ? e.message : e}`))
        .finally(() => {
          if (this.flushing === flushing) this.flushing = undefined;
        });
      this.flushing = flushing;
    }, FILE_EVENT_DEBOUNCE_MS);
  }

  /** A folder moved or copied in whole is one event, for the folder: its corpus files are found here. */
  private async filesUnder(created: vscode.Uri[]): Promise<vscode.Uri[]> {
    const folders: string[] = [];
    for (const uri of created) {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined); // gone again: nothing to add
      if (stat && stat.type & vscode.FileType.Directory) folders.push(`${uri.toString()}/`);
    }
    if (!folders.length) return [];
    return [...(await this.find()).values()].filter(uri => folders.some(f => uri.toString().startsWith(f)));
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.watchers).dispose();
  }
}
