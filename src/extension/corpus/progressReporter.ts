// Indexing progress: an event for the views (at most every PROGRESS_INTERVAL_MS) and VS Code's
// progress UI, a cancellable notification for large passes and the status bar for small ones.
import * as vscode from 'vscode';

export interface IndexingProgress {
  done: number;
  total: number;
}

/** Progress notifications only for passes this large; smaller ones show in the status bar. */
const NOTIFY_FROM = 10;
/** Progress events (each one a message to the workbench per view) at most this often. */
const PROGRESS_INTERVAL_MS = 100;

export class ProgressReporter implements vscode.Disposable {
  private progress: IndexingProgress | undefined;
  private fired = 0;
  private trailing: NodeJS.Timeout | undefined;
  private readonly emitter = new vscode.EventEmitter<IndexingProgress | undefined>();
  /** Fires with the progress of the running pass, and undefined once it has ended. */
  readonly onDidChange = this.emitter.event;

  get current(): IndexingProgress | undefined {
    return this.progress;
  }

  /** Runs a pass of `total` documents; `work` gets the token of the notification's Cancel. */
  async run(total: number, work: (token: vscode.CancellationToken) => Promise<void>): Promise<void> {
    this.progress = { done: 0, total };
    this.fire();
    try {
      const location = total >= NOTIFY_FROM ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
      const options = { location, title: 'Corpus Lens', cancellable: location === vscode.ProgressLocation.Notification };
      await vscode.window.withProgress(options, async (report, token) => {
        let reported = 0;
        const sub = this.onDidChange(p => {
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
      clearTimeout(this.trailing);
      this.trailing = undefined;
      this.progress = undefined;
      this.emitter.fire(undefined);
    }
  }

  /** Documents added to (or, negative, dropped from) the running pass. */
  add(count: number): void {
    if (this.progress) this.progress.total += count;
  }

  /** One document of the running pass is done. */
  step(): void {
    if (!this.progress) return;
    this.progress.done++;
    const wait = PROGRESS_INTERVAL_MS - (performance.now() - this.fired);
    if (wait <= 0 || this.progress.done >= this.progress.total) this.fire();
    // The last steps of a burst are told too, else the count sticks at the burst's first.
    else this.trailing ??= setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
    if (!this.progress) return;
    this.fired = performance.now();
    this.emitter.fire(this.progress);
  }

  dispose(): void {
    clearTimeout(this.trailing);
    this.emitter.dispose();
  }
}
