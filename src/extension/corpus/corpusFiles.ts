// Finding the corpus files (the include glob in each workspace folder) and watching them. File
// events arrive in bursts (a branch switch, a copy) and are handed on in one batch.
import * as vscode from 'vscode';
import type { SettingsStore } from '../settings';

const FILE_EVENT_DEBOUNCE_MS = 300;

/** A batch of file events: files deleted or changed, and corpus files under folders created. */
export interface FileChanges {
  deleted: vscode.Uri[];
  changed: vscode.Uri[];
  /** Resolves to the corpus files under folders created or moved in. */
  added?: Promise<vscode.Uri[]>;
}

export class CorpusFiles implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly events = {
    changed: new Map<string, vscode.Uri>(),
    deleted: new Map<string, vscode.Uri>(),
    created: new Map<string, vscode.Uri>(),
  };
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly settings: SettingsStore, private readonly onChanges: (changes: FileChanges) => void) {}

  /** Whether file events wait to be handed on. */
  get busy(): boolean {
    return this.timer !== undefined;
  }

  /** Every corpus file, by document id. */
  async find(): Promise<Map<string, vscode.Uri>> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.settings.value.include))) {
        found.set(uri.toString(), uri);
      }
    }
    return found;
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
      this.onChanges({ deleted, changed, added: created.length ? this.filesUnder(created) : undefined });
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
