// The workspace's corrections (`.corpus-lens/corrections.json` of the first workspace folder):
// loaded at activation, watched so that hand edits apply live, written atomically.
//
// An invalid file (bad JSON, bytes that are not UTF-8, a repeated key, over the limits) is reported
// (warning + output channel, with its line and column) and never overwritten: while it is
// invalid, the last valid corrections stay applied and every curation command is refused. Every
// write re-reads the file under a lock shared with other windows and applies its change to what
// is there, and is dropped and redone if the file changed while it was written: an edit made
// elsewhere is never lost.

import * as path from 'path';
import * as vscode from 'vscode';
import { updateSharedFile } from '../../core/node/sharedFile';
import { allowWrite } from '../trust';
import {
  CORRECTIONS_FILE,
  Corrections,
  MAX_CORRECTIONS_BYTES,
  compileCorrectionsInSlices,
  ParsedCorrections,
  emptyCorrections,
  oversized,
  parseCorrectionsFile,
  serializeCorrections,
} from '../../core/corrections/corrections';

export interface CorrectionsError {
  message: string;
  line: number;
  column: number;
}

const RELOAD_DEBOUNCE_MS = 100;
const COMPILE_SLICE_MS = 20;

export class CorrectionsStore implements vscode.Disposable {
  private value: Corrections = emptyCorrections();
  private invalid: CorrectionsError | undefined;
  /** The serialized form of `value`, to fire only on real changes. */
  private signature = serializeCorrections(this.value);
  /** Corrections in effect that onDidChange has not fired with yet. */
  private unannounced: Corrections | undefined;
  private readonly emitter = new vscode.EventEmitter<Corrections>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private reloadTimer: NodeJS.Timeout | undefined;
  /** Reads and writes, one at a time. */
  private chain: Promise<unknown> = Promise.resolve();
  /** Resolves once the file has been read at activation. */
  readonly ready: Promise<void>;
  /** Fires with the corrections in effect whenever they change (a command, a hand edit, a deletion). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    readonly uri: vscode.Uri | undefined = defaultUri(),
  ) {
    if (uri) {
      const folder = vscode.workspace.workspaceFolders![0];
      const later = () => this.scheduleReload();
      // The folder too: VS Code reports a deleted folder without its files, and a file created
      // in a folder that has just been created can reach the watcher before the folder is watched.
      for (const pattern of [CORRECTIONS_FILE, path.posix.dirname(CORRECTIONS_FILE)]) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
        this.disposables.push(watcher, watcher.onDidCreate(later), watcher.onDidChange(later), watcher.onDidDelete(later));
      }
    }
    this.ready = this.reload().finally(() => {
      this.loaded = true;
    });
  }

  /** Whether `ready` has resolved (so callers can skip awaiting it). */
  loaded = false;

  /** The corrections in effect (the last valid ones while the file is invalid). */
  get corrections(): Corrections {
    return this.value;
  }

  /** The file's error, while it is invalid. */
  get error(): CorrectionsError | undefined {
    return this.invalid;
  }

  /** Reads the file again now (the watcher does this by itself after a change). */
  reload(): Promise<void> {
    return this.serialized(async () => {
      await this.readFile();
    });
  }

  /**
   * Applies `change` to the corrections on disk and writes the result. Resolves to the new
   * corrections, or undefined when refused (no folder, or the file is invalid: reported, untouched).
   * `change` may return undefined to write nothing.
   */
  update(change: (current: Corrections) => Corrections | undefined): Promise<Corrections | undefined> {
    return this.serialized(async () => {
      if (!this.uri) {
        void vscode.window.showWarningMessage(
          'Corpus Lens: open a folder to keep corrections (they live in .corpus-lens/corrections.json).',
        );
        return undefined;
      }
      // Restricted Mode, or a link on the way: nothing is written (allowWrite says why).
      if (!(await allowWrite(this.uri, this.log))) return undefined;
      let next: Corrections | undefined;
      let invalid = false;
      // May run again, on content another process wrote meanwhile.
      const edit = (parsed: ParsedCorrections | undefined): string | undefined => {
        const current = this.accept(parsed);
        invalid = !current;
        next = current && change(current);
        return next && serializeCorrections(next);
      };
      if (this.uri.scheme === 'file') {
        const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
        await updateSharedFile(this.uri.fsPath, root, bytes => edit(bytes && parseCorrectionsFile(bytes)));
      } else {
        const text = edit(await this.readParsed());
        if (text !== undefined) await vscode.workspace.fs.writeFile(this.uri, new TextEncoder().encode(text));
      }
      if (invalid) {
        const e = this.invalid!;
        void vscode.window.showWarningMessage(
          `Corpus Lens: ${CORRECTIONS_FILE} is invalid (line ${e.line}, column ${e.column}: ${e.message}). Fix it first; it is left as it is.`,
        );
        return undefined;
      }
      if (next) this.set(next);
      return next;
    });
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.reload();
    }, RELOAD_DEBOUNCE_MS);
  }

  /** Runs `run` after the reads and writes before it; then announces the corrections it put in effect. */
  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const step = async (): Promise<T> => {
      try {
        return await run();
      } finally {
        await this.announce();
      }
    };
    const result = this.chain.then(step, step);
    this.chain = result.catch(e => this.log.error(`corrections: ${e instanceof Error ? e.message : String(e)}`));
    return result;
  }

  /** Reads and parses the file, updating the state; the corrections, or undefined when invalid. */
  private async readFile(): Promise<Corrections | undefined> {
    return this.uri ? this.accept(await this.readParsed()) : this.value;
  }

  /** The file parsed; undefined when there is none. A file over the size limit is refused before it is read. */
  private async readParsed(): Promise<ParsedCorrections | undefined> {
    try {
      const { size } = await vscode.workspace.fs.stat(this.uri!);
      return size > MAX_CORRECTIONS_BYTES ? oversized(size) : parseCorrectionsFile(await vscode.workspace.fs.readFile(this.uri!));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
  }

  /** The parsed file into the state (undefined: no file, no corrections); the corrections, or undefined when invalid. */
  private accept(parsed: ParsedCorrections | undefined): Corrections | undefined {
    if (!parsed) {
      this.invalid = undefined;
      this.set(emptyCorrections());
      return this.value;
    }
    if ('error' in parsed) {
      const changed =
        !this.invalid ||
        this.invalid.message !== parsed.error ||
        this.invalid.line !== parsed.line ||
        this.invalid.column !== parsed.column;
      this.invalid = { message: parsed.error, line: parsed.line, column: parsed.column };
      if (changed) {
        const where = `${vscode.workspace.asRelativePath(this.uri!)}:${parsed.line}:${parsed.column}`;
        this.log.warn(
          `invalid corrections file ${where}: ${parsed.error} (the previous corrections stay applied; the file is not overwritten)`,
        );
        void vscode.window.showWarningMessage(
          `Corpus Lens: ${CORRECTIONS_FILE} is invalid at line ${parsed.line}, column ${parsed.column}: ${parsed.error}. Corrections are paused until it is fixed.`,
        );
      }
      return undefined;
    }
    if (this.invalid) this.log.info(`${CORRECTIONS_FILE} is valid again`);
    this.invalid = undefined;
    this.set(parsed.corrections);
    return this.value;
  }

  private set(next: Corrections): void {
    const signature = serializeCorrections(next);
    if (signature === this.signature) return;
    this.value = next;
    this.signature = signature;
    this.log.info(`corrections: ${next.corrections.length} in effect`);
    this.unannounced = next;
  }

  /**
   * Fires onDidChange once the new corrections are compiled, in time slices: listeners apply
   * them to every document, and compiling a long list at once would stall the extension host.
   */
  private async announce(): Promise<void> {
    const next = this.unannounced;
    if (!next) return;
    this.unannounced = undefined;
    await compileCorrectionsInSlices(next, COMPILE_SLICE_MS);
    this.emitter.fire(next);
  }
}

function defaultUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, CORRECTIONS_FILE);
}
