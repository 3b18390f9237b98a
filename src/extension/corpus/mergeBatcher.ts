// Analysis results merge into the index in batches, so views refresh a few times a second at most,
// and in time slices, so a large batch never stalls the extension host's event loop for long.
import type * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/index/corpusIndex';

const MERGE_INTERVAL_MS = 100;
/** A merge slice ends after this long and yields to the event loop (a stall budget, not a batch size). */
const MERGE_SLICE_MS = 20;

export class MergeBatcher implements vscode.Disposable {
  private pending: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly index: CorpusIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Whether merges wait for their slice. */
  get busy(): boolean {
    return this.timer !== undefined;
  }

  queue(merge: () => void): void {
    this.pending.push(merge);
    this.timer ??= setTimeout(() => this.flush(), MERGE_INTERVAL_MS);
  }

  /** Merges everything queued, slice by slice. */
  async mergeAll(): Promise<void> {
    while (this.pending.length) {
      this.flush();
      await new Promise(resolve => setTimeout(resolve, 0));
    }
  }

  /**
   * Merges queued results for at most MERGE_SLICE_MS, as one index batch (one change event);
   * what is left waits for the next slice, after the event loop has had its turn.
   */
  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return;
    const started = performance.now();
    let merged = 0;
    try {
      this.index.batch(() => {
        while (merged < this.pending.length && (merged === 0 || performance.now() - started < MERGE_SLICE_MS)) this.pending[merged++]();
      });
    } catch (e) {
      // A failing view must not stop indexing; the index has notified the others.
      this.log.error(`a view failed on a corpus update: ${e instanceof Error ? e.stack : String(e)}`);
    } finally {
      this.pending = this.pending.slice(merged);
      if (this.pending.length) this.timer = setTimeout(() => this.flush(), 0);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
